/**
 * Storing a JQL KPI's value for a day, from "Refresh now" or the daily schedule. One value per KPI
 * and day: a second measurement on the same day replaces the first, so running the schedule twice
 * changes nothing but the value. Nobody's intent depends on the series version here, so a write
 * that lost a race simply reads again and retries.
 */
import type { ChunkRecord, SeriesRecord } from './records';
import { newId } from './ids';
import { chunkKey } from './series-layout';
import { chunkForDailyValue, loadChunk, recordDailyValue, seriesOf } from './series-store';
import type { SeriesAlsoStage } from './series-store';

export type DailyValueOutcome = { outcome: 'stored'; head: SeriesRecord; chunks: ChunkRecord[] } | { outcome: 'gone' } | { outcome: 'contended' };

const attempts = 4;

export async function storeDailyValue(options: {
  projectId: string;
  kpiId: string;
  date: string;
  value: number;
  recordedBy: string;
  now: string;
  /** What the caller read already (the schedule reads heads and chunks in bulk), used for the first attempt. */
  known?: { head: SeriesRecord; chunks: ReadonlyMap<string, ChunkRecord> };
  /** Given the head as read, what to stage with the write (the feed's entry of a health change). */
  alsoStage?: (read: SeriesRecord) => SeriesAlsoStage | undefined;
}): Promise<DailyValueOutcome> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const known = attempt === 0 ? options.known : undefined;
    const head = known?.head ?? (await seriesOf(options.projectId, options.kpiId));
    if (!head) return { outcome: 'gone' };
    const chunkNumber = chunkForDailyValue(head, options.date);
    const chunk =
      chunkNumber === undefined
        ? undefined
        : (known?.chunks.get(chunkKey(head.kpiId, chunkNumber)) ?? (await loadChunk(head, chunkNumber)));
    const snapshot = { id: newId('m'), date: options.date, value: options.value, source: 'jql' as const, recordedBy: options.recordedBy, recordedAt: options.now };
    const written = await recordDailyValue(head, snapshot, chunk, options.now, options.alsoStage?.(head));
    if (written.outcome === 'committed') return { outcome: 'stored', head: written.head, chunks: written.chunks };
  }
  return { outcome: 'contended' };
}
