import type { Logger } from '@dotmac/kernel';
import type { HealthChange } from '../health/health-state.js';
import type { ValidSample } from '../samples/sample.js';

/**
 * Called after a batch of samples committed (e.g. by alerting, to evaluate its rules). `samples`
 * are the stored samples of one tenant; `healthChanges` the devices whose state changed with them.
 * The hook runs after the response-relevant work but before the response is sent: keep it quick
 * or hand the work off. A hook that throws (or rejects) is logged and never affects the ingestion
 * or the other hooks.
 */
export type SamplesIngestedHook = (tenantId: string, samples: readonly ValidSample[], healthChanges: readonly HealthChange[]) => void | Promise<void>;

/** The hooks called after each ingested batch, in registration order. */
export class SamplesIngestedHooks {
  private readonly hooks: SamplesIngestedHook[] = [];

  constructor(private readonly logger?: Logger) {}

  /** Adds a hook; returns a function that removes it again. */
  register(hook: SamplesIngestedHook): () => void {
    this.hooks.push(hook);
    return () => {
      const at = this.hooks.indexOf(hook);
      if (at >= 0) this.hooks.splice(at, 1);
    };
  }

  async onSamplesIngested(tenantId: string, samples: readonly ValidSample[], healthChanges: readonly HealthChange[]): Promise<void> {
    for (const hook of this.hooks) {
      try {
        await hook(tenantId, samples, healthChanges);
      } catch (error) {
        this.logger?.error({ err: error, tenantId }, 'samples-ingested hook failed');
      }
    }
  }
}
