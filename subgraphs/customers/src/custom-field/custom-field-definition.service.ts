import { AppError, type EntityManager } from '@dotmac/kernel';
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { CustomFieldDefinition, type CustomFieldType } from './custom-field-definition.entity.js';
import { CustomFieldValue } from './custom-field-value.entity.js';
import { cleanKey, cleanLabel, cleanOptions } from './custom-field-definition.rules.js';

/** Definitions per ISP, archived ones included: a bound on what every subscriber form shows. */
export const MAX_DEFINITIONS = 200;

export interface NewDefinition {
  key: string;
  label: string;
  type: CustomFieldType;
  options?: string[] | null;
  required?: boolean | null;
}

export interface DefinitionChanges {
  label?: string | null;
  options?: string[] | null;
  required?: boolean | null;
}

const keyTaken = (key: string) => AppError.conflict(`A custom field with the key "${key}" exists (perhaps archived)`, 'key');

/** The tenant's definitions in the order they were created; archived ones only when asked. */
export function listDefinitions(em: EntityManager, tenantId: string, includeArchived = false): Promise<CustomFieldDefinition[]> {
  const where: FilterQuery<CustomFieldDefinition> = includeArchived ? { tenantId } : { tenantId, archivedAt: null };
  return em.find(CustomFieldDefinition, where, { orderBy: { createdAt: 'asc', key: 'asc' } });
}

export async function defineCustomField(em: EntityManager, tenantId: string, input: NewDefinition): Promise<CustomFieldDefinition> {
  const key = cleanKey(input.key);
  const label = cleanLabel(input.label);
  const options = cleanOptions(input.type, input.options);
  if (await em.count(CustomFieldDefinition, { tenantId, key })) throw keyTaken(key);
  if ((await em.count(CustomFieldDefinition, { tenantId })) >= MAX_DEFINITIONS) {
    throw AppError.conflict(`An ISP has at most ${MAX_DEFINITIONS} custom fields`, 'key');
  }
  const definition = em.create(CustomFieldDefinition, { tenantId, key, label, type: input.type, options, required: input.required ?? false });
  await em.flush().catch((error: unknown) => {
    if (error instanceof UniqueConstraintViolationException) throw keyTaken(key);
    throw error;
  });
  return definition;
}

async function findDefinition(em: EntityManager, id: string): Promise<CustomFieldDefinition> {
  const definition = await em.findOne(CustomFieldDefinition, { id });
  if (!definition) throw AppError.notFound('CustomFieldDefinition');
  return definition;
}

/** Label, required flag and (SELECT) options may change; an option still in use may not go. */
export async function updateDefinition(em: EntityManager, id: string, changes: DefinitionChanges): Promise<CustomFieldDefinition> {
  const definition = await findDefinition(em, id);
  if (definition.archivedAt) throw AppError.conflict('An archived custom field cannot be changed', 'definitionId');
  if (changes.label != null) definition.label = cleanLabel(changes.label);
  if (changes.required != null) definition.required = changes.required;
  if (changes.options != null) {
    const options = cleanOptions(definition.type, changes.options);
    const removed = definition.options.filter((option) => !options.includes(option));
    if (removed.length) {
      const inUse = await em.count(CustomFieldValue, { definitionId: id, value: { $in: removed } });
      if (inUse) throw AppError.conflict(`${inUse} subscriber(s) still use the option(s) being removed`, 'options');
    }
    definition.options = options;
  }
  return definition;
}

/** Hides the field from subscribers and forms; stored values are kept, the key stays taken. */
export async function archiveDefinition(em: EntityManager, id: string): Promise<CustomFieldDefinition> {
  const definition = await findDefinition(em, id);
  if (definition.archivedAt) throw AppError.conflict('This custom field is already archived', 'definitionId');
  definition.archivedAt = new Date();
  return definition;
}
