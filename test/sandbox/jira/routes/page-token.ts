import { reject } from './http';

const INVALID_TOKEN = 'The provided next page token is invalid or expired.';

function fingerprint(jql: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < jql.length; i += 1) hash = Math.imul(hash ^ jql.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/**
 * `nextPageToken` is opaque in Jira. Here it carries the offset and a fingerprint of the JQL, so a token
 * replayed with another query is refused, as Jira refuses a token from a different search.
 */
export function encodePageToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, q: fingerprint(jql) })).toString('base64url');
}

export function decodePageToken(jql: string, token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    reject(400, INVALID_TOKEN);
  }
  if (typeof decoded !== 'object' || decoded === null) reject(400, INVALID_TOKEN);
  const { o, q } = decoded as { o?: unknown; q?: unknown };
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || q !== fingerprint(jql)) reject(400, INVALID_TOKEN);
  return o;
}
