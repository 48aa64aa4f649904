/**
 * Measurements of manual KPIs: add, correct, delete. Each write carries the series version the
 * editor saw (`seriesVersion`); a stale one is a conflict with the history as it is now.
 */
import type { KpiHistory, MeasurementInput } from '../../contract';
import { daysBetween } from '../../domain/calendar';
import type { Measurement } from '../../domain/strategy';
import { newId } from '../../adapters/storage/ids';
import { kpiOf } from '../../adapters/storage/kpi-store';
import type { ChunkRecord, Keyed, KpiRecord, SeriesRecord } from '../../adapters/storage/records';
import { withChunks } from '../../adapters/storage/series-layout';
import { appendMeasurement, changeMeasurement, chunksOf, seriesOf } from '../../adapters/storage/series-store';
import type { SeriesWrite } from '../../adapters/storage/series-store';
import { fail, ok } from '../results';
import type { Outcome } from '../results';
import { editorCall } from '../calls';
import { nowIso, todayOf } from '../../adapters/clock';
import { conflictWith, notFound } from '../failures';
import { loadKpiHistory } from './loaders';
import { kpiHistory } from './views';
import { kpiHealthStage } from '../feed/activities';
import { say } from '../../i18n/server-texts';

export const addMeasurement = editorCall('addMeasurement', async ({ access, projectId, payload }) => {
  const now = nowIso();
  const today = todayOf(now);
  const dateProblem = checkDate(payload.measurement, today);
  if (dateProblem) return dateProblem;
  const loaded = await loadSeries(projectId, payload.kpiId, payload.baseVersion, today);
  if (!loaded.ok) return loaded;
  const { kpi, series, chunks } = loaded.value;
  if (kpi.source.kind !== 'manual') {
    return fail('invalid', say('strategy.measuredByJql'), 'kpiId');
  }
  const measurement: Measurement = { id: newId('m'), ...entered(payload.measurement), source: 'manual', recordedBy: access.accountId, recordedAt: now };
  return answer(await appendMeasurement(series, measurement, chunks.at(-1), now, healthStage(kpi, series, today, now, access.accountId)), { kpi, chunks, projectId, today });
});

export const updateMeasurement = editorCall('updateMeasurement', async ({ access, projectId, payload }) => {
  const now = nowIso();
  const today = todayOf(now);
  const dateProblem = checkDate(payload.measurement, today);
  if (dateProblem) return dateProblem;
  const loaded = await loadSeries(projectId, payload.kpiId, payload.baseVersion, today);
  if (!loaded.ok) return loaded;
  const { kpi, series, chunks } = loaded.value;
  const old = chunks.flatMap((chunk) => chunk.measurements).find((m) => m.id === payload.id);
  if (!old) return notFound('measurement');
  if (old.source !== 'manual') {
    return fail('invalid', say('strategy.jqlValueReadOnly'), 'id');
  }
  const { note: _oldNote, ...kept } = old;
  const replacement: Measurement = { ...kept, ...entered(payload.measurement), recordedBy: access.accountId, recordedAt: now };
  return answer(await changeMeasurement(series, chunks, payload.id, replacement, now, healthStage(kpi, series, today, now, access.accountId)), { kpi, chunks, projectId, today });
});

/** Any measurement can be deleted, a wrong JQL snapshot included. */
export const deleteMeasurement = editorCall('deleteMeasurement', async ({ access, projectId, payload }) => {
  const now = nowIso();
  const today = todayOf(now);
  const loaded = await loadSeries(projectId, payload.kpiId, payload.baseVersion, today);
  if (!loaded.ok) return loaded;
  const { kpi, series, chunks } = loaded.value;
  return answer(await changeMeasurement(series, chunks, payload.id, undefined, now, healthStage(kpi, series, today, now, access.accountId)), { kpi, chunks, projectId, today });
});

/** The feed hears of a health change in the measurement's own transaction; the person is named when the feed is read. */
const healthStage = (kpi: Keyed<KpiRecord>, read: SeriesRecord, today: string, at: string, accountId: string) =>
  kpiHealthStage({ kpi, read, today, at, by: { accountId, displayName: '' } });

interface LoadedSeries {
  kpi: Keyed<KpiRecord>;
  series: SeriesRecord;
  chunks: ChunkRecord[];
}

/** The KPI with its whole series, if it is this project's and still at the version the editor saw. */
async function loadSeries(projectId: string, kpiId: string, baseVersion: number, today: string): Promise<Outcome<LoadedSeries> | ReturnType<typeof conflictWith<KpiHistory>>> {
  const [kpi, series] = await Promise.all([kpiOf(projectId, kpiId), seriesOf(projectId, kpiId)]);
  if (!kpi || !series) return notFound('kpi');
  const chunks = await chunksOf(series);
  if (series.version !== baseVersion) return conflictWith<KpiHistory>(kpiHistory(kpi, series, chunks, today), 'kpiMeasurements');
  return ok({ kpi, series, chunks });
}

async function answer(written: SeriesWrite, read: { kpi: Keyed<KpiRecord>; chunks: ChunkRecord[]; projectId: string; today: string }) {
  switch (written.outcome) {
    case 'committed':
      return ok(kpiHistory(read.kpi, written.head, withChunks(read.chunks, written.chunks), read.today));
    case 'conflict':
      return conflictWith<KpiHistory>(await loadKpiHistory(read.projectId, read.kpi.id, read.today), 'kpiMeasurements');
    case 'not-found':
      return notFound('measurement');
    case 'too-large':
      return fail('invalid', say('strategy.noteTooLong'), 'measurement.note');
  }
}

/** A measurement describes a day that has begun somewhere: up to a day ahead of the server's UTC date. */
function checkDate(measurement: MeasurementInput, today: string) {
  if (daysBetween(today, measurement.date) <= 1) return undefined;
  return fail('invalid', say('strategy.futureMeasurement'), 'measurement.date');
}

function entered(input: MeasurementInput): Pick<Measurement, 'date' | 'value' | 'note'> {
  return { date: input.date, value: input.value, ...(input.note ? { note: input.note } : {}) };
}
