import { buildFederatedSchema, type ReferenceResolvers } from '@dotmac/kernel';
import { DeviceFieldsResolver, SnmpSettingsFieldsResolver } from './device/device-fields.resolver.js';
import { resolveDeviceReference } from './device/device.reference.js';
import { DeviceResolver } from './device/device.resolver.js';
import { resolveInterfaceReference } from './interface/interface.reference.js';
import { InterfaceResolver } from './interface/interface.resolver.js';
import { IpAllocationResolver } from './ipam/ip-allocation.resolver.js';
import { IpPoolResolver } from './ipam/ip-pool.resolver.js';
import { IpPrefixResolver } from './ipam/ip-prefix.resolver.js';
import { resolveAllocationReference, resolvePoolReference, resolvePrefixReference } from './ipam/ipam.reference.js';
import { resolveSiteReference } from './site/site.reference.js';
import { SiteResolver } from './site/site.resolver.js';
import { DeviceHealthFieldsResolver } from './monitoring/telemetry/graphql/device-health-fields.resolver.js';
import { TelemetryResolver } from './monitoring/telemetry/graphql/telemetry.resolver.js';
import { SubscriberDevicesResolver } from './subscriber/subscriber-devices.resolver.js';
import { TenantDevicesResolver } from './tenant/tenant-devices.resolver.js';

/** The network subgraph schema (and its SDL, for composition). */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [
      SiteResolver,
      DeviceResolver,
      DeviceFieldsResolver,
      SnmpSettingsFieldsResolver,
      InterfaceResolver,
      IpPrefixResolver,
      IpPoolResolver,
      IpAllocationResolver,
      SubscriberDevicesResolver,
      TenantDevicesResolver,
      TelemetryResolver,
      DeviceHealthFieldsResolver,
    ],
    references: {
      Site: resolveSiteReference,
      Device: resolveDeviceReference,
      NetworkInterface: resolveInterfaceReference,
      IpPrefix: resolvePrefixReference,
      IpPool: resolvePoolReference,
      IpAllocation: resolveAllocationReference,
    } as unknown as ReferenceResolvers,
  });
}
