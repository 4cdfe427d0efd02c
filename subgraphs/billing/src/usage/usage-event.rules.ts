import { AppError, ErrorCode, expectGlobalId, UserError } from '@dotmac/kernel';
import { parseScaledDecimal } from '../money/rounding.js';
import { QUANTITY_SCALE } from '../money/tiers.js';
import { validMetric } from './usage-metric.js';

export const MAX_EVENTS_PER_CALL = 5_000;
/** Devices' clocks drift; an event from further ahead than this is a mistake. */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
const TEXT_ID = /^[\x21-\x7e]{1,200}$/;

export interface UsageEventSpec {
  eventId: string;
  subscriberId: string;
  metric: string;
  quantity: string;
  uniqueKey?: string | null;
  occurredAt: Date;
}

/** An event ready to store: raw subscriber id, canonical decimal quantity. */
export interface ValidUsageEvent {
  eventId: string;
  subscriberId: string;
  metric: string;
  quantity: string;
  uniqueKey: string | null;
  occurredAt: string;
}

function validEvent(spec: UsageEventSpec, now: Date): ValidUsageEvent {
  if (!TEXT_ID.test(spec.eventId)) throw AppError.badInput('An event id is 1–200 printable characters without spaces', 'eventId');
  const subscriberId = expectGlobalId(spec.subscriberId, 'Subscriber', 'subscriberId');
  const metric = validMetric(spec.metric);
  const quantity = parseScaledDecimal(spec.quantity, QUANTITY_SCALE);
  if (quantity === undefined) throw AppError.badInput('A quantity is a decimal string, zero or more, with at most 6 decimals', 'quantity');
  const uniqueKey = spec.uniqueKey?.trim() || null;
  if (uniqueKey && uniqueKey.length > 200) throw AppError.badInput('A unique key is at most 200 characters', 'uniqueKey');
  const time = spec.occurredAt.getTime();
  if (!Number.isFinite(time)) throw AppError.badInput('occurredAt is not a valid time', 'occurredAt');
  if (time > now.getTime() + MAX_FUTURE_MS) throw AppError.badInput('occurredAt is more than a day in the future', 'occurredAt');
  return { eventId: spec.eventId, subscriberId, metric, quantity: spec.quantity.trim(), uniqueKey, occurredAt: spec.occurredAt.toISOString() };
}

/**
 * Checks every event before anything is written: either all are valid, or every invalid one is
 * reported with its index (`events.<index>.<field>`) and none is recorded.
 */
export function validateUsageEvents(specs: readonly UsageEventSpec[], now: Date): { events: ValidUsageEvent[]; errors: UserError[] } {
  if (specs.length < 1 || specs.length > MAX_EVENTS_PER_CALL) {
    return { events: [], errors: [UserError.of(ErrorCode.BAD_USER_INPUT, `Send 1 to ${MAX_EVENTS_PER_CALL} events per call`, 'events')] };
  }
  const events: ValidUsageEvent[] = [];
  const errors: UserError[] = [];
  specs.forEach((spec, index) => {
    try {
      events.push(validEvent(spec, now));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const field = typeof error.details.field === 'string' ? error.details.field : undefined;
      errors.push(UserError.of(error.code, error.message, `events.${index}${field ? `.${field}` : ''}`));
    }
  });
  return { events: errors.length ? [] : events, errors };
}
