import { fromGlobalId } from '@dotmac/kernel';
import { AlertSeverity } from './alerting-enums.js';

/** An item-level problem in an agent report: which item, which field, which code. */
export interface ItemError {
  index: number;
  field: string;
  code: 'BAD_USER_INPUT' | 'NOT_FOUND';
  message: string;
}

/** A validated report item: an incident to raise or clear for one device and key. */
export interface AgentReport {
  index: number;
  deviceId: string;
  key: string;
  title: string;
  severity: AlertSeverity;
  firing: boolean;
  message: string | null;
  value: number | null;
  at: Date;
  idempotencyKey: string | null;
}

export const MAX_ITEMS_PER_REPORT = 1000;
/** Agents' clocks drift; a report from further in the future than this is refused. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

type Raw = Record<string, unknown>;

class ItemReader {
  readonly errors: ItemError[] = [];
  constructor(
    private readonly item: Raw,
    private readonly index: number,
    private readonly path: string,
  ) {}

  fail(field: string, message: string, code: ItemError['code'] = 'BAD_USER_INPUT'): undefined {
    this.errors.push({ index: this.index, field: `${this.path}.${this.index}.${field}`, code, message });
    return undefined;
  }

  text(field: string, { required, max }: { required: boolean; max: number }): string | null | undefined {
    const value = this.item[field];
    if (value == null || value === '') return required ? this.fail(field, `${field} is required`) : null;
    if (typeof value !== 'string' || value.trim().length === 0 || value.length > max) return this.fail(field, `${field} must be text of 1–${max} characters`);
    return value.trim();
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const value = this.item[field];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value.toLowerCase())) return value.toLowerCase() as T;
    return this.fail(field, `${field} must be one of ${allowed.join(', ')}`);
  }

  deviceId(): string | undefined {
    const value = this.item.deviceId;
    if (typeof value === 'string') {
      try {
        const { type, id } = fromGlobalId(value);
        if (type === 'Device') return id;
      } catch {
        // reported below
      }
    }
    return this.fail('deviceId', 'deviceId must be the global id of a Device');
  }

  time(now: number): Date | undefined {
    const value = this.item.at;
    const at = typeof value === 'string' ? new Date(value) : undefined;
    if (!at || Number.isNaN(at.getTime())) return this.fail('at', 'at must be an ISO-8601 time');
    if (at.getTime() > now + MAX_CLOCK_SKEW_MS) return this.fail('at', 'at is in the future');
    return at;
  }

  optionalNumber(field: string): number | null | undefined {
    const value = this.item[field];
    if (value == null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return this.fail(field, `${field} must be a finite number ≥ 0`);
    return value;
  }
}

const ALERT_STATES = ['firing', 'resolved'] as const;
const CHECK_STATUSES = ['ok', 'warning', 'critical'] as const;
const SEVERITIES = Object.values(AlertSeverity);

/** The items of a report body: `{ alerts: [...] }` / `{ checks: [...] }`, or one item on its own. */
export function itemsOf(body: unknown, listName: string): { items: Raw[]; error?: string } {
  if (!body || typeof body !== 'object') return { items: [], error: 'The body must be a JSON object' };
  const list = (body as Raw)[listName];
  const items = Array.isArray(list) ? list : [body];
  if (items.length === 0 || items.length > MAX_ITEMS_PER_REPORT) return { items: [], error: `Send 1–${MAX_ITEMS_PER_REPORT} items` };
  if (items.some((item) => !item || typeof item !== 'object' || Array.isArray(item))) return { items: [], error: 'Every item must be a JSON object' };
  return { items: items as Raw[] };
}

/** An external agent's alert: `{ deviceId, key | name, severity, state: firing|resolved, message?, at, idempotencyKey? }`. */
export function readAgentAlert(item: Raw, index: number, now: number): { report?: AgentReport; errors: ItemError[] } {
  const read = new ItemReader(item, index, 'alerts');
  const deviceId = read.deviceId();
  const name = read.text('name', { required: false, max: 200 });
  const key = read.text('key', { required: false, max: 200 }) ?? name;
  if (key === null) read.fail('key', 'key or name is required');
  const severity = read.oneOf('severity', SEVERITIES);
  const state = read.oneOf('state', ALERT_STATES);
  const message = read.text('message', { required: false, max: 2000 });
  const at = read.time(now);
  const idempotencyKey = read.text('idempotencyKey', { required: false, max: 200 });
  if (read.errors.length) return { errors: read.errors };
  return { errors: [], report: { index, deviceId: deviceId!, key: key!, title: name ?? key!, severity: severity!, firing: state === 'firing', message: message ?? null, value: null, at: at!, idempotencyKey: idempotencyKey ?? null } };
}

/** An agent's health check: `{ deviceId, check, status: ok|warning|critical, latencyMs?, message?, at, idempotencyKey? }`. */
export function readHealthCheck(item: Raw, index: number, now: number): { report?: AgentReport; errors: ItemError[] } {
  const read = new ItemReader(item, index, 'checks');
  const deviceId = read.deviceId();
  const check = read.text('check', { required: true, max: 200 });
  const status = read.oneOf('status', CHECK_STATUSES);
  const latencyMs = read.optionalNumber('latencyMs');
  const message = read.text('message', { required: false, max: 2000 });
  const at = read.time(now);
  const idempotencyKey = read.text('idempotencyKey', { required: false, max: 200 });
  if (read.errors.length) return { errors: read.errors };
  const severity = status === 'critical' ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
  return { errors: [], report: { index, deviceId: deviceId!, key: check!, title: `Health check ${check}`, severity, firing: status !== 'ok', message: message ?? null, value: latencyMs ?? null, at: at!, idempotencyKey: idempotencyKey ?? null } };
}
