import type { EntityManager } from '@dotmac/kernel';
import type { Actor } from './actor.js';
import { ChangeLogEntry, type ChangeAction, type FieldChange } from './change-log-entry.entity.js';

/** A value as the change log shows it: text, ISO time, or null for "no value". */
export function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** The change of one field, or nothing when its value stayed the same. */
export function changeOf(field: string, before: unknown, after: unknown): FieldChange[] {
  const oldValue = asText(before);
  const newValue = asText(after);
  return oldValue === newValue ? [] : [{ field, oldValue, newValue }];
}

/** Every field of `after` that differs from `before`, named `prefix.field` when a prefix is given. */
export function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ''): FieldChange[] {
  const name = (field: string) => (prefix ? `${prefix}.${field}` : field);
  return Object.keys(after).flatMap((field) => changeOf(name(field), before[field], after[field]));
}

/** The initial values of a new record, as changes from nothing. */
export const initialValues = (values: Record<string, unknown>, prefix = ''): FieldChange[] => changesBetween({}, values, prefix);

export interface ChangeRecord {
  action: ChangeAction;
  actor: Actor;
  changes: FieldChange[];
  subjectId?: string | null;
  reason?: string | null;
  occurredAt?: Date;
}

/** Appends one entry to a subscriber's change log, in the current transaction. */
export function recordChange(em: EntityManager, subscriber: { id: string; tenantId: string }, record: ChangeRecord): ChangeLogEntry {
  const entry = em.create(ChangeLogEntry, {
    tenantId: subscriber.tenantId,
    subscriberId: subscriber.id,
    action: record.action,
    actorKind: record.actor.kind,
    actorId: record.actor.id,
    changes: record.changes,
    subjectId: record.subjectId ?? null,
    reason: record.reason ?? null,
    requestId: record.actor.requestId,
    occurredAt: record.occurredAt ?? new Date(),
  });
  em.persist(entry);
  return entry;
}
