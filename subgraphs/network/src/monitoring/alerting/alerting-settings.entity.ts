import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';

export const DEFAULT_FLAP_MAX_CHANGES = 5;
export const DEFAULT_FLAP_WINDOW_SECONDS = 1800;

/** An ISP's alerting settings; an ISP without a row uses the defaults. */
@Entity({ tableName: 'alerting_settings' })
@TenantFiltered()
export class AlertingSettings {
  [OptionalProps]?: 'flapMaxChanges' | 'flapWindowSeconds' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'integer' })
  flapMaxChanges: number = DEFAULT_FLAP_MAX_CHANGES;

  @Property({ type: 'integer' })
  flapWindowSeconds: number = DEFAULT_FLAP_WINDOW_SECONDS;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
