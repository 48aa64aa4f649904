/**
 * A big roadmap in pages. Forge returns at most 5 MB from a resolver call
 * (https://developer.atlassian.com/platform/forge/platform-quotas-and-limits/#invocation-limits),
 * and 5,000 items with roll-ups, forecasts, check-ins and long descriptions come to about three
 * times that: `getRoadmap` answers the first page with everything else, `getRoadmapItems` the
 * rest, page by page.
 *
 * The first page is cut from the whole view, and so are the others, at the same moment: the view
 * of every further item, less its texts, is stored for the pages (`savePageParts`, an hour's time
 * to live). A further page then costs a small, bounded amount: the board's version (one get), its
 * own parts (one batch get) and its own items' records for their texts (one query per 100 items),
 * never Jira (beyond the permission check) nor the whole board again. Forge's storage allows 4,000
 * read units of 10 KB a minute per installation (https://developer.atlassian.com/platform/forge/limits-kvs-ce/):
 * re-reading a 5,000-item board for each page spent that within one load.
 *
 * A page never mixes two boards: the cursor names the board's version read before the first page
 * was computed, and every write that changes what a page shows changes that version in its own
 * transaction (`stageBoardChange`). A changed board is a conflict, and the client loads it again
 * whole. The records a page reads must also still be at the versions the first page saw.
 *
 * The cursor is bound to the project of the context, never the payload's (another project's
 * cursor is refused), and the stored pages to the viewer they were computed for (their epics,
 * their calendar): another person's cursor is refused too. A viewer who lost Browse Projects is
 * refused before any of this (`viewerCall`).
 */
import type { Result, RoadmapItemView, RoadmapItemsPage, RoadmapView } from '../../contract';
import { fail, ok } from '../results';
import { say } from '../../i18n/server-texts';
import {
  boardVersionOf,
  itemsRankedBetween,
  maxPageParts,
  newLoadId,
  pagePartBytes,
  pageParts,
  savePageParts,
} from '../../adapters/storage/roadmap-store';
import type { PageEntry, PageHead, PagePart } from '../../adapters/storage/roadmap-store';
import { queryPageSize } from '../../adapters/storage/entities';

/** Whole answers stay well inside Forge's 5 MB (the rest of the view is counted on the first page). */
export const pageBudgetBytes = 4_000_000;
/** Items per page at most: what a browser parses and draws in one go without a long task. */
export const itemsPerPage = 2_500;
const cursorVersion = 2;
const maxCursorLength = 400;
const loadIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Where a further page is: the project, the load that cut it, its number and how many parts it is stored in. */
interface Cursor {
  projectId: string;
  loadId: string;
  page: number;
  parts: number;
}

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: cursorVersion, p: cursor.projectId, l: cursor.loadId, i: cursor.page, n: cursor.parts }), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor | undefined {
  if (text.length > maxCursorLength || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { v, p, l, i, n } = parsed as Record<string, unknown>;
    if (v !== cursorVersion || typeof p !== 'string' || typeof l !== 'string' || typeof i !== 'number' || typeof n !== 'number') return undefined;
    if (p.length === 0 || !loadIdPattern.test(l) || !Number.isSafeInteger(i) || i < 1 || !Number.isSafeInteger(n) || n < 1 || n > maxPageParts) return undefined;
    const cursor = { projectId: p, loadId: l, page: i, parts: n };
    // Only the exact text we gave out: base64 decoding forgives stray trailing characters.
    return encodeCursor(cursor) === text ? cursor : undefined;
  } catch {
    return undefined;
  }
}

/** An item with what it weighs: whole (on the wire) and as a page stores it (`entryOf`), measured once. */
interface Weighed {
  entry: PageEntry;
  entryBytes: number;
  bytes: number;
}

/** The item as a page stores it: everything but the texts, which its record holds. */
function entryOf(item: RoadmapItemView): PageEntry {
  const { title: _title, description: _description, ...entry } = item;
  return entry;
}

function weigh(item: RoadmapItemView): Weighed {
  const entry = entryOf(item);
  const entryBytes = bytesOf(entry);
  // The texts' members, `"title":…,"description":…,`, are all the whole item adds to its entry.
  return { entry, entryBytes, bytes: entryBytes + bytesOf(item.title) + bytesOf(item.description) + '"title":,"description":,'.length };
}

/** How many items from `offset` fit in `budget` bytes (at least one, so paging always moves on). */
function pageEnd(items: readonly Weighed[], offset: number, budget: number): number {
  let used = 0;
  let end = offset;
  while (end < items.length && end - offset < itemsPerPage) {
    const size = items[end]!.bytes + 1;
    if (end > offset && used + size > budget) break;
    used += size;
    end += 1;
  }
  return end;
}

/** The page boundaries: the first page leaves room for the rest of the view, the others have the whole budget. */
function pageBounds(view: RoadmapView, items: readonly Weighed[]): number[] {
  const rest = bytesOf({ ok: true, value: { ...view, items: [] } });
  const bounds = [0, pageEnd(items, 0, Math.max(0, pageBudgetBytes - rest))];
  while (bounds.at(-1)! < items.length) bounds.push(pageEnd(items, bounds.at(-1)!, pageBudgetBytes));
  return bounds;
}

