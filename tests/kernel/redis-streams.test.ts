import { describe } from 'vitest';
import { RedisStreamsEventBus } from '@dotmac/kernel';
import { eventBusContract } from '../support/event-bus-contract.js';
import { platform } from '../support/platform-context.js';

const redisUrl = platform().redisUrl;

describe.skipIf(!redisUrl)('Redis Streams event bus (needs Redis)', () => {
  eventBusContract(() => new RedisStreamsEventBus(redisUrl!, undefined, `${platform().redisKeyPrefix}:bus`, 300));
});
