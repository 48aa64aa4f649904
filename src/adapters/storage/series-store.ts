/**
 * Reads and writes a KPI's measurements (layout: series-layout.ts). Every write sets the series head
 * on condition of the version read, in the same transaction as the chunk it changes, so chunk
 * writes need no condition of their own: whoever moves the head first wins, the other conflicts.
 */
import { kvs } from '@forge/kvs';
import type { Measurement } from '../../domain/strategy';
import { entities, entityNames, queryPageSize } from './entities';
import { allRows } from './paging';
import type { ChunkRecord, LocatedMeasurement, SeriesRecord } from './records';
import { chunkKey, fitsChunk, mergeRecent, recentOf } from './series-layout';
import { commit, versionIs } from './writes';
import { inBatches } from '../concurrency';

/** Given the series head a write will store, what else to stage in its transaction (the feed's entry when the KPI's health changes). */
export type SeriesAlsoStage = (next: SeriesRecord) => ((transaction: Transaction) => void) | undefined;
type Transaction = Parameters<Parameters<typeof commit>[0]>[0];

export type SeriesWrite =
  | { outcome: 'committed'; head: SeriesRecord; chunks: ChunkRecord[] }
  | { outcome: 'conflict' }
  /** The chunk holding the measurement would pass its size budget (only an edit can do that). */
  | { outcome: 'too-large' }
  | { outcome: 'not-found' };

