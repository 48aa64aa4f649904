/** JQL sources: check one in the form (nothing stored), and take a KPI's value now ("Refresh now"). */
import { createJiraClient } from '../../adapters/jira/client';
import { storeDailyValue } from '../../adapters/storage/daily-values';
import { kpiOf } from '../../adapters/storage/kpi-store';
import { chunkKey, withChunks } from '../../adapters/storage/series-layout';
import { chunksOf, seriesOf } from '../../adapters/storage/series-store';
import { isStorageOutage } from '../../adapters/storage/storage-outage';
import { fail, ok } from '../results';
import { editorCall, viewerCall } from '../calls';
import { nowIso, todayOf } from '../../adapters/clock';
import { notFound } from '../failures';
import { checkJqlSource } from './jql-check';
import { loadKpiHistory } from './loaders';
import { kpiHistory } from './views';
import { kpiHealthStage } from '../feed/activities';
import { say } from '../../i18n/server-texts';

export const previewKpiSource = viewerCall('previewKpiSource', async ({ jira, projectId, payload }) => {
  if (payload.source.kind === 'manual') return fail('invalid', say('strategy.manualNotCheckable'), 'source.kind');
  const counted = await checkJqlSource(jira, { projectId, source: payload.source, fieldPrefix: 'source' });
  if (!counted.ok) return counted;
  const count = counted.value;
  if (count?.value === undefined) return fail('invalid', say('strategy.emptyDenominatorCanSave'), 'source.denominatorJql');
  return ok({ value: count.value, counts: count.counts, effectiveJql: count.effectiveJql });
});

/**
 * "Refresh now": the editor is checked as themselves, but the value is counted as the app, exactly
 * as the daily snapshot counts it. A stored value is shown to everyone who may browse the project,
 * so it must not include issues an issue security level hides from some of them: counted as a
 * level member, the history would tell every reader how many hidden issues match. The app sees no
 * issue of a level that leaves out its add-on role. The preview above stays as the user: it is
 * shown to them alone and stored nowhere.
 */
export const refreshKpi = editorCall('refreshKpi', async ({ access, projectId, payload }) => {
  const kpi = await kpiOf(projectId, payload.id);
  if (!kpi) return notFound('kpi');
  if (kpi.source.kind === 'manual') return fail('invalid', say('strategy.manualNotRefreshable'), 'id');
  const asApp = createJiraClient({ actor: 'app' });
  const counted = await checkJqlSource(asApp, { projectId, source: kpi.source, fieldPrefix: 'source' });
  if (!counted.ok) return counted;
  const value = counted.value?.value;
  if (value === undefined) return fail('invalid', say('strategy.emptyDenominatorNotStored'), 'source.denominatorJql');
  const now = nowIso();
  const today = todayOf(now);
  // The series is read before the write, so the reply to a stored value needs no storage read after it:
  // a storage failure then must not answer "failed" for a value that was saved (issue 9).
  const series = await seriesOf(projectId, kpi.id);
  if (!series) return notFound('kpi');
  const chunks = await chunksOf(series);
  const known = { head: series, chunks: new Map(chunks.map((chunk) => [chunkKey(chunk.kpiId, chunk.chunk), chunk])) };
  const stored = await storeDailyValue({
    projectId,
    kpiId: kpi.id,
    date: today,
    value,
    recordedBy: access.accountId,
    now,
    known,
    alsoStage: (read) => kpiHealthStage({ kpi, read, today, at: now, by: { accountId: access.accountId, displayName: '' } }),
  });
  if (stored.outcome === 'gone') return notFound('kpi');
  if (stored.outcome === 'contended') return fail('conflict', say('strategy.measurementsChangedRefreshing'));
  const written = kpiHistory(kpi, stored.head, withChunks(chunks, stored.chunks), today);
  if (stored.head.version === series.version + 1) return ok(written);
  // Someone else wrote the series between our read and our write: their chunks are read afresh, and if
  // storage fails now the value is saved all the same, so the reply shows what this call read and wrote.
  try {
    return ok((await loadKpiHistory(projectId, kpi.id, today)) ?? written);
  } catch (error) {
    if (isStorageOutage(error)) return ok(written);
    throw error;
  }
});
