// The API key a request presents: `Authorization: Bearer KEY` (CONTRACT §4), `Basic` with the key as the
// password (what log shippers' Elasticsearch outputs send: user name ignored), or Elasticsearch's
// `ApiKey base64(id:key)` (Filebeat's and Logstash's `api_key` setting; the id part is ignored).
export function presentedKey(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const [scheme, ...rest] = authorization.trim().split(/\s+/);
  const value = rest.join(' ');
  if (!scheme || !value) return null;
  switch (scheme.toLowerCase()) {
    case 'bearer':
      return value;
    case 'basic': {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return colon === -1 ? null : decoded.slice(colon + 1);
    }
    case 'apikey': {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return colon === -1 ? decoded : decoded.slice(colon + 1);
    }
    default:
      return null;
  }
}
