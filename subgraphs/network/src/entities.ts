import { OutboxEvent } from '@dotmac/kernel';
import { Device } from './device/device.entity.js';
import { NetworkInterface } from './interface/interface.entity.js';
import { IpAllocation } from './ipam/ip-allocation.entity.js';
import { IpPool } from './ipam/ip-pool.entity.js';
import { IpPrefix } from './ipam/ip-prefix.entity.js';
import { migrations } from './migrations/index.js';
import { alertingEntities } from './monitoring/alerting/alerting.entities.js';
import { RadiusSettings } from './radius/radius-settings.entity.js';
import { Service } from './radius/service.entity.js';
import { Site } from './site/site.entity.js';

export const entities = [Site, Device, NetworkInterface, IpPrefix, IpPool, IpAllocation, Service, RadiusSettings, ...alertingEntities, OutboxEvent];
export const databaseModel = { entities, migrations };
