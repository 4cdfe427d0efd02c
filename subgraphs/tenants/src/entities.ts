import { OutboxEvent } from '@dotmac/kernel';
import { ApiKey } from './api-key/api-key.entity.js';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { Session } from './auth/session.entity.js';
import { Tenant } from './tenant/tenant.entity.js';
import { User } from './user/user.entity.js';
import { migrations } from './migrations/index.js';

export const entities = [Tenant, User, Session, ApiKey, AuditEntry, OutboxEvent];
export const databaseModel = { entities, migrations };
