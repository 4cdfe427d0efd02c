import { PollDeadlineExceeded } from './poll-deadline.js';
import { SnmpSettingsError } from './snmp-settings.errors.js';

/** Why a device counts as down; the `reason` label of its `up = 0` sample. */
export enum PollFailure {
  /** No answer within timeout × (retries + 1): unreachable, wrong community, or a hung agent. */
  TIMEOUT = 'timeout',
  /** The agent answered with an SNMPv3 security report: unknown user, wrong key, unsupported level. */
  AUTH = 'auth',
  /** The whole poll ran past its deadline. */
  DEADLINE = 'deadline',
  /** The device's SNMP settings cannot make a session (no community, v3 without a user, a key missing). */
  SETTINGS = 'settings',
  /** Anything else: a malformed answer, a socket error. */
  ERROR = 'error',
}

// net-snmp's ResponseInvalidCode.EAuthFailure.
const NET_SNMP_AUTH_FAILURE = 5;

export function pollFailureOf(error: unknown): PollFailure {
  if (error instanceof PollDeadlineExceeded) return PollFailure.DEADLINE;
  if (error instanceof SnmpSettingsError) return PollFailure.SETTINGS;
  const { name, code } = (error ?? {}) as { name?: string; code?: number };
  if (name === 'RequestTimedOutError') return PollFailure.TIMEOUT;
  if (name === 'ResponseInvalidError' && code === NET_SNMP_AUTH_FAILURE) return PollFailure.AUTH;
  return PollFailure.ERROR;
}
