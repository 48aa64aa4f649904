/** Stored records turned into the contract's views; KPI health comes from the domain, with today's date. */
import type { GoalView, KpiHistory, KpiView, VisionView } from '../../contract';
import { kpiHealth } from '../../domain/kpi-health';
import type { VisionBoard } from '../../domain/strategy';
import type { ChunkRecord, GoalRecord, Keyed, KpiRecord, SeriesRecord, VisionVersionRecord } from '../../adapters/storage/records';
import { measurementsOf, plainMeasurement } from '../../adapters/storage/series-layout';
import { sayRef } from '../../i18n/server-texts';

export const emptyBoard: VisionBoard = { productName: '', vision: '', targetGroup: '', needs: '', product: '', businessGoals: '' };

export function visionView(record: VisionVersionRecord | undefined): VisionView {
  if (!record) return { board: { ...emptyBoard }, version: 0 };
  return { board: record.board, version: record.version, saved: { at: record.savedAt, by: record.savedBy } };
}

export function kpiView(kpi: Keyed<KpiRecord>, series: SeriesRecord | undefined, today: string): KpiView {
  const newest = series?.recent.at(-1);
  const latest = newest ? plainMeasurement(newest) : undefined;
  const report = kpiHealth(kpi, latest, today);
  return {
    id: kpi.id,
    goalId: kpi.goalId,
    name: kpi.name,
    unit: kpi.unit,
    direction: kpi.direction,
    baseline: kpi.baseline,
    target: kpi.target,
    source: kpi.source,
    version: kpi.version,
    ...(latest ? { latest } : {}),
    ...(report.progress === undefined ? {} : { progress: report.progress }),
    health: report.health,
    healthReason: sayRef(report.reason),
    recent: (series?.recent ?? []).map((m) => ({ date: m.date, value: m.value })),
  };
}

/** A goal's KPIs in the order they were added. */
export function goalView(goal: Keyed<GoalRecord>, kpis: readonly KpiView[], createdAt: ReadonlyMap<string, string>): GoalView {
  const order = (kpi: KpiView) => createdAt.get(kpi.id) ?? '';
  return {
    id: goal.id,
    title: goal.title,
    description: goal.description,
    ...(goal.owner ? { owner: goal.owner } : {}),
    status: goal.status,
    timeFrame: goal.timeFrame,
    rank: goal.rank,
    version: goal.version,
    kpis: [...kpis].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : a.id < b.id ? -1 : 1)),
    // Epic links arrive with the roadmap (issue properties on the epics, read from a derived index).
    epics: [],
    updated: { at: goal.updatedAt, by: goal.updatedBy },
  };
}

export function kpiHistory(kpi: Keyed<KpiRecord>, series: SeriesRecord, chunks: readonly ChunkRecord[], today: string): KpiHistory {
  return { kpi: kpiView(kpi, series, today), measurements: measurementsOf(chunks), seriesVersion: series.version };
}
