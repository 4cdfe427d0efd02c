import type { EntityManager } from '@dotmac/kernel';
import { serviceReplyAttributes, suspensionAttributes, suspensionGroupOf, type RadiusAttribute } from './radius-attributes.js';
import type { RadiusSettings } from './radius-settings.entity.js';
import { ServiceState, type Service } from './service.entity.js';

/** The suspension group comes first among a user's groups (lowest priority number). */
const SUSPENSION_PRIORITY = 0;

async function insertAttributes(em: EntityManager, table: 'radcheck' | 'radreply' | 'radgroupreply', key: string, tenantId: string, items: RadiusAttribute[]): Promise<void> {
  const column = table === 'radgroupreply' ? 'groupname' : 'username';
  for (const item of items) {
    await em.execute(`insert into radius.${table} (tenant_id, ${column}, attribute, op, value) values (?, ?, ?, ?, ?)`, [tenantId, key, item.attribute, item.op, item.value]);
  }
}

/** Removes every row FreeRADIUS would find for a username: it is rejected from the next request on. */
export async function removeUserRows(em: EntityManager, username: string): Promise<void> {
  await em.execute(
    `with c as (delete from radius.radcheck where username = ?), r as (delete from radius.radreply where username = ?)
     delete from radius.radusergroup where username = ?`,
    [username, username, username],
  );
}

/**
 * Makes the service's RADIUS rows say what the service says: the password as the check item
 * (`Cleartext-Password :=`, which PAP and CHAP both need), its rate and static address as reply
 * items, and membership of the tenant's suspension group while suspended. A terminated service
 * has no rows. Rows are replaced, never patched, so rewriting twice gives the same rows.
 */
export async function writeUserRows(em: EntityManager, service: Service, password: string, settings: RadiusSettings): Promise<void> {
  await removeUserRows(em, service.username);
  if (service.state === ServiceState.TERMINATED) return;
  await insertAttributes(em, 'radcheck', service.username, service.tenantId, [{ attribute: 'Cleartext-Password', op: ':=', value: password }]);
  await insertAttributes(em, 'radreply', service.username, service.tenantId, serviceReplyAttributes(settings.rateLimitFormat, service));
  if (service.state === ServiceState.SUSPENDED) {
    await em.execute(`insert into radius.radusergroup (tenant_id, username, groupname, priority) values (?, ?, ?, ?)`, [
      service.tenantId,
      service.username,
      suspensionGroupOf(service.tenantId),
      SUSPENSION_PRIORITY,
    ]);
  }
}

/** Rewrites the tenant's suspension group reply from its settings. */
export async function writeSuspensionGroup(em: EntityManager, settings: RadiusSettings): Promise<void> {
  const group = suspensionGroupOf(settings.tenantId);
  await em.execute(`delete from radius.radgroupreply where groupname = ?`, [group]);
  await insertAttributes(em, 'radgroupreply', group, settings.tenantId, suspensionAttributes(settings));
}
