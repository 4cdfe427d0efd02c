import { describe } from 'vitest';
import { PostgresEventBus } from '@dotmac/kernel';
import { eventBusContract } from '../support/event-bus-contract.js';
import { platform } from '../support/platform-context.js';

describe('PostgreSQL event bus (the default without Redis)', () => {
  eventBusContract(() => new PostgresEventBus(platform().appDatabaseUrls.events!, undefined, 100));
});
