import { AppError } from '@dotmac/kernel';
import { SubscriberStatus } from './subscriber.entity.js';

const { LEAD, ACTIVE, SUSPENDED, DELINQUENT, CANCELLED } = SubscriberStatus;

/**
 * Steps staff may take by hand: lead → active ⇄ suspended, anything but cancelled → cancelled.
 * Delinquency belongs to billing: staff can neither set it nor clear it, only cancel the account.
 */
const STAFF_STEPS: Record<SubscriberStatus, readonly SubscriberStatus[]> = {
  [LEAD]: [ACTIVE, CANCELLED],
  [ACTIVE]: [SUSPENDED, CANCELLED],
  [SUSPENDED]: [ACTIVE, CANCELLED],
  [DELINQUENT]: [CANCELLED],
  [CANCELLED]: [],
};

/** Statuses billing's delinquency notice applies to; it is ignored for leads and cancelled accounts. */
export const DELINQUENCY_APPLIES_TO: readonly SubscriberStatus[] = [ACTIVE, SUSPENDED];

/** Throws a CONFLICT saying why, and what is allowed, when staff may not move `from → to`. */
export function assertStaffTransition(from: SubscriberStatus, to: SubscriberStatus): void {
  if (STAFF_STEPS[from].includes(to)) return;
  if (to === DELINQUENT) throw AppError.conflict('Only billing marks a subscriber delinquent', 'to');
  if (from === DELINQUENT) {
    throw AppError.conflict('Billing restores a delinquent subscriber once the balance is paid; staff may only cancel it', 'to');
  }
  const allowed = STAFF_STEPS[from].length ? STAFF_STEPS[from].join(', ') : 'none (terminal state)';
  throw AppError.conflict(`A ${from} subscriber cannot become ${to}; allowed: ${allowed}`, 'to');
}
