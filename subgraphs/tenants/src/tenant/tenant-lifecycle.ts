import { AppError } from '@dotmac/kernel';
import { TenantStatus } from './tenant.entity.js';

/** pending → provisioning → active ⇄ suspended; any state but cancelled → cancelled. */
const ALLOWED: Record<TenantStatus, readonly TenantStatus[]> = {
  [TenantStatus.PENDING]: [TenantStatus.PROVISIONING, TenantStatus.CANCELLED],
  [TenantStatus.PROVISIONING]: [TenantStatus.ACTIVE, TenantStatus.CANCELLED],
  [TenantStatus.ACTIVE]: [TenantStatus.SUSPENDED, TenantStatus.CANCELLED],
  [TenantStatus.SUSPENDED]: [TenantStatus.ACTIVE, TenantStatus.CANCELLED],
  [TenantStatus.CANCELLED]: [],
};

export function allowedTransitions(from: TenantStatus): readonly TenantStatus[] {
  return ALLOWED[from];
}

/** Throws a CONFLICT naming the allowed targets when `from → to` is not a lifecycle step. */
export function assertTransition(from: TenantStatus, to: TenantStatus): void {
  if (ALLOWED[from].includes(to)) return;
  const allowed = ALLOWED[from].length ? ALLOWED[from].join(', ') : 'none (terminal state)';
  throw AppError.conflict(`A ${from} tenant cannot become ${to}; allowed: ${allowed}`, 'to');
}
