/** KPI definitions: create, edit, delete, and a KPI's full history. */
import type { KpiInput, KpiView } from '../../contract';
import type { Measurement } from '../../domain/strategy';
import { goalOf } from '../../adapters/storage/goal-store';
import { newId } from '../../adapters/storage/ids';
import { createKpi as storeKpi, kpiOf, updateKpi as replaceKpi } from '../../adapters/storage/kpi-store';
import type { KpiRecord } from '../../adapters/storage/records';
import { removeKpi } from '../../adapters/storage/removal';
import { limits } from '../../validation/limits';
import { fail, ok } from '../results';
import { editorCall, viewerCall } from '../calls';
import { nowIso, todayOf } from '../../adapters/clock';
import { conflictWith, notFound } from '../failures';
import { checkJqlSource } from './jql-check';
import { currentKpiView, kpiViewBuilder, loadKpiHistory, loadKpiView } from './loaders';
import { kpiView } from './views';
import { say } from '../../i18n/server-texts';

export const createKpi = editorCall('createKpi', async ({ jira, access, projectId, payload }) => {
  const goal = await goalOf(projectId, payload.goalId);
  if (!goal) return notFound('goal');
  const counted = await checkJqlSource(jira, { projectId, source: payload.kpi.source, fieldPrefix: 'kpi.source' });
  if (!counted.ok) return counted;
  const now = nowIso();
  const id = newId('kpi');
  const record: KpiRecord = {
    projectId,
    goalId: goal.id,
    ...definition(payload.kpi),
    version: 1,
    createdAt: now,
    createdBy: access.accountId,
    updatedAt: now,
    updatedBy: access.accountId,
  };
  // The count that proved the JQL valid is today's value: stored with the KPI, so it shows at once.
  const value = counted.value?.value;
  const firstMeasurement: Measurement | undefined =
    value === undefined ? undefined : { id: newId('m'), date: todayOf(now), value, source: 'jql', recordedBy: access.accountId, recordedAt: now };
  const created = await storeKpi({ id, kpi: record, maxKpis: limits.kpisPerGoal, now, ...(firstMeasurement ? { firstMeasurement } : {}) });
  if (created.outcome === 'goal-missing') return notFound('goal');
  if (created.outcome === 'limit-reached') {
    return fail('invalid', say('strategy.tooManyKpis', { max: limits.kpisPerGoal }));
  }
  if (created.outcome === 'conflict') return fail('conflict', say('strategy.goalChangedAddingKpi'));
  return ok(kpiView({ ...record, id }, created.series, todayOf(now)));
});

/** Only the definition changes: measurements have their own version, so a snapshot never makes this conflict. */
export const updateKpi = editorCall('updateKpi', async ({ jira, access, projectId, payload }) => {
  const today = todayOf(nowIso());
  const current = await kpiOf(projectId, payload.id);
  if (!current) return notFound('kpi');
  if (current.version !== payload.baseVersion) return conflictWith<KpiView>(await loadKpiView(projectId, current, today), 'kpi');
  if (JSON.stringify(current.source) !== JSON.stringify(payload.kpi.source)) {
    const counted = await checkJqlSource(jira, { projectId, source: payload.kpi.source, fieldPrefix: 'kpi.source' });
    if (!counted.ok) return counted;
  }
  const { id: _id, ...stored } = current;
  const next: KpiRecord = { ...stored, ...definition(payload.kpi), version: current.version + 1, updatedAt: nowIso(), updatedBy: access.accountId };
  const viewOf = await kpiViewBuilder(projectId, payload.id, today);
  if ((await replaceKpi(payload.id, next, payload.baseVersion)) === 'conflict') {
    return conflictWith<KpiView>(await currentKpiView(projectId, payload.id, today), 'kpi');
  }
  return ok(viewOf({ ...next, id: payload.id }));
});

export const deleteKpi = editorCall('deleteKpi', async ({ projectId, payload }) => {
  const removal = await removeKpi({ projectId, kpiId: payload.id, baseVersion: payload.baseVersion, now: nowIso() });
  switch (removal.outcome) {
    case 'committed':
      return ok({ id: payload.id, measurements: removal.measurements });
    case 'not-found':
      return notFound('kpi');
    case 'conflict':
      return fail('conflict', say('strategy.kpiChangedDelete'));
    case 'too-large':
      return fail('invalid', say('strategy.kpiTooLarge', { count: removal.measurements }));
  }
});

export const getKpiHistory = viewerCall('getKpiHistory', async ({ projectId, payload }) => {
  const history = await loadKpiHistory(projectId, payload.id, todayOf(nowIso()));
  return history ? ok(history) : notFound('kpi');
});

function definition(kpi: KpiInput): Pick<KpiRecord, 'name' | 'unit' | 'direction' | 'baseline' | 'target' | 'source' | 'sourceKind'> {
  return {
    name: kpi.name,
    unit: kpi.unit,
    direction: kpi.direction,
    baseline: kpi.baseline,
    target: kpi.target,
    source: kpi.source,
    sourceKind: kpi.source.kind === 'manual' ? 'manual' : 'jql',
  };
}
