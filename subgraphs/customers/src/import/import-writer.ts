import { randomUUID } from 'node:crypto';
import { insertRows, type EntityManager } from '@dotmac/kernel';
import type { Actor } from '../change-log/actor.js';
import { ChangeAction, type FieldChange } from '../change-log/change-log-entry.entity.js';
import { initialValues } from '../change-log/change-log.service.js';
import type { CustomFieldDefinition } from '../custom-field/custom-field-definition.entity.js';
import { createdEventPayload, SubscriberTopic } from '../subscriber/subscriber.events.js';
import type { CheckedRow } from './import-rows.js';

export interface NewSubscriberRow extends CheckedRow {
  id: string;
  accountNumber: string;
}

/** Each subscriber's change log entry: one 'imported' entry listing its initial values. */
function importedChanges(row: NewSubscriberRow, keys: Map<string, string>): FieldChange[] {
  const { accountNumber, name, email, phone, type, status } = row;
  return [
    ...initialValues({ accountNumber, name, email, phone, type, status }),
    ...(row.address ? initialValues({ ...row.address, isPrimary: true }, 'address') : []),
    ...[...row.customValues].flatMap(([definitionId, value]) => initialValues({ [keys.get(definitionId)!]: value }, 'customFields')),
  ];
}

/**
 * The database rows of an import, table by table, in insertion order (subscribers first): the
 * subscribers, their primary service addresses, custom field values, one change log entry each
 * and one `customers.subscriber.created` event each.
 */
function importTables(tenantId: string, rows: NewSubscriberRow[], definitions: readonly CustomFieldDefinition[], actor: Actor) {
  const now = new Date().toISOString();
  const keys = new Map(definitions.map((definition) => [definition.id, definition.key]));
  const owned = (row: NewSubscriberRow) => ({ id: randomUUID(), tenant_id: tenantId, subscriber_id: row.id });
  return [
    {
      table: 'subscriber',
      rows: rows.map((row) => ({
        id: row.id,
        tenant_id: tenantId,
        account_number: row.accountNumber,
        name: row.name,
        email: row.email,
        phone: row.phone,
        type: row.type,
        status: row.status,
        created_at: now,
        updated_at: now,
      })),
    },
    {
      table: 'service_address',
      rows: rows.flatMap((row) => {
        const address = row.address;
        if (!address) return [];
        const { line1, line2, city, region, postalCode, country, latitude, longitude } = address;
        return [{ ...owned(row), line1, line2, city, region, postal_code: postalCode, country, latitude, longitude, is_primary: true, created_at: now, updated_at: now }];
      }),
    },
    {
      table: 'custom_field_value',
      rows: rows.flatMap((row) => [...row.customValues].map(([definitionId, value]) => ({ ...owned(row), definition_id: definitionId, value, updated_at: now }))),
    },
    {
      table: 'subscriber_change',
      rows: rows.map((row) => ({
        ...owned(row),
        action: ChangeAction.IMPORTED,
        actor_kind: actor.kind,
        actor_id: actor.id,
        changes: importedChanges(row, keys),
        request_id: actor.requestId,
        occurred_at: now,
      })),
    },
    {
      table: 'outbox_event',
      rows: rows.map((row) => ({
        id: randomUUID(),
        tenant_id: tenantId,
        topic: SubscriberTopic.CREATED,
        payload: createdEventPayload({ ...row, tenantId }, 'import'),
        created_at: now,
      })),
    },
  ];
}

/** Bulk-inserts the import's rows: a few statements per table, whatever the number of rows. */
export async function writeImport(em: EntityManager, tenantId: string, rows: NewSubscriberRow[], definitions: readonly CustomFieldDefinition[], actor: Actor): Promise<void> {
  for (const { table, rows: tableRows } of importTables(tenantId, rows, definitions, actor)) await insertRows(em, table, tableRows);
}
