/**
 * The app's own records as a whole, for the admin's export and import: read by project through
 * the entities' indexes and keys, and written back all or nothing.
 *
 * All or nothing, across more than one transaction (Forge allows 25 operations each): before the
 * first write, the current value (or absence) of every key the import touches is saved to an undo
 * journal (plain keys `import-journal`, `import-journal.<n>`), the journal's head written last, so
 * a head means a complete journal. Each entry holds the key's value before the import and the
 * value the import gives it. Then the writes run, 25 a transaction. If one fails, the journal is
 * replayed and removed, and the failure is reported. If the invocation itself ends half-way (its
 * 25 s ran out), the head is still there: the next admin call replays it before anything else
 * (`undoInterruptedImport`).
 *
 * Replaying puts a key back only while it still holds the imported value: someone who edited a
 * record after the import (in the 30 s before a cut-off import is undone, or while an undo keeps
 * failing) keeps their edit. Between the first and the last transaction readers can see a part of
 * the import; the window is a few seconds and closes either way.
 */
import { kvs } from '@forge/kvs';
import type { ExportedKind, ExportedRecord } from '../../validation/import-format';
import { perProjectKinds, siteKey } from '../../validation/import-format';
import { sameJson, transactionGroups } from '../../domain/import-plan';
import type { PlannedWrite, StoredKey } from '../../domain/import-plan';
import { entities } from './entities';
import { allRows } from './paging';
import { chunkKeys } from './series-layout';
import type { SeriesRecord } from './records';
import { maxTransactionOperations } from './writes';
import { fromStoredValue, kindOf, placeOf, toStoredValue } from './record-places';
import { inBatches } from '../concurrency';

type Value = Record<string, unknown>;

/** What a stored kind's records are found by: an index partitioned by project, or the project id as key. */
const byProjectIndex: ReadonlyArray<ExportedKind> = ['vision-version', 'goal', 'kpi', 'kpi-series', 'roadmap-item', 'epic-link', 'evidence', 'evidence-notes', 'status-update'];
const batchLimit = 25;

/** Kinds that share an entity with another kind are listed by an index of their own (record-places.ts). */
const indexOf: Partial<Record<ExportedKind, string>> = { 'evidence-notes': 'notes-by-project' };

const query = (kind: ExportedKind, projectId: string) => (cursor: string | undefined) => {
  let q = kvs.entity<Value>(placeOf(kind, '').entityName).query().index(indexOf[kind] ?? 'by-project', { partition: [projectId] }).limit(100);
  if (cursor) q = q.cursor(cursor);
  return q.getMany();
};

/** Every record of one project, by kind (measurement chunks found through the project's series). */
export async function readProjectRecords(projectId: string): Promise<Array<PlannedWrite<Value>>> {
  const indexed = await Promise.all(
    byProjectIndex.map(async (kind) =>
      (await allRows(query(kind, projectId))).map(({ id, ...value }) => ({ kind, key: kindOf(placeOf(kind, '').entityName, id).key, value: fromStoredValue<Value>(kind, value) })),
    ),
  );
  const keyed: StoredKey[] = [...perProjectKinds, 'story-point-setting'].map((kind) => ({ kind, key: projectId }));
  const series = indexed.flat().filter((record) => record.kind === 'kpi-series');
  const chunks: StoredKey[] = series.flatMap((record) => {
    const head = record.value as unknown as SeriesRecord;
    return chunkKeys(record.key, head.chunks).map((key) => ({ kind: 'measurement-chunk', key }));
  });
  const found = await readRecords([...keyed, ...chunks]);
  return [...indexed.flat(), ...found];
}

/** The site's own records: the edit rule and the site-wide story-point field. */
export function readSiteRecords(): Promise<Array<PlannedWrite<Value>>> {
  return readRecords([
    { kind: 'settings', key: siteKey },
    { kind: 'story-point-setting', key: siteKey },
  ]);
}

