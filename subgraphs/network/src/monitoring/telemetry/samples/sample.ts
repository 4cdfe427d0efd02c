import type { ErrorCode } from '@dotmac/kernel';

/** A sample as a client sent it (REST JSON or GraphQL input), not yet trusted. */
export interface IncomingSample {
  deviceId?: unknown;
  metric?: unknown;
  value?: unknown;
  at?: unknown;
  labels?: unknown;
}

/** A sample that passed validation, ready to store. */
export interface ValidSample {
  /** Position in the batch the client sent. */
  index: number;
  deviceId: string;
  metric: string;
  value: number;
  at: Date;
  labels: Record<string, string> | null;
}

/** Why one sample of a batch was not stored. */
export interface RejectedSample {
  index: number;
  field: string;
  code: ErrorCode;
  message: string;
}

export interface IngestionResult {
  accepted: number;
  rejected: RejectedSample[];
}
