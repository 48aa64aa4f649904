/** Steps the strategy tests share, taken through the real resolver as a real user would. */
import type { GoalInput, GoalView, KpiHistory, KpiInput, KpiView, MeasurementInput } from '../../../../src/contract';
import type { Actor, ModuleContext, Sandbox } from '../../harness';
import { goalInput, kpiInput, measurementInput, valueOf } from './builders';

export interface As {
  as?: Actor;
  in?: ModuleContext;
}

const who = (options: As) => ({ as: options.as ?? 'productManager', ...(options.in ? { in: options.in } : {}) });

export const inProject = (project: string): ModuleContext => ({ module: 'jira:projectPage', project });

export async function seedGoal(sandbox: Sandbox, goal: Partial<GoalInput> = {}, options: As = {}): Promise<GoalView> {
  return valueOf(await sandbox.call('createGoal', { ...who(options), payload: { goal: goalInput(goal) } }));
}

export async function seedKpi(sandbox: Sandbox, goalId: string, kpi: Partial<KpiInput> = {}, options: As = {}): Promise<KpiView> {
  return valueOf(await sandbox.call('createKpi', { ...who(options), payload: { goalId, kpi: kpiInput(kpi) } }));
}

/** Adds measurements one after another, each on the series version the previous one returned. */
export async function seedMeasurements(
  sandbox: Sandbox,
  kpiId: string,
  measurements: Array<Partial<MeasurementInput>>,
  options: As = {},
): Promise<KpiHistory> {
  let history = valueOf(await sandbox.call('getKpiHistory', { ...who(options), payload: { id: kpiId } }));
  for (const measurement of measurements) {
    history = valueOf(
      await sandbox.call('addMeasurement', { ...who(options), payload: { kpiId, measurement: measurementInput(measurement), baseVersion: history.seriesVersion } }),
    );
  }
  return history;
}

/** Keys stored in one custom entity right now. */
export function storedKeys(sandbox: Sandbox, entity: string): string[] {
  return Object.keys(sandbox.forge.kvs.snapshot().entities[entity] ?? {}).sort();
}

/** Every stored key that mentions `id` (a goal's or a KPI's), in any entity. */
export function recordsMentioning(sandbox: Sandbox, id: string): string[] {
  const { entities } = sandbox.forge.kvs.snapshot();
  return Object.entries(entities).flatMap(([entity, records]) =>
    Object.entries(records)
      .filter(([key, record]) => key.includes(id) || JSON.stringify(record).includes(id))
      .map(([key]) => `${entity}/${key}`),
  );
}

/** How many records all custom entities hold together. */
export function storedRecordCount(sandbox: Sandbox): number {
  return Object.values(sandbox.forge.kvs.snapshot().entities).reduce((sum, records) => sum + Object.keys(records).length, 0);
}
