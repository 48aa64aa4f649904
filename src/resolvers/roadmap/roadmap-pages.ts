/**
 * A big roadmap in pages. Forge returns at most 5 MB from a resolver call
 * (https://developer.atlassian.com/platform/forge/platform-quotas-and-limits/#invocation-limits),
 * and 5,000 items with roll-ups, forecasts and check-ins come to about twice that: `getRoadmap`
 * answers the first page with everything else, and `getRoadmapItems` the rest, page by page.
 *
 * The cursor is bound to the project (the context's, never the payload's: a cursor of another
 * project is refused) and to a fingerprint of what the pages are cut from: the items' ids and
 * versions in rank order, the lanes' version and the epics' link versions. A page of a board
 * that changed meanwhile is a conflict, never a page of another board, so the client starts again
 * instead of showing a board made of two versions.
 */
import type { RoadmapItemView, RoadmapItemsPage, RoadmapView } from '../../contract';
import { fail, ok } from '../results';
import type { Result } from '../../contract';
import { say } from '../../i18n/server-texts';

/** Whole answers stay well inside Forge's 5 MB (the rest of the view is counted on the first page). */
export const pageBudgetBytes = 4_000_000;
/**
 * Items per page at most. Each answer reads the whole board from storage (the pages are cut from
 * it, so the fingerprint sees every change): few, large pages keep a 5,000-item load inside Forge's
 * 4,000 read units a minute (about 700 units per read of 5,000 items with a few sentences each).
 */
export const itemsPerPage = 2_500;
const cursorVersion = 1;
const maxCursorLength = 400;

interface Cursor {
  projectId: string;
  offset: number;
  fingerprint: string;
}

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** FNV-1a (32 bit) twice with different seeds: a change detector, not a secret. */
function hashOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return a.toString(36) + b.toString(36);
}

/** What a page is cut from: any item added, removed, edited or moved, lanes or epic links changed. */
export function fingerprintOf(view: Pick<RoadmapView, 'items' | 'setupVersion' | 'epics'>): string {
  const parts = [`lanes:${view.setupVersion}`, `items:${view.items.length}`];
  for (const item of view.items) parts.push(`${item.id}@${item.version}`);
  for (const epic of view.epics) parts.push(`e${epic.id}@${epic.linksVersion}`);
  return hashOf(parts.join('|'));
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: cursorVersion, p: cursor.projectId, o: cursor.offset, f: cursor.fingerprint }), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor | undefined {
  if (text.length > maxCursorLength || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { v, p, o, f } = parsed as Record<string, unknown>;
    if (v !== cursorVersion || typeof p !== 'string' || typeof f !== 'string' || typeof o !== 'number') return undefined;
    if (!Number.isSafeInteger(o) || o < 0 || p.length === 0 || f.length === 0) return undefined;
    const cursor = { projectId: p, offset: o, fingerprint: f };
    // Only the exact text we gave out: base64 decoding forgives stray trailing characters.
    return encodeCursor(cursor) === text ? cursor : undefined;
  } catch {
    return undefined;
  }
}

/** How many items from `offset` fit in `budget` bytes (at least one, so paging always moves on). */
function pageEnd(items: readonly RoadmapItemView[], offset: number, budget: number): number {
  let used = 0;
  let end = offset;
  while (end < items.length && end - offset < itemsPerPage) {
    const size = bytesOf(items[end]) + 1;
    if (end > offset && used + size > budget) break;
    used += size;
    end += 1;
  }
  return end;
}

/** The whole view cut to its first page; `itemsPage` says how many there are and where to go on. */
export function firstPage(view: RoadmapView, projectId: string): RoadmapView {
  const rest = bytesOf({ ok: true, value: { ...view, items: [] } });
  const end = pageEnd(view.items, 0, Math.max(0, pageBudgetBytes - rest));
  if (end >= view.items.length) return view;
  return {
    ...view,
    items: view.items.slice(0, end),
    itemsPage: { total: view.items.length, cursor: encodeCursor({ projectId, offset: end, fingerprint: fingerprintOf(view) }) },
  };
}

/**
 * The page a cursor points at, cut from the board as it is now; without a cursor, the first
 * page's items. Refused: a cursor that is not one of ours (invalid), another project's (forbidden),
 * one of a board that changed since (conflict: load the roadmap again).
 */
export function itemsPage(view: RoadmapView, projectId: string, cursorText: string | undefined): Result<RoadmapItemsPage> {
  const fingerprint = fingerprintOf(view);
  let offset = 0;
  if (cursorText !== undefined) {
    const cursor = decodeCursor(cursorText);
    if (!cursor) return fail('invalid', say('roadmap.pageCursorInvalid'), 'cursor');
    if (cursor.projectId !== projectId) return fail('forbidden', say('roadmap.pageCursorOtherProject'));
    if (cursor.fingerprint !== fingerprint || cursor.offset > view.items.length) return fail('conflict', say('roadmap.pageBoardChanged'));
    offset = cursor.offset;
  }
  const end = pageEnd(view.items, offset, pageBudgetBytes);
  return ok({
    items: view.items.slice(offset, end),
    offset,
    total: view.items.length,
    ...(end < view.items.length ? { cursor: encodeCursor({ projectId, offset: end, fingerprint }) } : {}),
  });
}
