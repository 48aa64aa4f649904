/** The measurement layout against the sandbox's KVS, with Forge's limits: chunks stay bounded, heads small. */
import type { Measurement } from '../../../src/domain/strategy';
import type { ChunkRecord, SeriesRecord } from '../../../src/adapters/storage/records';
import { jsonBytes, measurementsOf, seriesLimits } from '../../../src/adapters/storage/series-layout';
import { appendMeasurement, changeMeasurement, chunksOf, recordDailyValue, seriesOf } from '../../../src/adapters/storage/series-store';
import { entities } from '../../../src/adapters/storage/entities';
import { createSandbox } from '../harness';

const sandbox = createSandbox();
const projectId = '10000';
const kpiId = 'kpi-test';

beforeEach(() => sandbox.forge.kvs.clear());

const emptyHead = (): SeriesRecord => ({ projectId, goalId: 'goal-test', kpiId, version: 1, count: 0, chunks: 0, recent: [], updatedAt: '2026-01-01T00:00:00.000Z' });

function day(n: number): string {
  return new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
}

const measurement = (n: number, note?: string): Measurement => ({
  id: `m-${n}`,
  date: day(n),
  value: n,
  ...(note ? { note } : {}),
  source: 'manual',
  recordedBy: 'someone',
  recordedAt: `${day(n)}T09:00:00.000Z`,
});

/** Appends one by one, as editors and the schedule do, reading the head and last chunk each time. */
async function appendAll(measurements: Measurement[]): Promise<SeriesRecord> {
  return sandbox.forge.run(async () => {
    await entities.series.set(kpiId, emptyHead());
    for (const m of measurements) {
      const head = (await seriesOf(projectId, kpiId)) as SeriesRecord;
      const chunks = await chunksOf(head);
      const written = await appendMeasurement(head, m, chunks.at(-1), m.recordedAt);
      if (written.outcome !== 'committed') throw new Error(written.outcome);
    }
    return (await seriesOf(projectId, kpiId)) as SeriesRecord;
  });
}

const allChunks = (head: SeriesRecord): Promise<ChunkRecord[]> => sandbox.forge.run(() => chunksOf(head));

describe('a KPI’s measurement series in storage', () => {
  test('fills a chunk with a year and a day of values, then starts the next; the head keeps the newest 30', async () => {
    const head = await appendAll(Array.from({ length: 400 }, (_, n) => measurement(n)));
    expect(head).toMatchObject({ count: 400, chunks: 2, version: 401 });
    expect(head.recent.map((m) => m.value)).toEqual(Array.from({ length: 30 }, (_, i) => 370 + i));
    const chunks = await allChunks(head);
    expect(chunks.map((c) => c.measurements.length)).toEqual([seriesLimits.perChunk, 400 - seriesLimits.perChunk]);
    expect(measurementsOf(chunks).map((m) => m.value)).toEqual(Array.from({ length: 400 }, (_, n) => n));
  });

  test('long notes start a new chunk early: every value stays far below the 240 KiB limit', async () => {
    const note = 'é'.repeat(500); // 1,000 bytes of UTF-8
    const head = await appendAll(Array.from({ length: 200 }, (_, n) => measurement(n, note)));
    const chunks = await allChunks(head);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(jsonBytes(chunk)).toBeLessThanOrEqual(seriesLimits.chunkBytes + 200);
    expect(jsonBytes(head)).toBeLessThan(64 * 1024);
  });

  test('an edit that would overflow its chunk is refused, and nothing changes', async () => {
    // A chunk filled to its byte budget: one short note, then long ones until the next would not fit.
    const filled: Measurement[] = [measurement(0, 'x')];
    for (let n = 1; jsonBytes([...filled, measurement(n, 'é'.repeat(500))]) <= seriesLimits.chunkBytes; n += 1) filled.push(measurement(n, 'é'.repeat(500)));
    const head = await appendAll(filled);
    const chunks = await allChunks(head);
    expect(chunks).toHaveLength(1);
    const short = filled[0] as Measurement;
    const before = sandbox.forge.kvs.snapshot();
    // 500 three-byte characters: the longest note allowed, 1,499 bytes more than the one it replaces.
    const outcome = await sandbox.forge.run(() => changeMeasurement(head, chunks, short.id, { ...short, note: '€'.repeat(500) }, 'now'));
    expect(outcome.outcome).toBe('too-large');
    expect(sandbox.forge.kvs.snapshot()).toEqual(before);
  });

  test('the day’s JQL value is replaced, not added, when taken again the same day', async () => {
    const head = await sandbox.forge.run(async () => {
      await entities.series.set(kpiId, emptyHead());
      const snapshot = { id: 'm-a', date: '2026-11-20', value: 5, source: 'jql' as const, recordedBy: 'app', recordedAt: '2026-11-20T03:00:00.000Z' };
      const first = await recordDailyValue(emptyHead(), snapshot, undefined, snapshot.recordedAt);
      if (first.outcome !== 'committed') throw new Error(first.outcome);
      const again = await recordDailyValue(first.head, { ...snapshot, id: 'm-b', value: 7 }, first.chunks[0], 'later');
      if (again.outcome !== 'committed') throw new Error(again.outcome);
      return again.head;
    });
    expect(head).toMatchObject({ count: 1, recent: [{ id: 'm-a', value: 7 }] });
  });

  test('a write from a stale head is a conflict and changes nothing', async () => {
    const head = await appendAll([measurement(1)]);
    const outcome = await sandbox.forge.run(() => appendMeasurement({ ...head, version: head.version - 1 }, measurement(2), undefined, 'now'));
    expect(outcome.outcome).toBe('conflict');
    expect((await allChunks(head)).flatMap((c) => c.measurements)).toHaveLength(1);
  });
});
