import { Field, ID, InputType, Int } from 'type-graphql';
import { ServiceState } from './service.entity.js';
import { RateLimitFormat, SuspensionMode } from './radius-settings.entity.js';

@InputType()
export class ProvisionServiceInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) subscriberId: string;
  @Field(() => ID, { nullable: true, description: "Billing's Subscription this service delivers; one service per subscription." }) subscriptionId?: string | null;
  @Field(() => ID, { nullable: true }) planId?: string | null;
  @Field(() => String, { nullable: true, description: '3–64 of a–z 0–9 . _ @ -, unique across the platform; generated when omitted.' }) username?: string | null;
  @Field(() => String, { nullable: true, description: '8–128 printable ASCII characters without spaces; generated when omitted.' }) password?: string | null;
  @Field(() => Int, { nullable: true, description: 'kbit/s; omitted is unlimited.' }) downloadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'kbit/s; omitted is unlimited.' }) uploadKbps?: number | null;
  @Field(() => ID, { nullable: true, description: 'An IPv4 pool to take a static address from (Framed-IP-Address).' }) staticIpPoolId?: string | null;
}

@InputType()
export class UpdateServiceInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) serviceId: string;
  @Field(() => String, { nullable: true }) username?: string | null;
  @Field(() => String, { nullable: true }) password?: string | null;
  @Field(() => Int, { nullable: true, description: 'Null is unlimited.' }) downloadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Null is unlimited.' }) uploadKbps?: number | null;
  @Field(() => ID, { nullable: true, description: 'A pool to take a new static address from; null releases the address.' }) staticIpPoolId?: string | null;
}

@InputType()
export class ServiceIdInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) serviceId: string;
}

@InputType()
export class ServiceFilter {
  @Field(() => ID, { nullable: true }) subscriberId?: string;
  @Field(() => [ServiceState], { nullable: true }) states?: ServiceState[];
  @Field(() => String, { nullable: true, description: 'Username prefix.' }) username?: string;
}

@InputType()
export class UpdateRadiusSettingsInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => RateLimitFormat, { nullable: true }) rateLimitFormat?: RateLimitFormat | null;
  @Field(() => SuspensionMode, { nullable: true }) suspensionMode?: SuspensionMode | null;
  @Field(() => Int, { nullable: true }) throttleDownloadKbps?: number | null;
  @Field(() => Int, { nullable: true }) throttleUploadKbps?: number | null;
  @Field(() => String, { nullable: true, description: 'The NAS address list suspended subscribers join (WALLED_GARDEN).' }) walledGardenAddressList?: string | null;
}
