import { AppError } from '@dotmac/kernel';
import { SubscriberStatus } from './subscriber.entity.js';

const ACCOUNT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;
/** Generated account numbers: S- and at least six digits. */
export const GENERATED_ACCOUNT_NUMBER = /^S-(\d+)$/;
/** Statuses a subscriber may be created in; the others are reached through the lifecycle. */
export const INITIAL_STATUSES: readonly SubscriberStatus[] = [SubscriberStatus.LEAD, SubscriberStatus.ACTIVE];

export function cleanName(name: string | null | undefined): string {
  const trimmed = (name ?? '').trim();
  if (trimmed.length < 1 || trimmed.length > 200) throw AppError.badInput('Name must be 1–200 characters', 'name');
  return trimmed;
}

/** A given account number, trimmed and checked; undefined when it is to be generated. */
export function cleanAccountNumber(accountNumber: string | null | undefined): string | undefined {
  if (accountNumber == null) return undefined;
  const trimmed = accountNumber.trim();
  if (!ACCOUNT_NUMBER.test(trimmed)) throw AppError.badInput('Account number: 1–32 letters, digits or "-"', 'accountNumber');
  return trimmed;
}

export function initialStatus(status: SubscriberStatus | null | undefined): SubscriberStatus {
  const chosen = status ?? SubscriberStatus.LEAD;
  if (!INITIAL_STATUSES.includes(chosen)) throw AppError.badInput('A new subscriber starts as LEAD or ACTIVE', 'status');
  return chosen;
}

export const formatAccountNumber = (sequence: number): string => `S-${String(sequence).padStart(6, '0')}`;

export const duplicateAccount = (accountNumber: string) => AppError.conflict(`Account number ${accountNumber} is taken`, 'accountNumber');
