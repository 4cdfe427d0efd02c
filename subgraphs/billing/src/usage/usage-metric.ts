import { AppError } from '@dotmac/kernel';

const METRIC = /^[a-z][a-z0-9_.:-]{0,63}$/;

/** A usage metric name ("data_gb", "voice.minutes"): lower-case, so events and plans always match. */
export function validMetric(metric: string, field = 'metric'): string {
  const trimmed = metric.trim();
  if (!METRIC.test(trimmed)) throw AppError.badInput('A metric is 1–64 lower-case letters, digits, "_", ".", ":" or "-", starting with a letter', field);
  return trimmed;
}
