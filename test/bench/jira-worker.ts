/**
 * The Jira simulator on its own thread, for benchmarks: on Forge, Jira's work happens on Atlassian's
 * servers while the app waits; in one thread the simulator's CPU (it re-indexes 21,000 issues per
 * request) would land in the app's measured time. The main thread sends requests and site changes
 * here and adds the network latency itself (see `workerJira`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildHugeSite, buildLargeSite } from '../sandbox/demo';
import { JiraSimulator } from '../sandbox/jira/simulator';
import type { JiraRequest } from '../sandbox/jira/simulator';

export type WorkerMessage =
  | { kind: 'request'; id: number; request: JiraRequest }
  | { kind: 'edit'; id: number; edits: Array<{ issueId: string; statusId: string; updated?: string }> };

// `huge` (scale.bench.ts): one project of 1,000 epics; `childrenPerEpic` sizes it.
// `clock: 'wall'`: Jira's "now" is the real one, as the app's is (relative JQL dates such as the
// delta's `updated >= "-6m"` then mean what the app meant); by default the site's frozen `now`.
const wanted = (workerData ?? {}) as { site?: 'large' | 'huge'; childrenPerEpic?: number; clock?: 'wall' };
const jira = new JiraSimulator(wanted.site === 'huge' ? buildHugeSite({ ...(wanted.childrenPerEpic ? { childrenPerEpic: wanted.childrenPerEpic } : {}) }) : buildLargeSite(), {
  // Edits come only through `editIssue` below: search keeps its lookups between them.
  writesThroughSimulatorOnly: true,
  ...(wanted.clock === 'wall' ? { clock: () => new Date() } : {}),
});
let busyMs = 0;
// Jira's search index exists before anyone asks: build the simulator's lookups now, not in the first measured search.
const primeSearchIndex = () =>
  jira.handle({ method: 'POST', path: '/rest/api/3/search/jql', caller: { kind: 'app' }, body: JSON.stringify({ jql: `project = ${jira.site.projects[0]!.id}`, maxResults: 1 }) });
await primeSearchIndex();

parentPort?.on('message', async (message: WorkerMessage) => {
  if (message.kind === 'edit') {
    for (const edit of message.edits) {
      if (!jira.site.issues.some((i) => i.id === edit.issueId)) continue;
      // `updated` from the clock unless the bench names one (set before the next search rebuilds its lookups).
      const issue = jira.editIssue(edit.issueId, (changed) => {
        changed.statusId = edit.statusId;
      });
      if (edit.updated !== undefined) issue.updated = edit.updated;
    }
    // Jira indexes an edit as it lands; the simulator rebuilds its lookups whole after a write
    // (hundreds of ms at 100,000 issues), which would otherwise land in the next measured search.
    await primeSearchIndex();
    parentPort?.postMessage({ id: message.id });
    return;
  }
  const started = performance.now();
  const reply = await jira.handle(message.request);
  busyMs += performance.now() - started;
  parentPort?.postMessage({ id: message.id, reply, busyMs });
});
parentPort?.postMessage({ ready: true });
