/**
 * Opaque cursors. The platform says cursors "may not always be stable" and must not be
 * persisted; ours encode the last position a page reached, so a cursor stays valid across writes
 * but means nothing outside the query shape that produced it.
 */
import { isRecord } from './body';
import { badRequest } from './kvs-error';

export interface CursorPosition {
  /** Key of the last item the page covered. */
  key: string;
  /** Its index range value (entity queries only). */
  range?: unknown;
}

const PREFIX = 'sbx1.';

export function encodeCursor(position: CursorPosition): string {
  return PREFIX + Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor(raw: unknown): CursorPosition | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && raw.startsWith(PREFIX)) {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(raw.slice(PREFIX.length), 'base64url').toString('utf8'));
      if (isRecord(parsed) && typeof parsed.key === 'string') return { key: parsed.key, range: parsed.range };
    } catch {
      // fall through to the error below
    }
  }
  throw badRequest('INVALID_CURSOR', 'The provided cursor is invalid');
}
