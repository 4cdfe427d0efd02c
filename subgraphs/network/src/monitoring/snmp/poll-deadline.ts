/** Raised by `PollDeadline.race` once the device's time is up. */
export class PollDeadlineExceeded extends Error {
  constructor(readonly deadlineMs: number) {
    super(`SNMP poll exceeded its ${deadlineMs} ms deadline`);
    this.name = 'PollDeadlineExceeded';
  }
}

/**
 * A bound on one device's whole poll. Per-request timeouts alone do not bound it: a walk of a big
 * table is many requests, each allowed its own timeout and retries.
 */
export class PollDeadline {
  private timer: NodeJS.Timeout | undefined;
  private readonly expiry: Promise<never>;
  expired = false;

  constructor(readonly deadlineMs: number, onExpiry: () => void) {
    this.expiry = new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => {
        this.expired = true;
        onExpiry();
        reject(new PollDeadlineExceeded(deadlineMs));
      }, deadlineMs);
    });
    // Nobody may be racing at the moment it fires.
    this.expiry.catch(() => undefined);
  }

  race<T>(step: Promise<T>): Promise<T> {
    return Promise.race([step, this.expiry]);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}
