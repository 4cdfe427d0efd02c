/** Counters of one running scheduler, from its start. */
export interface PollingStats {
  cyclesStarted: number;
  cyclesCompleted: number;
  /** Cycles that took longer than the interval; the next one started late, right after. */
  cyclesOverrun: number;
  pollsStarted: number;
  pollsCompleted: number;
  /** Polls not started because the same device's previous poll was still running. */
  pollsSkippedInFlight: number;
  /** Polls that reported `up = 0`. */
  devicesDown: number;
  sourceFailures: number;
  sinkFailures: number;
  /** Duration of the last completed cycle, in ms. */
  lastCycleMs: number | undefined;
}

export const emptyPollingStats = (): PollingStats => ({
  cyclesStarted: 0,
  cyclesCompleted: 0,
  cyclesOverrun: 0,
  pollsStarted: 0,
  pollsCompleted: 0,
  pollsSkippedInFlight: 0,
  devicesDown: 0,
  sourceFailures: 0,
  sinkFailures: 0,
  lastCycleMs: undefined,
});
