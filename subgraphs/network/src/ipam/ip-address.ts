import { isIPv4, isIPv6 } from 'node:net';

/** One IP address as a number, with its family's width in bits. */
export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

export interface IpNetwork {
  family: 4 | 6;
  /** The network address (host bits zero). */
  network: bigint;
  length: number;
}

export const bitsOf = (family: 4 | 6): number => (family === 4 ? 32 : 128);

function parseIpv4(text: string): bigint {
  return text.split('.').reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function parseIpv6(text: string): bigint {
  // A trailing dotted IPv4 part ("::ffff:192.0.2.1") is two groups written differently.
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  let hex = text;
  if (tail.includes('.')) {
    const v4 = parseIpv4(tail);
    hex = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [left = '', right] = hex.split('::');
  const leftGroups = left ? left.split(':') : [];
  const rightGroups = right ? right.split(':') : [];
  const zeros = right === undefined ? [] : Array<string>(8 - leftGroups.length - rightGroups.length).fill('0');
  return [...leftGroups, ...zeros, ...rightGroups].reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** Parses a bare address ("10.0.0.1", "2001:db8::1"); undefined when it is not one. */
export function parseAddress(text: string): IpAddress | undefined {
  const trimmed = text.trim();
  if (isIPv4(trimmed)) return { family: 4, value: parseIpv4(trimmed) };
  if (isIPv6(trimmed) && !trimmed.includes('%')) return { family: 6, value: parseIpv6(trimmed) };
  return undefined;
}

/** Parses "address/length"; the address may have host bits set (the caller decides whether that is wrong). */
export function parseCidr(text: string): { address: IpAddress; length: number } | undefined {
  const [addressText, lengthText, extra] = text.trim().split('/');
  if (extra !== undefined || addressText === undefined || lengthText === undefined || !/^\d{1,3}$/.test(lengthText)) return undefined;
  const address = parseAddress(addressText);
  const length = Number(lengthText);
  if (!address || length > bitsOf(address.family)) return undefined;
  return { address, length };
}

export const hostMask = (family: 4 | 6, length: number): bigint => (1n << BigInt(bitsOf(family) - length)) - 1n;

export function networkOf(address: IpAddress, length: number): IpNetwork {
  return { family: address.family, network: address.value & ~hostMask(address.family, length), length };
}

export const lastAddressOf = (net: IpNetwork): bigint => net.network | hostMask(net.family, net.length);

export function contains(net: IpNetwork, address: IpAddress): boolean {
  return net.family === address.family && address.value >= net.network && address.value <= lastAddressOf(net);
}

export function formatAddress(address: IpAddress): string {
  if (address.family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((address.value >> BigInt((7 - i) * 16)) & 0xffffn).toString(16));
  // RFC 5952: the longest run (two or more) of zero groups becomes "::".
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j += 1;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

export const formatNetwork = (net: IpNetwork): string => `${formatAddress({ family: net.family, value: net.network })}/${net.length}`;
