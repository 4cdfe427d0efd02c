import { Field, ID, InputType, Int } from 'type-graphql';
import { InterfaceAdminStatus, InterfaceOperStatus, InterfaceType } from './interface-enums.js';

@InputType()
export class CreateInterfaceInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) deviceId: string;
  @Field({ description: 'Unique on the device, 1–64 characters.' }) name: string;
  @Field(() => InterfaceType) type: InterfaceType;
  @Field(() => String, { nullable: true, description: 'aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff or aabb.ccdd.eeff.' }) macAddress?: string | null;
  @Field(() => Int, { nullable: true, description: 'Megabits per second, greater than 0.' }) speedMbps?: number | null;
  @Field(() => InterfaceAdminStatus, { nullable: true, description: 'UP when omitted.' }) adminStatus?: InterfaceAdminStatus;
  @Field(() => InterfaceOperStatus, { nullable: true, description: 'UNKNOWN when omitted.' }) operStatus?: InterfaceOperStatus;
  @Field(() => [String], { nullable: true, description: 'Addresses with prefix length ("10.0.0.1/24"), at most 32.' }) ipAddresses?: string[] | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType({ description: 'Absent fields stay as they are; null clears.' })
export class UpdateInterfaceInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) interfaceId: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => InterfaceType, { nullable: true }) type?: InterfaceType;
  @Field(() => String, { nullable: true }) macAddress?: string | null;
  @Field(() => Int, { nullable: true }) speedMbps?: number | null;
  @Field(() => InterfaceAdminStatus, { nullable: true }) adminStatus?: InterfaceAdminStatus;
  @Field(() => InterfaceOperStatus, { nullable: true }) operStatus?: InterfaceOperStatus;
  @Field(() => [String], { nullable: true, description: 'Replaces the list.' }) ipAddresses?: string[] | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}
