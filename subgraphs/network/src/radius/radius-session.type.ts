import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionType, toGlobalId } from '@dotmac/kernel';
import type { SessionRow } from './radius-session.query.js';

/** Raw statements return timestamps as text (the ORM's driver settings), the GraphQL scalar wants dates. */
const asDate = (value: Date | string | null): Date | undefined => (value == null ? undefined : new Date(value));

@ObjectType('RadiusSession', { description: 'One network session from RADIUS accounting (Start, Interim-Update, Stop).' })
export class RadiusSessionType {
  @Field({ description: "The NAS's Acct-Session-Id." }) sessionId: string;
  @Field(() => ID, { description: 'The Service the session logged in as.' }) serviceId: string;
  @Field() username: string;
  @Field() nasIpAddress: string;
  @Field(() => String, { nullable: true }) nasPortId?: string;
  @Field(() => String, { nullable: true }) framedIpAddress?: string;
  @Field(() => String, { nullable: true, description: 'Usually the CPE MAC address.' }) callingStationId?: string;
  @Field() startedAt: Date;
  @Field(() => Date, { nullable: true, description: 'Last Interim-Update or Stop.' }) updatedAt?: Date;
  @Field(() => Date, { nullable: true, description: 'Null while the session is open.' }) stoppedAt?: Date;
  @Field() active: boolean;
  @Field(() => Int, { description: 'Seconds, as last reported by the NAS.' }) durationSeconds: number;
  @Field({ description: 'Octets from the subscriber (upload), decimal.' }) inputOctets: string;
  @Field({ description: 'Octets to the subscriber (download), decimal.' }) outputOctets: string;
  @Field(() => String, { nullable: true }) terminateCause?: string;

  static from(row: SessionRow): RadiusSessionType {
    return Object.assign(new RadiusSessionType(), {
      sessionId: row.acctsessionid,
      serviceId: toGlobalId('Service', row.serviceId),
      username: row.username,
      nasIpAddress: row.nasipaddress,
      nasPortId: row.nasportid ?? undefined,
      framedIpAddress: row.framedipaddress ?? undefined,
      callingStationId: row.callingstationid ?? undefined,
      startedAt: asDate(row.acctstarttime)!,
      updatedAt: asDate(row.acctupdatetime),
      stoppedAt: asDate(row.acctstoptime),
      active: !row.acctstoptime,
      durationSeconds: Math.min(Number(row.acctsessiontime ?? 0), 2 ** 31 - 1),
      inputOctets: row.acctinputoctets ?? '0',
      outputOctets: row.acctoutputoctets ?? '0',
      terminateCause: row.acctterminatecause ?? undefined,
    });
  }
}

export const RadiusSessionConnection = connectionType(RadiusSessionType, 'RadiusSession');

@ArgsType()
export class SessionArgs {
  @Field(() => Int, { nullable: true, description: 'Page size (at most 100), newest start first.' }) first?: number;
  @Field(() => String, { nullable: true }) after?: string;
  @Field(() => Date, { nullable: true, description: 'Sessions still open at or after this time.' }) from?: Date;
  @Field(() => Date, { nullable: true, description: 'Sessions started before this time.' }) to?: Date;
}
