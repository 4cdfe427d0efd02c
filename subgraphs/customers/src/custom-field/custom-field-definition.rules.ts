import { AppError } from '@dotmac/kernel';
import { requiredText } from '../shared/text.js';
import { CustomFieldType } from './custom-field-definition.entity.js';

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_OPTIONS = 100;

export function cleanKey(key: string): string {
  const trimmed = key.trim();
  if (!KEY.test(trimmed)) throw AppError.badInput('Key: 1–40 characters of a–z, 0–9 and "_", starting with a letter', 'key');
  return trimmed;
}

export const cleanLabel = (label: string | null | undefined): string => requiredText(label, 'label', 'Label', 100);

/** The options of a field: required (1–100 distinct, 1–100 characters each) for SELECT, absent otherwise. */
export function cleanOptions(type: CustomFieldType, options: readonly string[] | null | undefined): string[] {
  if (type !== CustomFieldType.SELECT) {
    if (options?.length) throw AppError.badInput('Only SELECT fields have options', 'options');
    return [];
  }
  const cleaned = (options ?? []).map((option) => option.trim());
  if (cleaned.length < 1 || cleaned.length > MAX_OPTIONS) throw AppError.badInput(`A SELECT field needs 1–${MAX_OPTIONS} options`, 'options');
  if (cleaned.some((option) => option.length < 1 || option.length > 100)) throw AppError.badInput('Each option must be 1–100 characters', 'options');
  if (new Set(cleaned).size !== cleaned.length) throw AppError.badInput('Options must be distinct', 'options');
  return cleaned;
}