/** Projects that have a product record (goals): found without Jira, by the `by-created` index. */
export async function projectIdsWithProducts(): Promise<string[]> {
  const rows = await allRows((cursor) => {
    let q = entities.product.query().index('by-created').limit(100);
    if (cursor) q = q.cursor(cursor);
    return q.getMany();
  });
  return rows.map((row) => row.id);
}

/** The records that exist among `keys`, 25 a request. */
export async function readRecords(keys: readonly StoredKey[]): Promise<Array<PlannedWrite<Value>>> {
  const found: Array<PlannedWrite<Value>> = [];
  for (const batch of inBatches(keys, batchLimit)) {
    const result = await kvs.batchGet<Value>(batch.map((entry) => placeOf(entry.kind, entry.key)));
    for (const item of result.successfulKeys) {
      if (item.value === undefined) continue;
      const { kind, key } = kindOf(item.entityName ?? '', item.key);
      found.push({ kind, key, value: fromStoredValue<Value>(kind, item.value) });
    }
  }
  return found;
}

// ── Applying an import, all or nothing ───────────────────────────────────────────────────────

type Operation = { kind: string; key: string; value?: Value };
/** One key of an import: its value before (absent = no record) and the value the import writes (absent = removed). */
type JournalEntry = { kind: string; key: string; before?: Value; imported?: Value };

interface JournalHead {
  startedAt: string;
  by: string;
  chunks: number;
  /** Set when an undo has failed: keys still to put back remain in the journal. */
  undoFailedAt?: string;
}

/** An undo that could not finish: how many keys still hold imported values, and since when. */
export class ImportUndoFailed extends Error {
  constructor(
    readonly startedAt: string,
    readonly remaining: number,
    cause: unknown,
  ) {
    super(`Undoing the import started ${startedAt} left ${remaining} records to put back`, { cause });
    this.name = 'ImportUndoFailed';
  }
}

const journalHeadKey = 'import-journal';
const journalChunkKey = (n: number) => `${journalHeadKey}.${n}`;
/** Longer than any resolver invocation (25 s): an older journal's import is no longer running. */
const journalTimeoutMs = 30_000;
/** Bytes of one journal chunk: well under KVS's 240 KiB per value. */
const journalChunkBytes = 180_000;

/**
 * Writes `writes` and removes `removals` (disjoint key sets), or, if any transaction fails, puts
 * every touched key back as it was and rethrows. `before` holds the touched keys' current values.
 */
export async function applyAllOrNothing(options: {
  writes: ReadonlyArray<PlannedWrite<Value>>;
  removals: readonly StoredKey[];
  before: ReadonlyArray<PlannedWrite<Value>>;
  by: string;
  at: string;
}): Promise<void> {
  const beforeByKey = new Map(options.before.map((record) => [`${record.kind}\u0000${record.key}`, record.value]));
  const entry = (kind: string, key: string, imported?: Value): JournalEntry => {
    const before = beforeByKey.get(`${kind}\u0000${key}`);
    return { kind, key, ...(before === undefined ? {} : { before }), ...(imported === undefined ? {} : { imported }) };
  };
  const journal = [...options.writes.map((write) => entry(write.kind, write.key, write.value)), ...options.removals.map((removal) => entry(removal.kind, removal.key))];
  await writeJournal(journal, { startedAt: options.at, by: options.by });
  try {
    await runOperations([...options.writes, ...options.removals.map(({ kind, key }) => ({ kind, key }))]);
  } catch (error) {
    await undoJournal(journal, options.at, error);
    throw error;
  }
  await clearJournal();
}

/**
 * Puts back every journal key that still holds its imported value, then removes the journal. If
 * storage fails meanwhile, the keys not yet put back stay in the journal (marked failed) for the
 * next admin call, and `ImportUndoFailed` says how many.
 */
