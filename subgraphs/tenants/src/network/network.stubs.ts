import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '@dotmac/kernel';

/** Site is owned by the network subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Site', { implements: Node })
export class SiteStub extends Node {
  @Field(() => ID) declare id: string;
}

/** Device is owned by the network subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Device', { implements: Node })
export class DeviceStub extends Node {
  @Field(() => ID) declare id: string;
}

/** NetworkInterface is owned by the network subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('NetworkInterface', { implements: Node })
export class NetworkInterfaceStub extends Node {
  @Field(() => ID) declare id: string;
}

/** IpPrefix is owned by the network subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('IpPrefix', { implements: Node })
export class IpPrefixStub extends Node {
  @Field(() => ID) declare id: string;
}

/** IpPool is owned by the network subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('IpPool', { implements: Node })
export class IpPoolStub extends Node {
  @Field(() => ID) declare id: string;
}

/** IpAllocation is owned by the network subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('IpAllocation', { implements: Node })
export class IpAllocationStub extends Node {
  @Field(() => ID) declare id: string;
}

/** AlertRule is owned by the network subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('AlertRule', { implements: Node })
export class AlertRuleStub extends Node {
  @Field(() => ID) declare id: string;
}

/** Incident is owned by the network subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Incident', { implements: Node })
export class IncidentStub extends Node {
  @Field(() => ID) declare id: string;
}

/** The network subgraph's node types by the tag of their global ids. */
export const NETWORK_NODE_TYPES: Record<string, new () => Node> = {
  Site: SiteStub,
  Device: DeviceStub,
  NetworkInterface: NetworkInterfaceStub,
  IpPrefix: IpPrefixStub,
  IpPool: IpPoolStub,
  IpAllocation: IpAllocationStub,
  AlertRule: AlertRuleStub,
  Incident: IncidentStub,
};
