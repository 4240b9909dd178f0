// Refuses requests whose Host header names another machine. A page on some web site can make the
// browser send requests to 127.0.0.1 under a name it controls (DNS rebinding); such requests carry
// that foreign name in Host, so answering only to loopback names closes the door.
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];

export function hostName(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']') === -1 ? undefined : value.indexOf(']'));
  const colon = value.lastIndexOf(':');
  return colon === -1 ? value : value.slice(0, colon);
}

export function isAllowedHost(hostHeader: string | undefined, extra: readonly string[] = []): boolean {
  if (!hostHeader) return false;
  const name = hostName(hostHeader);
  return LOOPBACK_NAMES.includes(name) || extra.map((h) => h.toLowerCase()).includes(name);
}
