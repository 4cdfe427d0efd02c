import { normaliseEmail, Role, type Database, type Logger } from '@dotmac/kernel';
import { hashPassword } from '../auth/password.js';
import { User } from './user.entity.js';

/** Creates the first platform admin from configuration when the platform has none. */
export async function ensureBootstrapAdmin(db: Database, email: string, password: string, logger: Logger): Promise<void> {
  await db.asPlatform(async (em) => {
    await em.execute('select pg_advisory_xact_lock(7243001)');
    const admins = await em.count(User, { roles: { $contains: [Role.PLATFORM_ADMIN] } });
    if (admins > 0) return;
    em.create(User, {
      email: normaliseEmail(email),
      displayName: 'Platform administrator',
      roles: [Role.PLATFORM_ADMIN],
      passwordHash: await hashPassword(password),
    });
    logger.info({ email }, 'bootstrap platform admin created');
  });
}
