import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { expectGlobalId, requireRole, runAuditedMutation, tenantScope, UserError } from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import { FIELD_DESIGNERS, READERS, SERVICE, tenantFromInput } from '../shared/access.js';
import { mutateRecord } from '../shared/mutation.js';
import { CustomFieldDefinitionNode } from './custom-field.type.js';
import { ArchiveCustomFieldDefinitionInput, DefineCustomFieldInput, UpdateCustomFieldDefinitionInput } from './custom-field.input.js';
import * as definitions from './custom-field-definition.service.js';

@ObjectType()
class CustomFieldDefinitionPayload {
  @Field(() => CustomFieldDefinitionNode, { nullable: true }) definition?: CustomFieldDefinitionNode;
  @Field(() => [UserError]) userErrors: UserError[];
}

const target = (row: { id: string; tenantId: string }) => ({ type: 'CustomFieldDefinition', id: row.id, tenantId: row.tenantId });

@Resolver(() => CustomFieldDefinitionNode)
export class CustomFieldDefinitionResolver {
  @Query(() => [CustomFieldDefinitionNode], { description: `The ISP's custom subscriber fields (at most ${definitions.MAX_DEFINITIONS}), oldest first.` })
  async customFieldDefinitions(
    @Ctx() ctx: CustomersContext,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string,
    @Arg('includeArchived', () => Boolean, { defaultValue: false }) includeArchived?: boolean,
  ): Promise<CustomFieldDefinitionNode[]> {
    requireRole(ctx.viewer, ...READERS);
    const tenant = tenantFromInput(ctx.viewer, tenantId);
    const rows = await ctx.db.inTenant(tenant, (em) => definitions.listDefinitions(em, tenant, includeArchived));
    return rows.map(CustomFieldDefinitionNode.from);
  }

  @Mutation(() => CustomFieldDefinitionPayload, { description: 'Adds a custom field to the ISP\'s subscribers. Tenant admins only.' })
  defineCustomField(@Ctx() ctx: CustomersContext, @Arg('input', () => DefineCustomFieldInput) input: DefineCustomFieldInput) {
    requireRole(ctx.viewer, ...FIELD_DESIGNERS);
    const tenant = tenantFromInput(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: SERVICE,
      operation: 'defineCustomField',
      scope: tenantScope(tenant),
      work: async (em) => {
        const row = await definitions.defineCustomField(em, tenant, input);
        return { payload: { definition: CustomFieldDefinitionNode.from(row) }, target: target(row), details: { key: row.key, type: row.type } };
      },
    });
  }

  @Mutation(() => CustomFieldDefinitionPayload, { description: 'Changes a custom field\'s label, options or required flag. Tenant admins only.' })
  updateCustomFieldDefinition(@Ctx() ctx: CustomersContext, @Arg('input', () => UpdateCustomFieldDefinitionInput) input: UpdateCustomFieldDefinitionInput) {
    requireRole(ctx.viewer, ...FIELD_DESIGNERS);
    return mutateRecord(ctx, {
      operation: 'updateCustomFieldDefinition',
      work: async (em) => {
        const row = await definitions.updateDefinition(em, expectGlobalId(input.definitionId, 'CustomFieldDefinition', 'definitionId'), input);
        return { payload: { definition: CustomFieldDefinitionNode.from(row) }, target: target(row) };
      },
    });
  }

  @Mutation(() => CustomFieldDefinitionPayload, { description: 'Hides a custom field; values are kept. Tenant admins only.' })
  archiveCustomFieldDefinition(@Ctx() ctx: CustomersContext, @Arg('input', () => ArchiveCustomFieldDefinitionInput) input: ArchiveCustomFieldDefinitionInput) {
    requireRole(ctx.viewer, ...FIELD_DESIGNERS);
    return mutateRecord(ctx, {
      operation: 'archiveCustomFieldDefinition',
      work: async (em) => {
        const row = await definitions.archiveDefinition(em, expectGlobalId(input.definitionId, 'CustomFieldDefinition', 'definitionId'));
        return { payload: { definition: CustomFieldDefinitionNode.from(row) }, target: target(row) };
      },
    });
  }
}
