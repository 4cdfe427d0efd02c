import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toGlobalId } from '@dotmac/kernel';
import type { NetworkContext } from '../context.js';
import { DeviceSecretName } from '../credentials/device-secret.store.js';
import { InterfaceType as InterfaceObject } from '../interface/interface.type.js';
import { SiteType } from '../site/site.type.js';
import { SubscriberStub } from '../subscriber/subscriber.stub.js';
import { LOGIN_SECRETS } from './device-snmp.rules.js';
import { DeviceType, SnmpSettings } from './device.type.js';

@Resolver(() => DeviceType)
export class DeviceFieldsResolver {
  @FieldResolver(() => SiteType, { nullable: true })
  async site(@Root() device: DeviceType, @Ctx() ctx: NetworkContext): Promise<SiteType | undefined> {
    if (!device.siteId) return undefined;
    const row = await ctx.loaders.siteById.load(device.siteId);
    return row && SiteType.from(row);
  }

  @FieldResolver(() => DeviceType, { nullable: true, description: 'Upstream device in the topology.' })
  async parent(@Root() device: DeviceType, @Ctx() ctx: NetworkContext): Promise<DeviceType | undefined> {
    if (!device.parentId) return undefined;
    const row = await ctx.loaders.deviceById.load(device.parentId);
    return row && DeviceType.from(row);
  }

  @FieldResolver(() => [DeviceType], { description: 'Devices directly below this one, by name.' })
  async children(@Root() device: DeviceType, @Ctx() ctx: NetworkContext): Promise<DeviceType[]> {
    return (await ctx.loaders.childrenByDevice.load(device.rawId)).map(DeviceType.from);
  }

  @FieldResolver(() => [InterfaceObject], { description: 'Its interfaces, by name.' })
  async interfaces(@Root() device: DeviceType, @Ctx() ctx: NetworkContext): Promise<InterfaceObject[]> {
    return (await ctx.loaders.interfacesByDevice.load(device.rawId)).map(InterfaceObject.from);
  }

  @FieldResolver(() => SubscriberStub, { nullable: true, description: 'The subscriber whose premises it is at (CPE, ONU).' })
  subscriber(@Root() device: DeviceType): SubscriberStub | undefined {
    return device.subscriberId ? Object.assign(new SubscriberStub(), { id: toGlobalId('Subscriber', device.subscriberId) }) : undefined;
  }

  @FieldResolver(() => Boolean, { description: 'Whether login secrets (user, password or enable secret) are stored. They are never returned.' })
  async hasCredentials(@Root() device: DeviceType, @Ctx() ctx: NetworkContext): Promise<boolean> {
    const names = await ctx.loaders.secretNamesByDevice.load(device.rawId);
    return LOGIN_SECRETS.some((name) => names.has(name));
  }
}

@Resolver(() => SnmpSettings)
export class SnmpSettingsFieldsResolver {
  @FieldResolver(() => Boolean, { description: 'v1/v2c: whether a community is stored (never returned).' })
  async hasCommunity(@Root() snmp: SnmpSettings, @Ctx() ctx: NetworkContext): Promise<boolean> {
    return (await ctx.loaders.secretNamesByDevice.load(snmp.deviceId)).has(DeviceSecretName.SNMP_COMMUNITY);
  }

  @FieldResolver(() => Boolean, { description: 'v3: whether an authentication key is stored (never returned).' })
  async hasAuthKey(@Root() snmp: SnmpSettings, @Ctx() ctx: NetworkContext): Promise<boolean> {
    return (await ctx.loaders.secretNamesByDevice.load(snmp.deviceId)).has(DeviceSecretName.SNMP_AUTH_KEY);
  }

  @FieldResolver(() => Boolean, { description: 'v3: whether a privacy key is stored (never returned).' })
  async hasPrivKey(@Root() snmp: SnmpSettings, @Ctx() ctx: NetworkContext): Promise<boolean> {
    return (await ctx.loaders.secretNamesByDevice.load(snmp.deviceId)).has(DeviceSecretName.SNMP_PRIV_KEY);
  }
}
