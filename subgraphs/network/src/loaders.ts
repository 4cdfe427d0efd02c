import DataLoader from 'dataloader';
import type { Database, Viewer } from '@dotmac/kernel';
import { loaderScope } from './access/network-access.js';
import { secretNamesOfDevices, type DeviceSecretName } from './credentials/device-secret.store.js';
import { deviceCountsOfTenants, devicesOfSubscribers } from './device/device-query.service.js';
import { Device } from './device/device.entity.js';
import { NetworkInterface } from './interface/interface.entity.js';
import { IpPool } from './ipam/ip-pool.entity.js';
import { allocatedCounts } from './ipam/ip-pool.service.js';
import { createAlertingLoaders } from './monitoring/alerting/alerting.loaders.js';
import { IpPrefix } from './ipam/ip-prefix.entity.js';
import { createSessionLoaders } from './radius/radius-session.loaders.js';
import { Service } from './radius/service.entity.js';
import { groupLoader, rowLoader } from '@dotmac/kernel';
import { Site } from './site/site.entity.js';
import { createTelemetryLoaders } from './monitoring/telemetry/telemetry.loaders.js';

/** Per-request batch loaders of the network subgraph (one SQL statement per field across a page). */
export function createNetworkLoaders(db: Database, viewer: Viewer) {
  const scope = loaderScope(viewer);
  const byKeys = <T>(fetch: (keys: string[]) => Promise<Map<string, T>>, fallback: T) =>
    new DataLoader<string, T>(async (keys) => {
      if (!scope) return keys.map(() => fallback);
      const found = await fetch([...keys]);
      return keys.map((key) => found.get(key) ?? fallback);
    });
  return {
    viewer,
    siteById: rowLoader(db, scope, (em, ids) => em.find(Site, { id: { $in: ids } }), (row) => row.id),
    deviceById: rowLoader(db, scope, (em, ids) => em.find(Device, { id: { $in: ids } }), (row) => row.id),
    childrenByDevice: groupLoader(db, scope, (em, ids) => em.find(Device, { parentId: { $in: ids } }, { orderBy: { name: 'asc', id: 'asc' } }), (row) => row.parentId!),
    interfacesByDevice: groupLoader(db, scope, (em, ids) => em.find(NetworkInterface, { deviceId: { $in: ids } }, { orderBy: { name: 'asc' } }), (row) => row.deviceId),
    secretNamesByDevice: byKeys((ids) => db.run(scope!, (em) => secretNamesOfDevices(em, ids)), new Set<DeviceSecretName>() as ReadonlySet<DeviceSecretName>),
    devicesBySubscriber: byKeys((ids) => db.run(scope!, (em) => devicesOfSubscribers(em, ids)), [] as Device[]),
    deviceCountByTenant: byKeys((ids) => db.run(scope!, (em) => deviceCountsOfTenants(em, ids)), 0),
    prefixById: rowLoader(db, scope, (em, ids) => em.find(IpPrefix, { id: { $in: ids } }), (row) => row.id),
    poolById: rowLoader(db, scope, (em, ids) => em.find(IpPool, { id: { $in: ids } }), (row) => row.id),
    interfaceById: rowLoader(db, scope, (em, ids) => em.find(NetworkInterface, { id: { $in: ids } }), (row) => row.id),
    allocatedCountByPool: byKeys((ids) => db.run(scope!, (em) => allocatedCounts(em, ids)), 0),
    alerting: createAlertingLoaders(db, scope),
    servicesBySubscriber: groupLoader(db, scope, (em, ids) => em.find(Service, { subscriberId: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }), (row) => row.subscriberId),
    sessions: createSessionLoaders(db, scope),
    ...createTelemetryLoaders(db, scope),
    poolsByPrefix: groupLoader(db, scope, (em, ids) => em.find(IpPool, { prefixId: { $in: ids } }, { orderBy: { name: 'asc' } }), (row) => row.prefixId),
  };
}

export type NetworkLoaders = ReturnType<typeof createNetworkLoaders>;