/** Every series head of the project (keyed by their KPI's id, which each head carries). */
export async function seriesOfProject(projectId: string): Promise<SeriesRecord[]> {
  const rows = await allRows((cursor) => {
    const query = entities.series.query().index('by-project', { partition: [projectId] }).limit(queryPageSize);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
  return rows.map(({ id: _key, ...head }) => head);
}

export async function seriesOf(projectId: string, kpiId: string): Promise<SeriesRecord | undefined> {
  const head = await entities.series.get(kpiId);
  return head?.projectId === projectId ? head : undefined;
}

/**
 * Every chunk of a series, in order, read by key: the head says how many there are, and reads by
 * key see the last write, where an index query may trail it. A write that rewrites a chunk from an
 * index read that had not caught up would drop a measurement another editor had just added.
 */
export async function chunksOf(head: SeriesRecord): Promise<ChunkRecord[]> {
  if (head.chunks === 0) return [];
  const refs = Array.from({ length: head.chunks }, (_, chunk) => ({ kpiId: head.kpiId, chunk }));
  const found = await loadChunks(refs);
  return refs.flatMap((ref) => {
    const chunk = found.get(chunkKey(ref.kpiId, ref.chunk));
    return chunk && chunk.projectId === head.projectId ? [chunk] : [];
  });
}

export async function loadChunk(head: SeriesRecord, chunk: number): Promise<ChunkRecord | undefined> {
  const record = await entities.chunk.get(chunkKey(head.kpiId, chunk));
  return record?.projectId === head.projectId ? record : undefined;
}

/** Appends to the last chunk while it has room, else starts the next one. `tail` is the last chunk as read. */
export function appendMeasurement(head: SeriesRecord, measurement: Measurement, tail: ChunkRecord | undefined, now: string, alsoStage?: SeriesAlsoStage): Promise<SeriesWrite> {
  const grown = tail ? [...tail.measurements, measurement] : undefined;
  const chunk: ChunkRecord =
    tail && grown && fitsChunk(grown)
      ? { ...tail, measurements: grown }
      : { projectId: head.projectId, kpiId: head.kpiId, chunk: head.chunks, measurements: [measurement] };
  const next: SeriesRecord = {
    ...head,
    version: head.version + 1,
    count: head.count + 1,
    chunks: Math.max(head.chunks, chunk.chunk + 1),
    recent: mergeRecent(head.recent, { ...measurement, chunk: chunk.chunk }),
    updatedAt: now,
  };
  return write(head, next, [chunk], alsoStage);
}

/** Replaces one measurement (or removes it, given undefined). `chunks` are all the series' chunks as read. */
export function changeMeasurement(
  head: SeriesRecord,
  chunks: readonly ChunkRecord[],
  id: string,
  replacement: Measurement | undefined,
  now: string,
  alsoStage?: SeriesAlsoStage,
): Promise<SeriesWrite> {
  const holder = chunks.find((chunk) => chunk.measurements.some((m) => m.id === id));
  if (!holder) return Promise.resolve({ outcome: 'not-found' });
  const measurements = holder.measurements.flatMap((m) => (m.id !== id ? [m] : replacement ? [replacement] : []));
  if (replacement && !fitsChunk(measurements)) return Promise.resolve({ outcome: 'too-large' });
  const changed: ChunkRecord = { ...holder, measurements };
  const all = chunks.map((chunk) => (chunk.chunk === holder.chunk ? changed : chunk));
  const next: SeriesRecord = {
    ...head,
    version: head.version + 1,
    count: replacement ? head.count : Math.max(0, head.count - 1),
    recent: recentOf(all),
    updatedAt: now,
  };
  return write(head, next, [changed], alsoStage);
}

/** Which chunk a daily snapshot for `date` goes to: the one holding that day's snapshot, else the last. */
export function chunkForDailyValue(head: SeriesRecord, date: string): number | undefined {
  const sameDay = dailySnapshot(head, date);
  if (sameDay) return sameDay.chunk;
  return head.chunks > 0 ? head.chunks - 1 : undefined;
}

/**
 * The day's JQL snapshot: replaces that day's value when one was taken already (a second run on
 * the same day, or "Refresh now" after the schedule), else appends. `chunk` is the chunk
 * `chunkForDailyValue` names, as read.
 */
export function recordDailyValue(
  head: SeriesRecord,
  snapshot: Omit<Measurement, 'id'> & { id: string },
  chunk: ChunkRecord | undefined,
  now: string,
  alsoStage?: SeriesAlsoStage,
): Promise<SeriesWrite> {
  const sameDay = dailySnapshot(head, snapshot.date);
  if (!sameDay || !chunk || chunk.chunk !== sameDay.chunk) return appendMeasurement(head, snapshot, chunk, now, alsoStage);
  const replacement: Measurement = { ...snapshot, id: sameDay.id };
  const changed: ChunkRecord = { ...chunk, measurements: chunk.measurements.map((m) => (m.id === sameDay.id ? replacement : m)) };
  const next: SeriesRecord = {
    ...head,
    version: head.version + 1,
    recent: mergeRecent(head.recent, { ...replacement, chunk: chunk.chunk }),
    updatedAt: now,
  };
  return write(head, next, [changed], alsoStage);
}

function dailySnapshot(head: SeriesRecord, date: string): LocatedMeasurement | undefined {
  return head.recent.find((m) => m.source === 'jql' && m.date === date);
}

async function write(read: SeriesRecord, next: SeriesRecord, chunks: ChunkRecord[], alsoStage?: SeriesAlsoStage): Promise<SeriesWrite> {
  const also = alsoStage?.(next);
  const outcome = await commit((transaction) => {
    transaction.set(read.kpiId, next, { entityName: entityNames.series, conditions: versionIs(read.version) });
    for (const chunk of chunks) transaction.set(chunkKey(chunk.kpiId, chunk.chunk), chunk, { entityName: entityNames.chunk });
    also?.(transaction);
  });
  return outcome === 'conflict' ? { outcome } : { outcome, head: next, chunks };
}

/** Many chunks at once (25 keys per batch request, Forge's limit); missing ones are left out. */
export async function loadChunks(refs: ReadonlyArray<{ kpiId: string; chunk: number }>): Promise<Map<string, ChunkRecord>> {
  const found = new Map<string, ChunkRecord>();
  for (const batchRefs of inBatches(refs, batchSize)) {
    const items = batchRefs.map((ref) => ({ entityName: entityNames.chunk, key: chunkKey(ref.kpiId, ref.chunk) }));
    const batch = await kvs.batchGet<ChunkRecord>(items);
    for (const item of batch.successfulKeys) found.set(item.key, item.value);
  }
  return found;
}

const batchSize = 25;
