import type DataLoader from 'dataloader';
import type { Database, Viewer } from '@dotmac/kernel';
import type { ServicePlan } from './plan/service-plan.entity.js';
import { createPlanByIdLoader } from './plan/service-plan.loaders.js';
import type { Subscription } from './subscription/subscription.entity.js';
import { createSubscriptionsBySubscriberLoader } from './subscription/subscription.loaders.js';

/** Per-request batch loaders of the billing subgraph (one SQL statement per field across a page). */
export interface BillingLoaders {
  readonly viewer: Viewer;
  readonly planById: DataLoader<string, ServicePlan | undefined>;
  readonly subscriptionsBySubscriber: DataLoader<string, Subscription[]>;
}

export function createBillingLoaders(db: Database, viewer: Viewer): BillingLoaders {
  return {
    viewer,
    planById: createPlanByIdLoader(db, viewer),
    subscriptionsBySubscriber: createSubscriptionsBySubscriberLoader(db, viewer),
  };
}
