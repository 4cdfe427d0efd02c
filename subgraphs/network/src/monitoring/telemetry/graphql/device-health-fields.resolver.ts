import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { NetworkContext } from '../../../context.js';
import { DeviceType } from '../../../device/device.type.js';
import { currentHealth } from '../health/current-health.js';
import { sampleQuery } from './sample-query.js';
import { DeviceHealthType, HealthSampleType } from './telemetry.type.js';

@Resolver(() => DeviceType)
export class DeviceHealthFieldsResolver {
  @FieldResolver(() => DeviceHealthType, { description: 'Health derived from the latest samples (UNKNOWN when none are recent).' })
  async health(@Root() device: DeviceType, @Ctx() ctx: NetworkContext): Promise<DeviceHealthType> {
    return Object.assign(new DeviceHealthType(), currentHealth(await ctx.loaders.healthByDevice.load(device.rawId)));
  }

  @FieldResolver(() => [HealthSampleType], { description: 'Samples of one metric with from ≤ at < to (at most 31 days), oldest first.' })
  async samples(
    @Root() device: DeviceType,
    @Ctx() ctx: NetworkContext,
    @Arg('metric') metric: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (default 1000, at most 10000).' }) first?: number,
  ): Promise<HealthSampleType[]> {
    const rows = await ctx.loaders.samplesOfDevice(sampleQuery(metric, from, to, first)).load(device.rawId);
    return rows.map((row) =>
      Object.assign(new HealthSampleType(), {
        metric: row.metric,
        value: row.value,
        at: row.at,
        labels: Object.entries(row.labels ?? {}).map(([name, value]) => ({ name, value })),
      }),
    );
  }
}
