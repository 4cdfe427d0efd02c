import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';

/** How speeds are written as reply attributes: the NAS vendor's dictionary. */
export enum RateLimitFormat {
  /** `Mikrotik-Rate-Limit := "<up>/<down>"` (the router's rx/tx). */
  MIKROTIK = 'mikrotik',
  /** `WISPr-Bandwidth-Max-Up` and `-Down` in bit/s. */
  WISPR = 'wispr',
}

/** What a delinquent subscriber gets instead of the plan. */
export enum SuspensionMode {
  /** The plan's rate replaced with the throttle rate. */
  THROTTLE = 'throttle',
  /** Kept at the plan's rate but put on the NAS's walled-garden address list. */
  WALLED_GARDEN = 'walled_garden',
}

export const DEFAULT_RADIUS_SETTINGS = {
  rateLimitFormat: RateLimitFormat.MIKROTIK,
  suspensionMode: SuspensionMode.THROTTLE,
  throttleDownloadKbps: 256,
  throttleUploadKbps: 256,
  walledGardenAddressList: 'walled-garden',
};

/** An ISP's RADIUS choices; absent until first changed or first needed (then the defaults). */
@Entity({ tableName: 'radius_settings' })
@TenantFiltered()
export class RadiusSettings {
  [OptionalProps]?: 'rateLimitFormat' | 'suspensionMode' | 'throttleDownloadKbps' | 'throttleUploadKbps' | 'walledGardenAddressList' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  tenantId: string;

  @Enum({ items: () => RateLimitFormat })
  rateLimitFormat: RateLimitFormat = DEFAULT_RADIUS_SETTINGS.rateLimitFormat;

  @Enum({ items: () => SuspensionMode })
  suspensionMode: SuspensionMode = DEFAULT_RADIUS_SETTINGS.suspensionMode;

  @Property({ type: 'integer' })
  throttleDownloadKbps: number = DEFAULT_RADIUS_SETTINGS.throttleDownloadKbps;

  @Property({ type: 'integer' })
  throttleUploadKbps: number = DEFAULT_RADIUS_SETTINGS.throttleUploadKbps;

  @Property({ type: 'text' })
  walledGardenAddressList: string = DEFAULT_RADIUS_SETTINGS.walledGardenAddressList;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
