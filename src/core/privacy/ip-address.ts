/**
 * IP address literals as bytes, and prefix (CIDR) matching, for the private ranges of the site
 * policy. Input is a host as `URL` serialises it (`10.0.0.1`, `[fc00::1]`), so the odd spellings
 * (`0x7f.1`, `2130706433`, uncompressed IPv6) are already normalised by the URL parser.
 */

export interface IpAddress {
  version: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: readonly number[];
}

function parseIPv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function parseIPv6(host: string): number[] | null {
  const halves = host.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string | undefined): string[] => (half ? half.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const bytes: number[] = [];
  for (const group of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    const value = parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  return bytes;
}

/**
 * The address in a host, or null for a name. An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`)
 * reaches the IPv4 host, so it is answered as IPv4 and meets the IPv4 rules.
 */
export function parseIpAddress(host: string): IpAddress | null {
  if (host.startsWith('[') && host.endsWith(']')) {
    const bytes = parseIPv6(host.slice(1, -1));
    if (!bytes) return null;
    const mapped =
      bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255;
    return mapped ? { version: 4, bytes: bytes.slice(12) } : { version: 6, bytes };
  }
  const bytes = parseIPv4(host);
  return bytes ? { version: 4, bytes } : null;
}

/** Whether the first `bits` bits of `address` are those of `network`. */
export function inPrefix(address: IpAddress, network: IpAddress, bits: number): boolean {
  if (address.version !== network.version) return false;
  for (let i = 0; i < address.bytes.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((address.bytes[i] ?? 0) & mask) !== ((network.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}
