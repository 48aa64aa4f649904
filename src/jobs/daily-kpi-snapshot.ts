/**
 * The daily scheduled trigger: a measurement of every JQL KPI of every product, taken as the app
 * (there is no user) but still limited to the KPI's own project by its JQL. Idempotent per day: a
 * second run replaces that day's value. Reads in bulk (one index query for the KPIs, one per
 * project for their series, batches for the chunks), counts with bounded parallelism, shares a
 * count between KPIs with the same query, and lets one KPI's failure stop none of the others.
 *
 * What the app sees. The app user holds only what each project's permission scheme grants the
 * add-on role (`atlassian-addons-project-access`), and an issue security level hides its issues
 * from the app unless the level lists that role. So the stored value is the count **as the app
 * sees Jira**: it can be lower than what a product manager who may see confidential issues counts
 * with "Refresh" (that value is theirs, recorded under their name); the history labels snapshot
 * values "Daily snapshot". It never includes an issue the app may not see, so it reveals nothing
 * to readers of the KPI that Jira would hide from the app.
 * A project whose scheme does not let the app browse it answers every count with Jira's 400
 * ("does not exist"): when a project's queries are refused, one project search as the app (per
 * 50 such projects) tells which of them the app cannot browse; those are logged once each and
 * reported in `unreadableProjects`, their KPIs keep their earlier values, and the other projects
 * are measured as usual. Asked only after a refusal, so a day when every project is readable
 * costs no request beyond the counts.
 * @see https://support.atlassian.com/jira/kb/the-atlassian-addons-project-access-project-role-in-jira-cloud/
 */
import { nowIso, todayOf } from '../adapters/clock';
import { mapWithConcurrency } from '../adapters/concurrency';
import { createJiraClient } from '../adapters/jira/client';
import type { JiraClient } from '../adapters/jira/client';
import { withRequestLimit } from '../adapters/jira/limited-client';
import { countKpiSource } from '../adapters/jira/kpi-counts';
import type { CountCache } from '../adapters/jira/kpi-counts';
import { JiraError } from '../adapters/jira/errors';
import { browsableProjects } from '../adapters/jira/project-search';
import { storeDailyValue } from '../adapters/storage/daily-values';
import { jqlKpis } from '../adapters/storage/kpi-store';
import type { Keyed, KpiRecord, SeriesRecord } from '../adapters/storage/records';
import { chunkForDailyValue, loadChunks, seriesOfProject } from '../adapters/storage/series-store';
import type { ChunkRecord } from '../adapters/storage/records';
import { kpiHealthStage } from '../resolvers/feed/activities';
import { sayCoded } from '../i18n/server-texts';

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
  /** KPIs not measured because the app may not browse their project. */
  unreadable: number;
  /** Ids of the projects whose permission scheme does not grant the app Browse Projects. */
  unreadableProjects: string[];
}

type KpiOutcome = 'stored' | 'skipped' | 'failed' | 'unreadable';
/** Jira refused a query with a 400: a bad query, or a project the app cannot see (decided after). */
type Refused = { refused: string };

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

  const first = await mapWithConcurrency(kpis, concurrency, (kpi) =>
    snapshotOne({ jira, kpi, head: heads.get(kpi.id), chunks, counts, date, now }).catch((error: unknown): KpiOutcome => {
      if (!(error instanceof JiraError)) throw error; // a bug: let Forge log it
      console.warn(`KPI ${kpi.id} of project ${kpi.projectId}: no snapshot (${error.kind}: ${error.message})`);
      return 'failed';
    }),
  );
  const refusedProjects = [...new Set(kpis.filter((_, n) => typeof first[n] === 'object').map((kpi) => kpi.projectId))];
  const unreadable = await projectsTheAppCannotBrowse(jira, refusedProjects);
  for (const projectId of unreadable) {
    const many = kpis.filter((kpi) => kpi.projectId === projectId).length;
    console.warn(`Project ${projectId}: the app may not browse it (its permission scheme does not grant the add-on role Browse Projects); ${many} KPI(s) not measured today`);
  }
  const outcomes = kpis.map((kpi, n): KpiOutcome => {
    const outcome = first[n] as KpiOutcome | Refused;
    if (typeof outcome !== 'object') return outcome;
    if (unreadable.has(kpi.projectId)) return 'unreadable';
    console.warn(`KPI ${kpi.id} of project ${kpi.projectId}: ${outcome.refused}`);
    return 'failed';
  });
  return {
    date,
    projects: projectIds.length,
    kpis: kpis.length,
    stored: outcomes.filter((o) => o === 'stored').length,
    skipped: outcomes.filter((o) => o === 'skipped').length,
    failed: outcomes.filter((o) => o === 'failed').length,
    unreadable: outcomes.filter((o) => o === 'unreadable').length,
    unreadableProjects: [...unreadable].sort(),
  };
}

/**
 * The projects among `projectIds` the app may not browse: Jira's project search as the app lists
 * only those it holds Browse Projects in. When the search itself fails, none is assumed
 * unreadable: each KPI then meets Jira's answer on its own and fails alone.
 */
async function projectsTheAppCannotBrowse(jira: JiraClient, projectIds: string[]): Promise<Set<string>> {
  if (projectIds.length === 0) return new Set();
  try {
    const browsable = new Set((await browsableProjects(jira, projectIds)).map((project) => project.id));
    return new Set(projectIds.filter((id) => !browsable.has(id)));
  } catch (error) {
    if (!(error instanceof JiraError)) throw error;
    console.warn(`Could not ask Jira which projects the app may browse (${error.kind}: ${error.message}); measuring every project`);
    return new Set();
  }
}

async function snapshotOne(options: {
  jira: JiraClient;
  kpi: Keyed<KpiRecord>;
  head: SeriesRecord | undefined;
  chunks: ReadonlyMap<string, ChunkRecord>;
  counts: CountCache;
  date: string;
  now: string;
}): Promise<KpiOutcome | Refused> {
  const { kpi, head } = options;
  if (kpi.source.kind === 'manual' || !head) return 'skipped';
  const counted = await countKpiSource(options.jira, { projectId: kpi.projectId, source: kpi.source, cache: options.counts });
  if (!counted.ok) return { refused: `Jira refused its ${counted.part}: ${counted.messages.map(sayCoded).join(' ')}` };
  if (counted.value === undefined) return 'skipped';
  const stored = await storeDailyValue({
    projectId: kpi.projectId,
    kpiId: kpi.id,
    date: options.date,
    value: counted.value,
    recordedBy: 'app',
    now: options.now,
    known: { head, chunks: options.chunks },
    // The feed hears of a health change with the value that made it (by the app: no person).
    alsoStage: (read) => kpiHealthStage({ kpi, read, today: options.date, at: options.now }),
  });
  if (stored.outcome === 'contended') return 'failed';
  return stored.outcome === 'stored' ? 'stored' : 'skipped';
}

/** The Forge function: a scheduled trigger must answer with a status code, or Forge records a 424. */
export async function dailyKpiSnapshot(): Promise<{ statusCode: number; headers: Record<string, string[]>; body: string }> {
  const summary = await takeDailyKpiSnapshots();
  return { statusCode: 200, headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify(summary) };
}
