import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NetworkContext } from '../../context.js';
import { DeviceType } from '../../device/device.type.js';
import { AlertRuleType } from './alert-rule.type.js';
import { IncidentTimelineEntry, IncidentType } from './incident.type.js';

@Resolver(() => IncidentType)
export class IncidentFieldsResolver {
  @FieldResolver(() => DeviceType)
  async device(@Root() incident: IncidentType, @Ctx() ctx: NetworkContext): Promise<DeviceType> {
    return DeviceType.from((await ctx.loaders.deviceById.load(incident.deviceId))!);
  }

  @FieldResolver(() => AlertRuleType, { nullable: true, description: 'The rule that raised it; null for agent alerts, health checks and deleted rules.' })
  async rule(@Root() incident: IncidentType, @Ctx() ctx: NetworkContext): Promise<AlertRuleType | undefined> {
    if (!incident.ruleId) return undefined;
    const row = await ctx.loaders.alerting.ruleById.load(incident.ruleId);
    return row && AlertRuleType.from(row);
  }

  @FieldResolver(() => DeviceType, { nullable: true, description: 'The upstream device whose outage suppresses it.' })
  async suppressedBy(@Root() incident: IncidentType, @Ctx() ctx: NetworkContext): Promise<DeviceType | undefined> {
    if (!incident.suppressedByDeviceId) return undefined;
    const row = await ctx.loaders.deviceById.load(incident.suppressedByDeviceId);
    return row && DeviceType.from(row);
  }

  @FieldResolver(() => [IncidentTimelineEntry], { description: 'What happened, oldest first.' })
  async timeline(@Root() incident: IncidentType, @Ctx() ctx: NetworkContext): Promise<IncidentTimelineEntry[]> {
    return (await ctx.loaders.alerting.timelineByIncident.load(incident.rawId)).map(IncidentTimelineEntry.from);
  }
}

@Resolver(() => IncidentTimelineEntry)
export class IncidentTimelineFieldsResolver {
  @FieldResolver(() => DeviceType, { nullable: true, description: 'For SUPPRESSED entries: the upstream device that was down.' })
  async causeDevice(@Root() entry: IncidentTimelineEntry, @Ctx() ctx: NetworkContext): Promise<DeviceType | undefined> {
    if (!entry.causeDeviceId) return undefined;
    const row = await ctx.loaders.deviceById.load(entry.causeDeviceId);
    return row && DeviceType.from(row);
  }
}
