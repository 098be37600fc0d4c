/**
 * The checks an endpoint from DescribeClusters passes before it goes into a JDBC URL or a Python
 * snippet: a host name of RFC 1123 labels, an IPv4 address or an IPv6 address (bare or in
 * brackets), and a port from 1 to 65535. Anything else could add to the URL (`@`, `/`, `?`, `#`,
 * spaces, control characters) or is not an address at all.
 */

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOST_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`, 'u');
const MAX_HOST_NAME = 253;
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`, 'u');
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/u;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** An IPv6 address without brackets: eight groups, or fewer with one `::`, the last two may be an IPv4 address. No zone. */
export function isIpv6(text: string): boolean {
  let rest = text;
  if (rest.includes('.')) {
    const colon = rest.lastIndexOf(':');
    if (colon < 0 || !isIpv4(rest.slice(colon + 1))) return false;
    rest = `${rest.slice(0, colon + 1)}0:0`;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const all = halves.flatMap(groups);
  if (!all.every((g) => HEX_GROUP.test(g))) return false;
  return halves.length === 2 ? all.length <= 7 : all.length === 8;
}

/** A host name of RFC 1123 labels (at most 253 characters); one whose last label is all digits must be an IPv4 address. */
export function isHostName(text: string): boolean {
  if (text.length > MAX_HOST_NAME || !HOST_NAME.test(text)) return false;
  const last = text.slice(text.lastIndexOf('.') + 1);
  return !/^[0-9]+$/u.test(last) || isIpv4(text);
}

/** The address as a driver connects to it (IPv6 without brackets), or null when it is none of the above. */
export function endpointHost(address: string): { host: string; ipv6: boolean } | null {
  if (isHostName(address)) return { host: address, ipv6: false };
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  return isIpv6(bare) ? { host: bare, ipv6: true } : null;
}

export function isPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}
