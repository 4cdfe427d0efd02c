import { AppError } from '@dotmac/kernel';
import { isKnownMetric } from '../samples/metric.js';

/** Widest time range one `Device.samples` query may span. */
export const MAX_SAMPLE_SPAN_DAYS = 31;
export const DEFAULT_SAMPLE_PAGE = 1000;
export const MAX_SAMPLE_PAGE = 10_000;

/** A validated time-range query of one metric. */
export interface SampleQuery {
  metric: string;
  from: Date;
  to: Date;
  first: number;
}

/** Checks the arguments of `Device.samples`; BAD_USER_INPUT naming the argument at fault. */
export function sampleQuery(metric: string, from: Date, to: Date, first: number | undefined): SampleQuery {
  if (!isKnownMetric(metric)) throw AppError.badInput(`Unknown metric "${metric.slice(0, 80)}"`, 'metric');
  if (!(from < to)) throw AppError.badInput('from must be before to', 'from');
  if (to.getTime() - from.getTime() > MAX_SAMPLE_SPAN_DAYS * 86_400_000) throw AppError.badInput(`The range may span at most ${MAX_SAMPLE_SPAN_DAYS} days`, 'to');
  const page = first ?? DEFAULT_SAMPLE_PAGE;
  if (!Number.isInteger(page) || page < 1 || page > MAX_SAMPLE_PAGE) throw AppError.badInput(`first must be between 1 and ${MAX_SAMPLE_PAGE}`, 'first');
  return { metric, from, to, first: page };
}

/** Key of a query, so devices asked the same question share one loader (one SQL statement). */
export const sampleQueryKey = (query: SampleQuery): string => `${query.metric}|${query.from.toISOString()}|${query.to.toISOString()}|${query.first}`;
