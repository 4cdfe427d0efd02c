import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '@dotmac/kernel';

@InputType()
export class CreatePrefixInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field({ description: 'CIDR without host bits: "100.64.0.0/16", "2001:db8:100::/48".' }) prefix: string;
  @Field(() => ID, { nullable: true, description: 'Found automatically (the smallest prefix containing it) when omitted.' }) parentId?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType()
export class PrefixFilter {
  @Field(() => ID, { nullable: true, description: 'Direct children of this prefix.' }) parentId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Only prefixes with no parent.' }) topLevelOnly?: boolean;
}

@InputType()
export class PrefixOrder {
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'By address (IPv4 before IPv6), then length.' }) direction: SortDirection;
}

@InputType()
export class CreatePoolInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) prefixId: string;
  @Field({ description: 'Unique within the ISP (case aside).' }) name: string;
  @Field(() => String, { nullable: true, description: 'First address; with endAddress, or neither for the whole prefix.' }) startAddress?: string | null;
  @Field(() => String, { nullable: true }) endAddress?: string | null;
  @Field(() => String, { nullable: true, description: 'Inside the prefix; never allocated.' }) gateway?: string | null;
  @Field(() => [String], { nullable: true, description: 'Addresses never allocated (at most 256).' }) reserved?: string[] | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType()
export class PoolFilter {
  @Field(() => ID, { nullable: true }) prefixId?: string;
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on the name.' }) search?: string;
}

@InputType({ description: 'Exactly one of the three.' })
export class IpAssigneeInput {
  @Field(() => ID, { nullable: true }) deviceId?: string | null;
  @Field(() => ID, { nullable: true }) interfaceId?: string | null;
  @Field(() => ID, { nullable: true }) subscriberId?: string | null;
}

@InputType()
export class AllocateNextAddressInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) poolId: string;
  @Field(() => IpAssigneeInput) assignee: IpAssigneeInput;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'A retry with the same key returns the first allocation instead of a second one.' }) idempotencyKey?: string | null;
}

@InputType()
export class AllocateAddressInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) poolId: string;
  @Field({ description: 'A host address inside the pool, not its gateway or a reserved one.' }) address: string;
  @Field(() => IpAssigneeInput) assignee: IpAssigneeInput;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType()
export class ReleaseAddressInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) allocationId: string;
}

@InputType()
export class AllocationFilter {
  @Field(() => ID, { nullable: true }) poolId?: string;
  @Field(() => String, { nullable: true, description: "One address's history." }) address?: string;
  @Field(() => ID, { nullable: true, description: 'A Device, NetworkInterface or Subscriber id.' }) assigneeId?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: not released; false: released.' }) active?: boolean;
}

export enum AllocationOrderField {
  ALLOCATED_AT = 'allocatedAt',
  ADDRESS = 'address',
}
registerEnumType(AllocationOrderField, { name: 'IpAllocationOrderField' });

@InputType()
export class AllocationOrder {
  @Field(() => AllocationOrderField) field: AllocationOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection;
}
