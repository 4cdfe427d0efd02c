import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NetworkContext } from '../../context.js';
import { DeviceType } from '../../device/device.type.js';
import { IncidentType } from './incident.type.js';

@Resolver(() => DeviceType)
export class DeviceIncidentsResolver {
  @FieldResolver(() => [IncidentType], { description: 'Its unresolved incidents, most severe first (batched across a page of devices).' })
  async openIncidents(@Root() device: DeviceType, @Ctx() ctx: NetworkContext): Promise<IncidentType[]> {
    return (await ctx.loaders.alerting.openIncidentsByDevice.load(device.rawId)).map(IncidentType.from);
  }
}
