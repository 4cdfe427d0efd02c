import { RateLimitFormat, SuspensionMode, type RadiusSettings } from './radius-settings.entity.js';

/** One check or reply item as rlm_sql stores it: dictionary name, operator, value in text form. */
export interface RadiusAttribute {
  attribute: string;
  op: ':=' | '=' | '==' | '+=';
  value: string;
}

/** A rate in MikroTik's notation: whole megabits as `M`, anything else in `k`. */
export function mikrotikRate(kbps: number): string {
  return kbps % 1000 === 0 ? `${kbps / 1000}M` : `${kbps}k`;
}

/**
 * The reply items that cap a service at its speeds; none when a direction is unlimited (no speed).
 * MikroTik's pair is the router's rx/tx, i.e. the subscriber's upload first.
 */
export function rateLimitAttributes(format: RateLimitFormat, downloadKbps: number | null | undefined, uploadKbps: number | null | undefined): RadiusAttribute[] {
  if (format === RateLimitFormat.WISPR) {
    const items: RadiusAttribute[] = [];
    if (uploadKbps) items.push({ attribute: 'WISPr-Bandwidth-Max-Up', op: ':=', value: String(uploadKbps * 1000) });
    if (downloadKbps) items.push({ attribute: 'WISPr-Bandwidth-Max-Down', op: ':=', value: String(downloadKbps * 1000) });
    return items;
  }
  if (!downloadKbps || !uploadKbps) return [];
  return [{ attribute: 'Mikrotik-Rate-Limit', op: ':=', value: `${mikrotikRate(uploadKbps)}/${mikrotikRate(downloadKbps)}` }];
}

/** A service's own reply: its rate and, when it has one, its static address. */
export function serviceReplyAttributes(format: RateLimitFormat, service: { downloadKbps?: number | null; uploadKbps?: number | null; staticIp?: string | null }): RadiusAttribute[] {
  const items = rateLimitAttributes(format, service.downloadKbps, service.uploadKbps);
  if (service.staticIp) items.push({ attribute: 'Framed-IP-Address', op: ':=', value: service.staticIp });
  return items;
}

/**
 * The tenant's suspension group reply. Group replies are applied after the user's own, and `:=`
 * replaces, so these override the plan's rate for every member of the group.
 */
export function suspensionAttributes(settings: Pick<RadiusSettings, 'rateLimitFormat' | 'suspensionMode' | 'throttleDownloadKbps' | 'throttleUploadKbps' | 'walledGardenAddressList'>): RadiusAttribute[] {
  if (settings.suspensionMode === SuspensionMode.WALLED_GARDEN) {
    return [{ attribute: 'Mikrotik-Address-List', op: ':=', value: settings.walledGardenAddressList }];
  }
  return rateLimitAttributes(settings.rateLimitFormat, settings.throttleDownloadKbps, settings.throttleUploadKbps);
}

/** The RADIUS group a tenant's suspended services join (group names are global in FreeRADIUS). */
export const suspensionGroupOf = (tenantId: string): string => `suspended-${tenantId}`;
