import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '@dotmac/kernel';

export interface LoginLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowSeconds: number;
}

/**
 * Counts failed logins per account and per client address over a window; when either is spent,
 * further attempts are refused with RATE_LIMITED (even with the right password) until it passes.
 * Shared through Redis when configured so every replica sees the same counts.
 */
export class LoginLimiter {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;
  private readonly redis?: Redis;

  constructor(limits: LoginLimits, redisUrl?: string, keyPrefix = 'dotmac') {
    const account = { keyPrefix: `${keyPrefix}:login:account`, points: limits.maxFailuresPerAccount, duration: limits.windowSeconds };
    const address = { keyPrefix: `${keyPrefix}:login:address`, points: limits.maxFailuresPerAddress, duration: limits.windowSeconds };
    if (redisUrl) {
      this.redis = new Redis(redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 2 });
      this.byAccount = new RateLimiterRedis({ storeClient: this.redis, ...account });
      this.byAddress = new RateLimiterRedis({ storeClient: this.redis, ...address });
    } else {
      this.byAccount = new RateLimiterMemory(account);
      this.byAddress = new RateLimiterMemory(address);
    }
  }

  /** Throws RATE_LIMITED if the account or the address has no attempts left. */
  async assertAllowed(email: string, address: string | undefined): Promise<void> {
    const [account, client] = await Promise.all([
      this.byAccount.get(email),
      address ? this.byAddress.get(address) : Promise.resolve(null),
    ]);
    for (const [state, limiter] of [[account, this.byAccount], [client, this.byAddress]] as const) {
      if (state && state.consumedPoints >= limiter.points) throw AppError.rateLimited(Math.ceil(state.msBeforeNext / 1000));
    }
  }

  async recordFailure(email: string, address: string | undefined): Promise<void> {
    const consume = (limiter: RateLimiterAbstract, key: string) =>
      limiter.consume(key).catch((result: unknown) => {
        if (!(result instanceof RateLimiterRes)) throw result;
      });
    await Promise.all([consume(this.byAccount, email), address ? consume(this.byAddress, address) : undefined]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
