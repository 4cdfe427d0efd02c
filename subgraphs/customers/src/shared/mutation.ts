import { runAuditedMutation, type EntityManager } from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import { actorOf, type Actor } from '../change-log/actor.js';
import { recordScope, SERVICE } from './access.js';

export interface RecordMutation<T> {
  operation: string;
  /** Does the work and names the changed object (raw ids). */
  work: (em: EntityManager, actor: Actor) => Promise<{ payload: T; target: { type: string; id: string; tenantId: string }; details?: Record<string, unknown> }>;
}

/**
 * A mutation of an existing customers record: audited, in the viewer's tenant (a platform admin's
 * change runs across tenants and the record names its own), with the viewer as the change log's actor.
 */
export function mutateRecord<T extends object>(ctx: CustomersContext, mutation: RecordMutation<T>) {
  const actor = actorOf(ctx);
  return runAuditedMutation(ctx, {
    service: SERVICE,
    operation: mutation.operation,
    scope: recordScope(ctx.viewer),
    work: (em) => mutation.work(em, actor),
  });
}
