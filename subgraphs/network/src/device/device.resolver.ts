import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { connectionType, ConnectionArgs, expectGlobalId, runAuditedMutation, tenantScope, UserError, type EntityManager } from '@dotmac/kernel';
import { readerTenant, writerTenant } from '../access/network-access.js';
import type { NetworkContext } from '../context.js';
import type { Device } from './device.entity.js';
import { CreateDeviceInput, DeviceFilter, DeviceOrder, SetDeviceCredentialsInput, UpdateDeviceInput } from './device.input.js';
import { listDevices } from './device-query.service.js';
import { resolveDeviceReference } from './device.reference.js';
import { DeviceType } from './device.type.js';
import * as devices from './device.service.js';

export const DeviceConnection = connectionType(DeviceType, 'Device');

@ObjectType()
class DevicePayload {
  @Field(() => DeviceType, { nullable: true }) device?: DeviceType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => DeviceType)
export class DeviceResolver {
  @Query(() => DeviceConnection, { description: "The ISP's devices (network staff and support)." })
  devices(
    @Ctx() ctx: NetworkContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string,
    @Arg('filter', () => DeviceFilter, { nullable: true }) filter?: DeviceFilter,
    @Arg('orderBy', () => DeviceOrder, { nullable: true }) orderBy?: DeviceOrder,
  ) {
    const tenant = readerTenant(ctx.viewer, tenantId);
    return ctx.db.inTenant(tenant, (em) => listDevices(em, tenant, filter, orderBy, page));
  }

  @Query(() => DeviceType, { description: "One device by its id; another ISP's is NOT_FOUND." })
  device(@Ctx() ctx: NetworkContext, @Arg('id', () => ID) id: string): Promise<DeviceType> {
    return resolveDeviceReference({ id }, ctx);
  }

  @Mutation(() => DevicePayload, { description: 'Adds a device; serial and management IP are unique within the ISP.' })
  createDevice(@Ctx() ctx: NetworkContext, @Arg('input', () => CreateDeviceInput) input: CreateDeviceInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'createDevice', tenantId, (em) => devices.createDevice(em, ctx.credentials, tenantId, input));
  }

  @Mutation(() => DevicePayload, { description: 'Changes a device; absent fields stay, null clears. Re-parenting never makes a cycle.' })
  updateDevice(@Ctx() ctx: NetworkContext, @Arg('input', () => UpdateDeviceInput) input: UpdateDeviceInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'updateDevice', tenantId, (em) => devices.updateDevice(em, ctx.credentials, expectGlobalId(input.deviceId, 'Device', 'deviceId'), input));
  }

  @Mutation(() => DevicePayload, { description: 'Sets or removes login secrets; they are sealed at rest and never returned.' })
  setDeviceCredentials(@Ctx() ctx: NetworkContext, @Arg('input', () => SetDeviceCredentialsInput) input: SetDeviceCredentialsInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'setDeviceCredentials', tenantId, (em) =>
      devices.setDeviceCredentials(em, ctx.credentials, expectGlobalId(input.deviceId, 'Device', 'deviceId'), input.credentials),
    );
  }

  private mutate(ctx: NetworkContext, operation: string, tenantId: string, change: (em: EntityManager) => Promise<Device>) {
    return runAuditedMutation(ctx, {
      service: 'network',
      operation,
      scope: tenantScope(tenantId),
      work: async (em) => {
        const device = await change(em);
        return { payload: { device: DeviceType.from(device) }, target: { type: 'Device', id: device.id, tenantId } };
      },
    });
  }
}
