import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { expectGlobalId, runAuditedMutation, tenantScope, UserError, type EntityManager } from '@dotmac/kernel';
import { writerTenant } from '../access/network-access.js';
import type { NetworkContext } from '../context.js';
import { DeviceType } from '../device/device.type.js';
import type { NetworkInterface } from './interface.entity.js';
import { CreateInterfaceInput, UpdateInterfaceInput } from './interface.input.js';
import { InterfaceType } from './interface.type.js';
import * as interfaces from './interface.service.js';

@ObjectType()
class InterfacePayload {
  @Field(() => InterfaceType, { nullable: true }) interface?: InterfaceType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => InterfaceType)
export class InterfaceResolver {
  @FieldResolver(() => DeviceType)
  async device(@Root() port: InterfaceType, @Ctx() ctx: NetworkContext): Promise<DeviceType> {
    return DeviceType.from((await ctx.loaders.deviceById.load(port.deviceId))!);
  }

  @Mutation(() => InterfacePayload, { description: 'Adds an interface to a device; its name is unique on the device.' })
  createInterface(@Ctx() ctx: NetworkContext, @Arg('input', () => CreateInterfaceInput) input: CreateInterfaceInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'createInterface', tenantId, (em) => interfaces.createInterface(em, tenantId, input));
  }

  @Mutation(() => InterfacePayload, { description: 'Changes an interface; absent fields stay, null clears.' })
  updateInterface(@Ctx() ctx: NetworkContext, @Arg('input', () => UpdateInterfaceInput) input: UpdateInterfaceInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'updateInterface', tenantId, (em) => interfaces.updateInterface(em, expectGlobalId(input.interfaceId, 'NetworkInterface', 'interfaceId'), input));
  }

  private mutate(ctx: NetworkContext, operation: string, tenantId: string, change: (em: EntityManager) => Promise<NetworkInterface>) {
    return runAuditedMutation(ctx, {
      service: 'network',
      operation,
      scope: tenantScope(tenantId),
      work: async (em) => {
        const port = await change(em);
        return { payload: { interface: InterfaceType.from(port) }, target: { type: 'NetworkInterface', id: port.id, tenantId } };
      },
    });
  }
}
