import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export enum DunningAction {
  REMINDER = 'reminder',
  SUSPEND = 'suspend',
  TERMINATE = 'terminate',
}

export interface DunningStep {
  /** Days after the grace period ends (0 = the day it ends). */
  daysAfterGrace: number;
  action: DunningAction;
}

/** How a tenant chases unpaid invoices: due days, grace days, then steps in order. */
@Entity({ tableName: 'dunning_policy' })
export class DunningPolicy {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'integer' })
  dueDays: number;

  @Property({ type: 'integer' })
  graceDays: number;

  @Property({ type: 'json' })
  steps: DunningStep[];

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** The policy a tenant gets until it sets its own. */
export const DEFAULT_DUNNING_POLICY = Object.freeze({
  dueDays: 14,
  graceDays: 3,
  steps: [
    { daysAfterGrace: 0, action: DunningAction.REMINDER },
    { daysAfterGrace: 7, action: DunningAction.SUSPEND },
    { daysAfterGrace: 60, action: DunningAction.TERMINATE },
  ] as DunningStep[],
});
