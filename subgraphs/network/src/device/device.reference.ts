import { referenceResolver } from '../shared/reference.js';
import { Device } from './device.entity.js';
import { DeviceType } from './device.type.js';

/** Resolves Device entities for the gateway (e.g. `node(id)`); another ISP's is NOT_FOUND. */
export const resolveDeviceReference = referenceResolver('Device', Device, DeviceType.from);
