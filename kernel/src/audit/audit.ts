import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import type { Scope } from '../db/tenant-scope.js';
import { recordEvent } from '../db/outbox.js';
import type { SubgraphContext } from '../server/context.js';
import { withUserErrors, type UserError } from '../errors/user-error.js';

/** Topic every subgraph writes its audit records to; the tenants subgraph stores them. */
export const AUDIT_TOPIC = 'audit.recorded';

export interface AuditRecord {
  service: string;
  operation: string;
  actorKind: Viewer['kind'];
  actorId?: string;
  tenantId?: string;
  targetType?: string;
  targetId?: string;
  requestId: string;
  clientIp?: string;
  details?: Record<string, unknown>;
}

/** Writes an audit record into the current transaction's outbox: it exists iff the change committed. */
export function recordAudit(em: EntityManager, record: AuditRecord): void {
  recordEvent(em, AUDIT_TOPIC, record.tenantId, record as unknown as Record<string, unknown>);
}

export interface MutationTarget {
  type: string;
  /** Raw (database) id of the object the mutation changed. */
  id: string;
  tenantId?: string;
}

export interface MutationSpec<T> {
  service: string;
  operation: string;
  scope: Scope;
  /** Does the work inside the transaction and says which object it changed. */
  work: (em: EntityManager) => Promise<{ payload: T; target?: MutationTarget; details?: Record<string, unknown> }>;
}

/**
 * The shape of every DotMac mutation: one transaction in the given scope, the change and its audit
 * record committed together, input failures returned as `userErrors` with nothing written.
 */
export function runAuditedMutation<T extends object>(
  context: SubgraphContext,
  spec: MutationSpec<T>,
): Promise<T & { userErrors: UserError[] }> {
  return withUserErrors(() =>
    context.db.run(spec.scope, async (em) => {
      const { payload, target, details } = await spec.work(em);
      recordAudit(em, {
        service: spec.service,
        operation: spec.operation,
        actorKind: context.viewer.kind,
        actorId: context.viewer.id,
        tenantId: target?.tenantId ?? (spec.scope.kind === 'tenant' ? spec.scope.tenantId : context.viewer.tenantId),
        targetType: target?.type,
        targetId: target?.id,
        requestId: context.requestId,
        clientIp: context.viewer.clientIp,
        details,
      });
      return payload;
    }),
  );
}
