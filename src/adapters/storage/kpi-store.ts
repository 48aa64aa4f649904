/** KPI definitions: one record each, with their series head created alongside. */
import { WhereConditions } from '@forge/kvs';
import { entities, entityNames, queryPageSize } from './entities';
import { allRows } from './paging';
import { hasGoal, loadProduct, structuralAttempts, withKpiCount, writeProduct } from './product-store';
import type { Measurement } from '../../domain/strategy';
import type { ChunkRecord, Keyed, KpiRecord, SeriesRecord } from './records';
import { chunkKey } from './series-layout';
import { commit, isAbsent, versionIs } from './writes';
import type { Commit } from './writes';

export async function kpisOfProject(projectId: string): Promise<Array<Keyed<KpiRecord>>> {
  return allRows((cursor) => {
    const query = entities.kpi.query().index('by-project', { partition: [projectId] }).limit(queryPageSize);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
}

export async function kpisOfGoal(projectId: string, goalId: string): Promise<Array<Keyed<KpiRecord>>> {
  return allRows((cursor) => {
    const query = entities.kpi
      .query()
      .index('by-project', { partition: [projectId] })
      .where(WhereConditions.equalTo(goalId))
      .limit(queryPageSize);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
}

/** The KPI, if it exists and belongs to this project; another project's KPI reads as missing. */
export async function kpiOf(projectId: string, id: string): Promise<Keyed<KpiRecord> | undefined> {
  const kpi = await entities.kpi.get(id);
  return kpi?.projectId === projectId ? { ...kpi, id } : undefined;
}

/** Every JQL KPI of the installation, grouped by project: the daily snapshot's work list. */
export async function jqlKpis(): Promise<Array<Keyed<KpiRecord>>> {
  return allRows((cursor) => {
    const query = entities.kpi.query().index('by-source', { partition: ['jql'] }).limit(queryPageSize);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
}

export type KpiCreation =
  | { outcome: 'committed'; series: SeriesRecord }
  | { outcome: 'limit-reached' }
  | { outcome: 'goal-missing' }
  | { outcome: 'conflict' };

/**
 * Adds a KPI and its series to a goal, unless the goal is gone or has `maxKpis`; with a first
 * measurement (the count that checked a JQL source), in the same transaction.
 */
export async function createKpi(options: { id: string; kpi: KpiRecord; maxKpis: number; now: string; firstMeasurement?: Measurement }): Promise<KpiCreation> {
  const { kpi, firstMeasurement } = options;
  const series: SeriesRecord = {
    projectId: kpi.projectId,
    goalId: kpi.goalId,
    kpiId: options.id,
    version: 1,
    count: firstMeasurement ? 1 : 0,
    chunks: firstMeasurement ? 1 : 0,
    recent: firstMeasurement ? [{ ...firstMeasurement, chunk: 0 }] : [],
    updatedAt: options.now,
  };
  const firstChunk: ChunkRecord | undefined = firstMeasurement
    ? { projectId: kpi.projectId, kpiId: options.id, chunk: 0, measurements: [firstMeasurement] }
    : undefined;
  for (let attempt = 0; attempt < structuralAttempts; attempt += 1) {
    const product = await loadProduct(kpi.projectId, options.now);
    if (!hasGoal(product, kpi.goalId)) return { outcome: 'goal-missing' };
    if ((product.kpiCounts[kpi.goalId] ?? 0) >= options.maxKpis) return { outcome: 'limit-reached' };
    const outcome = await commit((transaction) => {
      writeProduct(transaction, product, withKpiCount(product, kpi.goalId, 1));
      transaction.set(options.id, kpi, { entityName: entityNames.kpi, conditions: isAbsent() });
      transaction.set(options.id, series, { entityName: entityNames.series, conditions: isAbsent() });
      if (firstChunk) transaction.set(chunkKey(options.id, 0), firstChunk, { entityName: entityNames.chunk });
    });
    if (outcome === 'committed') return { outcome, series };
  }
  return { outcome: 'conflict' };
}

/** Replaces a KPI's definition; it must still be at `baseVersion`. Its measurements are not touched. */
export function updateKpi(id: string, kpi: KpiRecord, baseVersion: number): Promise<Commit> {
  return commit((transaction) => transaction.set(id, kpi, { entityName: entityNames.kpi, conditions: versionIs(baseVersion) }));
}
