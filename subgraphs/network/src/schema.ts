import { buildFederatedSchema, type ReferenceResolvers } from '@dotmac/kernel';
import { DeviceFieldsResolver, SnmpSettingsFieldsResolver } from './device/device-fields.resolver.js';
import { resolveDeviceReference } from './device/device.reference.js';
import { DeviceResolver } from './device/device.resolver.js';
import { resolveInterfaceReference } from './interface/interface.reference.js';
import { InterfaceResolver } from './interface/interface.resolver.js';
import { IpAllocationResolver } from './ipam/ip-allocation.resolver.js';
import { IpPoolResolver } from './ipam/ip-pool.resolver.js';
import { IpPrefixResolver } from './ipam/ip-prefix.resolver.js';
import { alertingReferences, alertingResolvers } from './monitoring/alerting/alerting.schema.js';
import { resolveAllocationReference, resolvePoolReference, resolvePrefixReference } from './ipam/ipam.reference.js';
import { RadiusSettingsResolver } from './radius/radius-settings.resolver.js';
import { resolveServiceReference } from './radius/service.reference.js';
import { ServiceResolver } from './radius/service.resolver.js';
import { SubscriberServicesResolver } from './radius/subscriber-services.resolver.js';
import { resolveSiteReference } from './site/site.reference.js';
import { SiteResolver } from './site/site.resolver.js';
import { DeviceHealthFieldsResolver } from './monitoring/telemetry/graphql/device-health-fields.resolver.js';
import { TelemetryResolver } from './monitoring/telemetry/graphql/telemetry.resolver.js';
import { SubscriberDevicesResolver } from './subscriber/subscriber-devices.resolver.js';
import { TenantDevicesResolver } from './tenant/tenant-devices.resolver.js';
import { TenantStub } from './tenant/tenant.stub.js';

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
      ...alertingResolvers,
      ServiceResolver,
      SubscriberServicesResolver,
      RadiusSettingsResolver,
      TelemetryResolver,
      DeviceHealthFieldsResolver,
    ],
    // No field of this subgraph returns a Tenant: without this, `Tenant.deviceCount` and
    // `Tenant.openIncidentCount` would be pruned from the schema.
    orphanedTypes: [TenantStub],
    references: {
      Site: resolveSiteReference,
      Device: resolveDeviceReference,
      NetworkInterface: resolveInterfaceReference,
      IpPrefix: resolvePrefixReference,
      IpPool: resolvePoolReference,
      IpAllocation: resolveAllocationReference,
      ...alertingReferences,
      Service: resolveServiceReference,
    } as unknown as ReferenceResolvers,
  });
}
