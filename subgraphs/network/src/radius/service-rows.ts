import type { EntityManager } from '@dotmac/kernel';
import type { CredentialCipher } from '../credentials/credential-cipher.js';
import { writeUserRows } from './radius-rows.js';
import { settingsOf } from './radius-settings.service.js';
import { passwordContext, type Service } from './service.entity.js';

/** Rewrites a service's RADIUS rows from the service (flushes it first, in the caller's transaction). */
export async function syncServiceRows(em: EntityManager, cipher: CredentialCipher, service: Service): Promise<void> {
  await em.flush();
  const settings = await settingsOf(em, service.tenantId);
  await writeUserRows(em, service, cipher.open(service.passwordSealed, passwordContext(service.id)), settings);
}

/** Whether billing has told us the subscriber is delinquent (and not restored since). */
export async function isSuspensionHeld(em: EntityManager, subscriberId: string): Promise<boolean> {
  const rows = await em.execute<unknown[]>(`select 1 from radius_suspension where subscriber_id = ?`, [subscriberId]);
  return rows.length > 0;
}
