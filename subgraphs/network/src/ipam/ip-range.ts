import { AppError } from '@dotmac/kernel';
import { bitsOf, contains, formatAddress, formatNetwork, lastAddressOf, networkOf, parseAddress, parseCidr, type IpAddress, type IpNetwork } from './ip-address.js';

/** A prefix as given by a client: valid CIDR with no host bits set, else BAD_USER_INPUT. */
export function prefixOf(text: string, field = 'prefix'): IpNetwork {
  const parsed = parseCidr(text);
  if (!parsed) throw AppError.badInput(`"${text}" is not a CIDR prefix (e.g. 10.0.0.0/24 or 2001:db8::/48)`, field);
  const network = networkOf(parsed.address, parsed.length);
  if (network.network !== parsed.address.value) {
    throw AppError.badInput(`"${text}" has host bits set; the prefix is ${formatNetwork(network)}`, field);
  }
  return network;
}

/** A stored prefix (always valid). */
export const storedPrefix = (text: string): IpNetwork => prefixOf(text);

/** A host address inside `net`, else BAD_USER_INPUT naming `field`. */
export function addressIn(net: IpNetwork, text: string, field: string, what = 'the prefix'): IpAddress {
  const address = parseAddress(text);
  if (!address) throw AppError.badInput(`"${text}" is not an IPv${net.family} address`, field);
  if (!contains(net, address)) throw AppError.badInput(`${formatAddress(address)} is outside ${what} ${formatNetwork(net)}`, field);
  return address;
}

/**
 * The usable hosts of a whole prefix: an IPv4 prefix up to /30 leaves out its network and
 * broadcast addresses, an IPv6 prefix up to /126 its subnet-router anycast (first) address;
 * /31, /32, /127 and /128 use every address.
 */
export function usableRange(net: IpNetwork): { start: IpAddress; end: IpAddress } {
  const last = lastAddressOf(net);
  const hostBits = bitsOf(net.family) - net.length;
  if (hostBits <= 1) return { start: { family: net.family, value: net.network }, end: { family: net.family, value: last } };
  const end = net.family === 4 ? last - 1n : last;
  return { start: { family: net.family, value: net.network + 1n }, end: { family: net.family, value: end } };
}

/** Number of addresses from start to end inclusive, as decimal text (IPv6 ranges exceed any Int). */
export const rangeSize = (start: string, end: string): bigint => parseAddress(end)!.value - parseAddress(start)!.value + 1n;
