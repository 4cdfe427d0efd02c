import { ErrorCode, fromGlobalId } from '@dotmac/kernel';
import { isKnownMetric, valueProblem } from './metric.js';
import type { IncomingSample, RejectedSample, ValidSample } from './sample.js';

/** How far ahead of the server clock a sample may be (clock skew), in milliseconds. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;
const MAX_LABELS = 16;
const MAX_LABEL_NAME = 64;
const MAX_LABEL_VALUE = 256;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export interface ValidationWindow {
  /** Samples before this instant are older than the tenant's retention. */
  oldest: Date;
  now: Date;
}

const reject = (index: number, field: string, message: string, code = ErrorCode.BAD_USER_INPUT): RejectedSample => ({ index, field, code, message });

/** The raw device id of a Device global id or a plain UUID; undefined for anything else. */
export function deviceIdOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (UUID.test(value)) return value.toLowerCase();
  try {
    const { type, id } = fromGlobalId(value);
    return type === 'Device' && UUID.test(id) ? id.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function timestampOf(value: unknown, now: Date): Date | undefined {
  if (value === undefined || value === null) return now;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' || !ISO_TIMESTAMP.test(value)) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

function labelsOf(value: unknown): Record<string, string> | null | string {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return 'Labels must be an object of string values';
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_LABELS) return `At most ${MAX_LABELS} labels`;
  for (const [name, text] of entries) {
    if (name.length === 0 || name.length > MAX_LABEL_NAME) return `Label names are 1–${MAX_LABEL_NAME} characters`;
    if (typeof text !== 'string' || text.length > MAX_LABEL_VALUE) return `Label values are strings of at most ${MAX_LABEL_VALUE} characters`;
  }
  return entries.length ? Object.fromEntries(entries) as Record<string, string> : null;
}

/**
 * Checks one sample's shape and values (not whether its device exists: that takes the database).
 * Returns the sample ready to store, or the first problem found.
 */
export function validateSample(sample: unknown, index: number, window: ValidationWindow): ValidSample | RejectedSample {
  if (!sample || typeof sample !== 'object' || Array.isArray(sample)) return reject(index, 'sample', 'Each sample must be an object');
  const { deviceId, metric, value, at, labels } = sample as IncomingSample;
  const device = deviceIdOf(deviceId);
  if (!device) return reject(index, 'deviceId', 'deviceId must be a Device id');
  if (typeof metric !== 'string' || !isKnownMetric(metric)) return reject(index, 'metric', `Unknown metric ${JSON.stringify(metric ?? null).slice(0, 80)}`);
  if (typeof value !== 'number') return reject(index, 'value', 'The value must be a number');
  const problem = valueProblem(metric, value);
  if (problem) return reject(index, 'value', problem);
  const when = timestampOf(at, window.now);
  if (!when) return reject(index, 'at', 'at must be an ISO-8601 timestamp with a time zone');
  if (when.getTime() > window.now.getTime() + MAX_FUTURE_SKEW_MS) return reject(index, 'at', 'at is more than 5 minutes in the future');
  if (when < window.oldest) return reject(index, 'at', `at is older than the retention period (${window.oldest.toISOString()})`);
  const labelSet = labelsOf(labels);
  if (typeof labelSet === 'string') return reject(index, 'labels', labelSet);
  return { index, deviceId: device, metric, value, at: when, labels: labelSet };
}

export const isRejected = (result: ValidSample | RejectedSample): result is RejectedSample => 'code' in result;
