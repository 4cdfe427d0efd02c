import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RateLimitFormat, SuspensionMode, type RadiusSettings } from './radius-settings.entity.js';

registerEnumType(RateLimitFormat, { name: 'RateLimitFormat', description: 'MIKROTIK: Mikrotik-Rate-Limit "<up>/<down>"; WISPR: WISPr-Bandwidth-Max-Up/-Down in bit/s.' });
registerEnumType(SuspensionMode, { name: 'SuspensionMode', description: 'THROTTLE: the throttle rate replaces the plan\'s; WALLED_GARDEN: Mikrotik-Address-List puts the subscriber in the walled garden.' });

@ObjectType('RadiusSettings', { description: "How an ISP's services are answered by RADIUS." })
export class RadiusSettingsType {
  @Field(() => RateLimitFormat) rateLimitFormat: RateLimitFormat;
  @Field(() => SuspensionMode) suspensionMode: SuspensionMode;
  @Field(() => Int) throttleDownloadKbps: number;
  @Field(() => Int) throttleUploadKbps: number;
  @Field() walledGardenAddressList: string;

  static from(row: RadiusSettings): RadiusSettingsType {
    return Object.assign(new RadiusSettingsType(), {
      rateLimitFormat: row.rateLimitFormat,
      suspensionMode: row.suspensionMode,
      throttleDownloadKbps: row.throttleDownloadKbps,
      throttleUploadKbps: row.throttleUploadKbps,
      walledGardenAddressList: row.walledGardenAddressList,
    });
  }
}