/** A page's items in parts of at most `pagePartBytes`, the first one with the page's head. */
function partsOf(items: readonly Weighed[], head: Omit<PageHead, 'parts'>): Array<{ value: PagePart; bytes: number }> {
  const groups: Array<{ entries: PageEntry[]; bytes: number }> = [{ entries: [], bytes: bytesOf(head) + '{"head":{"parts":25},"entries":[]}'.length }];
  for (const { entry, entryBytes } of items) {
    const size = entryBytes + 1;
    if (groups.at(-1)!.entries.length > 0 && groups.at(-1)!.bytes + size > pagePartBytes) groups.push({ entries: [], bytes: '{"entries":[]}'.length });
    groups.at(-1)!.entries.push(entry);
    groups.at(-1)!.bytes += size;
  }
  if (groups.length > maxPageParts) throw new Error(`A roadmap page needs ${groups.length} parts, at most ${maxPageParts} are read at once`);
  return groups.map(({ entries, bytes }, part) => ({ value: part === 0 ? { head: { ...head, parts: groups.length }, entries } : { entries }, bytes }));
}

/** First and last rank of each run of at most one query's worth of items. */
function runsOf(items: readonly RoadmapItemView[]): Array<[string, string]> {
  const runs: Array<[string, string]> = [];
  for (let start = 0; start < items.length; start += queryPageSize) {
    runs.push([items[start]!.rank, items[Math.min(items.length, start + queryPageSize) - 1]!.rank]);
  }
  return runs;
}

export interface PagedFor {
  projectId: string;
  accountId: string;
  /** The board's version, read before the view was (`boardVersionOf`). */
  boardVersion: string | null;
}

/**
 * The whole view cut to its first page; `itemsPage` says how many there are and where to go on.
 * The further pages are stored first, so the cursor never points at a page that is not there.
 */
export async function firstPage(view: RoadmapView, pagedFor: PagedFor): Promise<RoadmapView> {
  const weighed = view.items.map(weigh);
  const bounds = pageBounds(view, weighed);
  if (bounds.length <= 2) return view;
  const loadId = newLoadId();
  const pages = bounds.slice(1, -1).map((offset, index) => ({
    page: index + 1,
    offset,
    items: weighed.slice(offset, bounds[index + 2]),
    runs: runsOf(view.items.slice(offset, bounds[index + 2])),
  }));
  // Cut from the last page back, so each head knows how many parts the next page has.
  const stored: Array<{ page: number; part: number; value: PagePart; bytes: number }> = [];
  let nextParts: number | undefined;
  for (const { page, offset, items, runs } of [...pages].reverse()) {
    const head = { projectId: pagedFor.projectId, accountId: pagedFor.accountId, boardVersion: pagedFor.boardVersion, offset, total: view.items.length, runs, ...(nextParts ? { nextParts } : {}) };
    const parts = partsOf(items, head);
    parts.forEach(({ value, bytes }, part) => stored.push({ page, part, value, bytes }));
    nextParts = parts.length;
  }
  await savePageParts(loadId, stored);
  return {
    ...view,
    items: view.items.slice(0, bounds[1]),
    itemsPage: { total: view.items.length, cursor: encodeCursor({ projectId: pagedFor.projectId, loadId, page: 1, parts: nextParts! }) },
  };
}

const boardChanged = () => fail('conflict', say('roadmap.pageBoardChanged'));

/**
 * The page a cursor points at, as the first page's load computed it, with its items' texts from
 * their records. Refused: a cursor that is not one of ours (invalid), another project's or another
 * viewer's (forbidden), one of a board that changed since, or of a load gone (conflict: load the
 * roadmap again).
 */
export async function furtherPage(cursorText: string, pagedFor: Omit<PagedFor, 'boardVersion'>): Promise<Result<RoadmapItemsPage>> {
  const cursor = decodeCursor(cursorText);
  if (!cursor) return fail('invalid', say('roadmap.pageCursorInvalid'), 'cursor');
  if (cursor.projectId !== pagedFor.projectId) return fail('forbidden', say('roadmap.pageCursorOtherProject'));
  const [boardVersion, parts] = await Promise.all([boardVersionOf(pagedFor.projectId), pageParts(cursor.loadId, cursor.page, cursor.parts)]);
  const head = parts[0]?.head;
  // Gone after its time to live, or never one of ours: the client loads the board again either way.
  if (!head || parts.some((part) => part === undefined) || head.parts !== cursor.parts) return boardChanged();
  if (head.projectId !== pagedFor.projectId || head.accountId !== pagedFor.accountId) return fail('forbidden', say('roadmap.pageCursorOtherProject'));
  if (head.boardVersion !== boardVersion) return boardChanged();

  const entries = parts.flatMap((part) => part!.entries);
  const wanted = new Map(entries.map((entry) => [entry.id, entry]));
  const records = (await Promise.all(head.runs.map(([first, last]) => itemsRankedBetween(pagedFor.projectId, first, last)))).flat();
  const texts = new Map<string, { title: string; description: string }>();
  for (const record of records) {
    // A run's ranks may be shared by an item of another page: only the page's own count.
    const entry = wanted.get(record.id);
    if (entry === undefined) continue;
    // Belt and braces beside the board's version: a record written since the cut is another board.
    if (record.version !== entry.version) return boardChanged();
    texts.set(record.id, { title: record.title, description: record.description });
  }
  if (texts.size !== entries.length) return boardChanged();

  const items = entries.map(({ id, ...rest }) => ({ id, ...texts.get(id)!, ...rest }) as unknown as RoadmapItemView);
  const end = head.offset + items.length;
  return ok({
    items,
    offset: head.offset,
    total: head.total,
    ...(head.nextParts !== undefined && end < head.total
      ? { cursor: encodeCursor({ projectId: pagedFor.projectId, loadId: cursor.loadId, page: cursor.page + 1, parts: head.nextParts }) }
      : {}),
  });
}
