import type { EntityManager } from '@dotmac/kernel';
import type { Actor } from '../change-log/actor.js';
import { ChangeAction, type FieldChange } from '../change-log/change-log-entry.entity.js';
import { changeOf, recordChange } from '../change-log/change-log.service.js';
import { throwFirst } from '../shared/problem.js';
import type { Subscriber } from '../subscriber/subscriber.entity.js';
import { lockSubscriber } from '../subscriber/subscriber.lookup.js';
import { CustomFieldDefinition } from './custom-field-definition.entity.js';
import { CustomFieldValue } from './custom-field-value.entity.js';
import { CustomFieldValueNode } from './custom-field.type.js';
import { applyValues, type ValueInput } from './custom-field-value.rules.js';
import { listDefinitions } from './custom-field-definition.service.js';

/**
 * Writes a subscriber's custom field values so they become `next` (definition id → value), and
 * returns what changed, as `customFields.<key>` changes.
 */
async function writeValues(em: EntityManager, subscriber: Subscriber, next: Map<string, string>, keys: Map<string, string>): Promise<FieldChange[]> {
  const rows = await em.find(CustomFieldValue, { subscriberId: subscriber.id });
  const byDefinition = new Map(rows.map((row) => [row.definitionId, row]));
  const changes: FieldChange[] = [];
  for (const [definitionId, key] of keys) {
    const row = byDefinition.get(definitionId);
    const value = next.get(definitionId);
    changes.push(...changeOf(`customFields.${key}`, row?.value, value));
    if (value === undefined) {
      if (row) em.remove(row);
    } else if (row) {
      row.value = value;
    } else {
      em.persist(em.create(CustomFieldValue, { tenantId: subscriber.tenantId, subscriberId: subscriber.id, definitionId, value }));
    }
  }
  return changes;
}

/** Sets (or with null, clears) some of a subscriber's custom field values, checked against their definitions. */
export async function setCustomFieldValues(em: EntityManager, subscriberId: string, inputs: ValueInput[], actor: Actor): Promise<Subscriber> {
  const subscriber = await lockSubscriber(em, subscriberId);
  const definitions = await listDefinitions(em, subscriber.tenantId);
  const rows = await em.find(CustomFieldValue, { subscriberId });
  const active = new Set(definitions.map((definition) => definition.id));
  const current = new Map(rows.filter((row) => active.has(row.definitionId)).map((row) => [row.definitionId, row.value]));
  const { next, problems } = applyValues(definitions, current, inputs, 'values');
  throwFirst(problems);
  const changes = await writeValues(em, subscriber, next, new Map(definitions.map((definition) => [definition.id, definition.key])));
  if (changes.length) recordChange(em, subscriber, { action: ChangeAction.CUSTOM_FIELDS_CHANGED, actor, changes });
  return subscriber;
}

/** The custom field values of a subscriber being created; returns them as changes from nothing. */
export async function setInitialValues(em: EntityManager, subscriber: Subscriber, inputs: readonly ValueInput[]): Promise<FieldChange[]> {
  const definitions = await listDefinitions(em, subscriber.tenantId);
  const { next, problems } = applyValues(definitions, new Map(), inputs, 'customFields');
  throwFirst(problems);
  const keys = new Map(definitions.map((definition) => [definition.id, definition.key]));
  const changes: FieldChange[] = [];
  for (const [definitionId, value] of next) {
    em.persist(em.create(CustomFieldValue, { tenantId: subscriber.tenantId, subscriberId: subscriber.id, definitionId, value }));
    changes.push(...changeOf(`customFields.${keys.get(definitionId)}`, null, value));
  }
  return changes;
}

/** Active custom field values of many subscribers, in the order the fields were defined: two queries. */
export async function valuesOf(em: EntityManager, subscriberIds: readonly string[]): Promise<Map<string, CustomFieldValueNode[]>> {
  const rows = await em.find(CustomFieldValue, { subscriberId: { $in: [...subscriberIds] } });
  const bySubscriber = new Map<string, CustomFieldValueNode[]>();
  if (rows.length === 0) return bySubscriber;
  const definitions = await em.find(
    CustomFieldDefinition,
    { id: { $in: [...new Set(rows.map((row) => row.definitionId))] }, archivedAt: null },
    { orderBy: { createdAt: 'asc', key: 'asc' } },
  );
  const position = new Map(definitions.map((definition, index) => [definition.id, index]));
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  const ordered = rows.filter((row) => byId.has(row.definitionId)).sort((a, b) => position.get(a.definitionId)! - position.get(b.definitionId)!);
  for (const row of ordered) {
    bySubscriber.set(row.subscriberId, [...(bySubscriber.get(row.subscriberId) ?? []), CustomFieldValueNode.of(byId.get(row.definitionId)!, row.value)]);
  }
  return bySubscriber;
}
