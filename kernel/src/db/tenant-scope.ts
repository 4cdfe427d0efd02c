import { Filter } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { hasRecordedEvents } from './outbox.js';

/** Name of the MikroORM filter every tenant-owned entity declares (a convenience above RLS). */
export const TENANT_FILTER = 'tenant';

/**
 * Where a unit of database work runs. `tenant` sees exactly one tenant's rows; `platform` is the
 * explicit cross-tenant scope used by platform-admin queries and background relays. Anything else
 * (no scope set) sees nothing: the row-level security policies fail closed.
 */
export type Scope = { kind: 'tenant'; tenantId: string } | { kind: 'platform' };

export const tenantScope = (tenantId: string): Scope => ({ kind: 'tenant', tenantId });
export const PLATFORM_SCOPE: Scope = Object.freeze({ kind: 'platform' });

/**
 * Runs `work` in ONE transaction whose PostgreSQL settings (`app.tenant_id`, `app.scope`) are set
 * with SET LOCAL semantics, so they vanish at commit or rollback and never leak to another request
 * through the pool. The row-level security policies read those settings.
 */
export class Database {
  private afterCommitHooks: Array<() => void> = [];

  constructor(readonly orm: MikroORM) {}

  async run<T>(scope: Scope, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const em = this.orm.em.fork({ clear: true });
    let recordedEvents = false;
    const result = await em.transactional(async (tx) => {
      await tx.execute(`select set_config('app.tenant_id', ?, true), set_config('app.scope', ?, true)`, [
        scope.kind === 'tenant' ? scope.tenantId : '',
        scope.kind,
      ]);
      tx.setFilterParams(TENANT_FILTER, scope.kind === 'tenant' ? { tenantId: scope.tenantId } : {});
      const outcome = await work(tx as EntityManager);
      recordedEvents = hasRecordedEvents(tx as EntityManager);
      return outcome;
    });
    if (recordedEvents) for (const hook of this.afterCommitHooks) hook();
    return result;
  }

  inTenant<T>(tenantId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.run(tenantScope(tenantId), work);
  }

  asPlatform<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.run(PLATFORM_SCOPE, work);
  }

  /** Registers a hook called after each committed unit of work that recorded events (the outbox relay). */
  onCommit(hook: () => void): void {
    this.afterCommitHooks.push(hook);
  }

  close(): Promise<void> {
    return this.orm.close(true);
  }
}

/** Declares the tenant filter on a tenant-owned entity (its rows carry `tenantId`). */
export const TenantFiltered = () =>
  Filter({ name: TENANT_FILTER, default: true, cond: (args: { tenantId?: string }) => (args?.tenantId ? { tenantId: args.tenantId } : {}) });
