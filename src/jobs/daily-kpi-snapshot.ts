/**
 * The daily scheduled trigger: a measurement of every JQL KPI of every product, taken as the app
 * (there is no user) but still limited to the KPI's own project by its JQL. Idempotent per day: a
 * second run replaces that day's value. Reads in bulk (one index query for the KPIs, one per
 * project for their series, batches for the chunks), counts with bounded parallelism, shares a
 * count between KPIs with the same query, and lets one KPI's failure stop none of the others.
 */
import { nowIso, todayOf } from '../adapters/clock';
import { mapWithConcurrency } from '../adapters/concurrency';
import { createJiraClient } from '../adapters/jira/client';
import type { JiraClient } from '../adapters/jira/client';
import { withRequestLimit } from '../adapters/jira/limited-client';
import { countKpiSource } from '../adapters/jira/kpi-counts';
import type { CountCache } from '../adapters/jira/kpi-counts';
import { JiraError } from '../adapters/jira/errors';
import { storeDailyValue } from '../adapters/storage/daily-values';
import { jqlKpis } from '../adapters/storage/kpi-store';
import type { Keyed, KpiRecord, SeriesRecord } from '../adapters/storage/records';
import { chunkForDailyValue, loadChunks, seriesOfProject } from '../adapters/storage/series-store';
import type { ChunkRecord } from '../adapters/storage/records';

/** Jira requests in flight at once: hides Jira's latency, stays well inside its per-second burst limit. */
export const snapshotConcurrency = 10;

export interface SnapshotSummary {
  date: string;
  projects: number;
  kpis: number;
  stored: number;
  /** No value today: a ratio whose denominator counts nothing, or a KPI deleted meanwhile. */
  skipped: number;
  /** Jira refused the query or failed; the KPI keeps its earlier values. */
  failed: number;
}

type KpiOutcome = 'stored' | 'skipped' | 'failed';

export async function takeDailyKpiSnapshots(options: { concurrency?: number } = {}): Promise<SnapshotSummary> {
  const concurrency = options.concurrency ?? snapshotConcurrency;
  const jira = withRequestLimit(createJiraClient({ actor: 'app' }), concurrency);
  const now = nowIso();
  const date = todayOf(now);
  const kpis = await jqlKpis();
  const projectIds = [...new Set(kpis.map((kpi) => kpi.projectId))];
  const heads = new Map((await mapWithConcurrency(projectIds, 4, seriesOfProject)).flat().map((head) => [head.kpiId, head]));
  const chunks = await loadChunks(
    kpis.flatMap((kpi) => {
      const head = heads.get(kpi.id);
      const chunk = head ? chunkForDailyValue(head, date) : undefined;
      return chunk === undefined ? [] : [{ kpiId: kpi.id, chunk }];
    }),
  );
  const counts: CountCache = new Map();

  const outcomes = await mapWithConcurrency(kpis, concurrency, (kpi) =>
    snapshotOne({ jira, kpi, head: heads.get(kpi.id), chunks, counts, date, now }).catch((error: unknown): KpiOutcome => {
      if (!(error instanceof JiraError)) throw error; // a bug: let Forge log it
      console.warn(`KPI ${kpi.id} of project ${kpi.projectId}: no snapshot (${error.kind}: ${error.message})`);
      return 'failed';
    }),
  );
  return {
    date,
    projects: projectIds.length,
    kpis: kpis.length,
    stored: outcomes.filter((o) => o === 'stored').length,
    skipped: outcomes.filter((o) => o === 'skipped').length,
    failed: outcomes.filter((o) => o === 'failed').length,
  };
}

async function snapshotOne(options: {
  jira: JiraClient;
  kpi: Keyed<KpiRecord>;
  head: SeriesRecord | undefined;
  chunks: ReadonlyMap<string, ChunkRecord>;
  counts: CountCache;
  date: string;
  now: string;
}): Promise<KpiOutcome> {
  const { kpi, head } = options;
  if (kpi.source.kind === 'manual' || !head) return 'skipped';
  const counted = await countKpiSource(options.jira, { projectId: kpi.projectId, source: kpi.source, cache: options.counts });
  if (!counted.ok) {
    console.warn(`KPI ${kpi.id} of project ${kpi.projectId}: Jira refused its ${counted.part}: ${counted.messages.join(' ')}`);
    return 'failed';
  }
  if (counted.value === undefined) return 'skipped';
  const stored = await storeDailyValue({
    projectId: kpi.projectId,
    kpiId: kpi.id,
    date: options.date,
    value: counted.value,
    recordedBy: 'app',
    now: options.now,
    known: { head, chunks: options.chunks },
  });
  if (stored.outcome === 'contended') return 'failed';
  return stored.outcome === 'stored' ? 'stored' : 'skipped';
}

/** The Forge function: a scheduled trigger must answer with a status code, or Forge records a 424. */
export async function dailyKpiSnapshot(): Promise<{ statusCode: number; headers: Record<string, string[]>; body: string }> {
  const summary = await takeDailyKpiSnapshots();
  return { statusCode: 200, headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify(summary) };
}