async function undoJournal(journal: readonly JournalEntry[], startedAt: string, cause: unknown): Promise<void> {
  let left = [...journal];
  try {
    while (left.length > 0) {
      const batch = left.slice(0, batchLimit);
      const current = new Map((await readRecords(batch)).map((record) => [`${record.kind}\u0000${record.key}`, record.value]));
      const stillImported = batch.filter((item) => sameValue(current.get(`${item.kind}\u0000${item.key}`), item.imported));
      await runOperations(stillImported.map(({ kind, key, before }) => (before === undefined ? { kind, key } : { kind, key, value: before })));
      left = left.slice(batch.length);
    }
  } catch (error) {
    await rewriteJournal(left, startedAt).catch(() => undefined);
    throw new ImportUndoFailed(startedAt, left.length, error ?? cause);
  }
  await clearJournal();
}

const sameValue = (stored: Value | undefined, imported: Value | undefined): boolean =>
  stored === undefined || imported === undefined ? stored === imported : sameJson(stored, imported);

/**
 * Replays an interrupted import's journal, if there is one; says when that import had started.
 * A journal younger than an invocation's 25 s may belong to an import still running: left alone.
 */
export async function undoInterruptedImport(now: string): Promise<{ startedAt: string } | undefined> {
  const head = await kvs.get<JournalHead>(journalHeadKey);
  if (!head || Date.parse(now) - Date.parse(head.startedAt) < journalTimeoutMs) return undefined;
  const journal: JournalEntry[] = [];
  for (let n = 0; n < head.chunks; n++) journal.push(...((await kvs.get<JournalEntry[]>(journalChunkKey(n))) ?? []));
  await undoJournal(journal, head.startedAt, undefined);
  return { startedAt: head.startedAt };
}

async function runOperations(operations: readonly Operation[]): Promise<void> {
  for (const group of transactionGroups(operations, maxTransactionOperations)) {
    const transaction = kvs.transact();
    for (const operation of group) {
      const place = placeOf(operation.kind, operation.key);
      if (operation.value === undefined) transaction.delete(place.key, { entityName: place.entityName });
      else transaction.set(place.key, toStoredValue(operation.kind, operation.value), { entityName: place.entityName });
    }
    await transaction.execute();
  }
}

/** The keys still to put back, as a new journal marked failed (the old head is replaced last). */
async function rewriteJournal(left: readonly JournalEntry[], startedAt: string): Promise<void> {
  const old = await kvs.get<JournalHead>(journalHeadKey);
  for (let n = 0; n < (old?.chunks ?? 0); n++) await kvs.delete(journalChunkKey(n));
  await writeJournal(left, { startedAt, by: old?.by ?? '', undoFailedAt: new Date().toISOString() });
}

async function writeJournal(journal: readonly JournalEntry[], head: Omit<JournalHead, 'chunks'>): Promise<void> {
  const chunks: JournalEntry[][] = [];
  let current: JournalEntry[] = [];
  let size = 0;
  for (const operation of journal) {
    // Storage limits values in bytes (240 KiB), and non-Latin text takes up to 3 bytes a character.
    const length = Buffer.byteLength(JSON.stringify(operation), 'utf8');
    if (current.length > 0 && size + length > journalChunkBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(operation);
    size += length;
  }
  if (current.length > 0) chunks.push(current);
  for (const [n, chunk] of chunks.entries()) await kvs.set(journalChunkKey(n), chunk);
  // The head goes last: a head in storage means the whole journal is there.
  await kvs.set(journalHeadKey, { ...head, chunks: chunks.length } satisfies JournalHead);
}

async function clearJournal(): Promise<void> {
  const head = await kvs.get<JournalHead>(journalHeadKey);
  await kvs.delete(journalHeadKey);
  for (let n = 0; n < (head?.chunks ?? 0); n++) await kvs.delete(journalChunkKey(n));
}

export type { ExportedRecord };

/** Whether an import's journal is in storage (an import is running, or one younger than 30 s was cut off). */
export async function importInProgress(): Promise<boolean> {
  return (await kvs.get<JournalHead>(journalHeadKey)) !== undefined;
}
