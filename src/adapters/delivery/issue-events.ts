/**
 * Issue events keep the roll-up cache in step between loads (manifest triggers on
 * `avi:jira:created|updated|deleted:issue`). Loads catch every change a search can see anyway
 * (the delta query); events matter most for what no search shows: deleted issues.
 *
 * Events carry the issue's id, project, type and status, but not its parent, story points or
 * sprints, and triggers have no user to act as. So:
 * - deleted: the issue's own record goes (it was an epic), and it leaves the facts of whichever
 *   cached epic of its project holds it (found by reading that project's records);
 * - created / updated: only for projects that are cached, and only when the change can matter to
 *   a roll-up (status, points, sprint, parent, project, type); then the issue is read as the app,
 *   restricted to that one issue of a cached project, and its facts are put under its epic and
 *   taken out of the epic it left. Nothing read here is shown to anyone but project browsers.
 * Issue security. Forge delivers events of restricted issues too, and the app reads them with
 * what the add-on role may see: an issue hidden from the app reads as missing, and an issue with
 * any security level (even one the app may see) is taken out of the cache, never put in, since
 * the cache's readers are every browser of the project (`observedChildOf`). The event's own
 * payload (summary, people) is never stored.
 * @see https://developer.atlassian.com/platform/forge/events-reference/product_events/
 * Writes are version-checked; after repeated conflicts the record is dropped and recrawled later.
 */
import { z } from 'zod';
import type { FactsChange } from '../../domain/epic-facts';
import { applyFactsChange } from '../../domain/epic-facts';
import { fetchChild } from '../jira/child-facts';
import type { FactFields } from '../jira/child-facts';
import { createJiraClient } from '../jira/client';
import type { JiraClient } from '../jira/client';
import type { CachedEpic, RollupStore, SyncMarker } from '../storage/epic-rollups';
import { kvsRollupStore } from '../storage/epic-rollups';
import { crawlUnderWay } from '../storage/rollup-crawl-store';
import { nowIso } from '../clock';

const idSchema = z.union([z.string(), z.number()]).transform(String);

const issueEventSchema = z.looseObject({
  eventType: z.string().optional(),
  issue: z.looseObject({
    id: idSchema,
    key: z.string().optional(),
    fields: z
      .looseObject({
        project: z.looseObject({ id: idSchema }).nullish(),
        issuetype: z.looseObject({ subtask: z.boolean().optional(), hierarchyLevel: z.number().optional() }).nullish(),
      })
      .optional(),
  }),
  changelog: z
    .looseObject({
      items: z.array(
        z.looseObject({ field: z.string().optional(), fieldId: z.string().optional(), from: z.string().nullish(), to: z.string().nullish() }),
      ),
    })
    .optional(),
});
type IssueEvent = z.infer<typeof issueEventSchema>;
type ChangeItem = NonNullable<IssueEvent['changelog']>['items'][number];

/** What a trigger did, for logs and tests (Forge ignores trigger return values). */
export type EventOutcome =
  | { action: 'ignored'; why: 'malformed' | 'not-a-child' | 'not-cached' | 'irrelevant' | 'no-cached-epic' }
  | { action: 'applied'; epics: string[]; droppedEpics: string[] };

export interface EventDependencies {
  store?: RollupStore;
  /** Triggers have no user: Jira is read as the app. */
  jira?: JiraClient;
}

const parentFields = new Set(['issueparentassociation', 'parent', 'epic link', 'parent link']);
const storyPointNames = new Set(['story points', 'story point estimate']);
// `security`: a child that gains a level leaves the shared cache, one that loses it comes back.
const alwaysRelevant = new Set(['status', 'resolution', 'sprint', 'project', 'issuetype', 'key', 'security']);

/** `avi:jira:deleted:issue` */
export async function rollupsOnIssueDeleted(event: unknown, deps: EventDependencies = {}): Promise<EventOutcome> {
  const parsed = issueEventSchema.safeParse(event);
  if (!parsed.success) return { action: 'ignored', why: 'malformed' };
  const store = deps.store ?? kvsRollupStore();
  const { issue } = parsed.data;
  const level = levelOf(parsed.data);
  const dropped: string[] = [];
  // A deleted epic: its record goes (deleting a key that does not exist is fine).
  if (level !== 0 && level !== -1) {
    await store.writeEpics({ remove: [issue.id] });
    dropped.push(issue.id);
  }
  if (level === 1 || level === -1) return dropped.length > 0 ? { action: 'applied', epics: [], droppedEpics: dropped } : { action: 'ignored', why: 'not-a-child' };
  const projectId = issue.fields?.project?.id;
  if (!projectId) return { action: 'ignored', why: 'malformed' };
  const sync = await store.readSync(projectId);
  // A first crawl under way (rollup-crawl.ts) has stored some epics already: a deletion must leave
  // them too, since no later search shows it (changes it does not miss: the next delta starts at its start).
  if (!sync && !(await crawlUnderWay(projectId, Date.parse(nowIso())))) {
    return dropped.length > 0 ? { action: 'applied', epics: [], droppedEpics: dropped } : { action: 'ignored', why: 'not-cached' };
  }
  const outcome = await applyWithRetry(store, { scanProjects: [projectId] }, { removedIds: [issue.id] });
  return { action: 'applied', epics: outcome.epics, droppedEpics: [...dropped, ...outcome.droppedEpics] };
}

/** `avi:jira:created:issue` and `avi:jira:updated:issue` */
export async function rollupsOnIssueChanged(event: unknown, deps: EventDependencies = {}): Promise<EventOutcome> {
  const parsed = issueEventSchema.safeParse(event);
  if (!parsed.success) return { action: 'ignored', why: 'malformed' };
  const level = levelOf(parsed.data);
  if (level !== undefined && level !== 0) return { action: 'ignored', why: 'not-a-child' };
  const { issue, changelog } = parsed.data;
  const projectId = issue.fields?.project?.id;
  if (!projectId) return { action: 'ignored', why: 'malformed' };
  const store = deps.store ?? kvsRollupStore();
  const sync = await store.readSync(projectId);
  if (!sync) return { action: 'ignored', why: 'not-cached' };
  const items = changelog?.items ?? [];
  if (items.length > 0 && !items.some((item) => relevant(item, sync))) return { action: 'ignored', why: 'irrelevant' };

  const fields: FactFields = {
    ...(sync.pointsFieldId ? { storyPointFieldId: sync.pointsFieldId } : {}),
    ...(sync.sprintFieldId ? { sprintFieldId: sync.sprintFieldId } : {}),
  };
  const jira = deps.jira ?? createJiraClient({ actor: 'app' });
  const now = await fetchChild(jira, issue.id, fields);
  // An epic or subtask (the event did not say which): nothing to do, unless its type just changed.
  const typeChanged = items.some((item) => (item.fieldId ?? item.field ?? '').toLowerCase() === 'issuetype');
  if (now === 'not-child' && !typeChanged) return { action: 'ignored', why: 'not-a-child' };
  const change: FactsChange = typeof now === 'object' ? { observed: [now] } : { removedIds: [issue.id] };

  // Where the child is cached now: under its old parent (the changelog says which), or anywhere in
  // the projects involved when the changelog cannot say (a move between projects, a parent change without ids).
  const parentItem = items.find(isParentItem);
  const projectItem = items.find((item) => (item.fieldId ?? item.field ?? '').toLowerCase() === 'project');
  const scan = (parentItem !== undefined && !parentItem.from) || projectItem !== undefined || typeof now !== 'object';
  const target = scan
    ? { scanProjects: [projectId, ...(projectItem?.from ? [projectItem.from] : [])] }
    : { epicIds: [typeof now === 'object' ? now.parentId : undefined, parentItem?.from ?? undefined].filter((id): id is string => !!id) };
  const outcome = await applyWithRetry(store, target, change);
  if (outcome.epics.length === 0 && outcome.droppedEpics.length === 0) return { action: 'ignored', why: 'no-cached-epic' };
  return { action: 'applied', ...outcome };
}

/** The issue's hierarchy level when the event says; events need not carry `hierarchyLevel`, only `subtask`. */
function levelOf(event: IssueEvent): number | undefined {
  const type = event.issue.fields?.issuetype;
  if (!type) return undefined;
  return type.hierarchyLevel ?? (type.subtask ? -1 : undefined);
}

function isParentItem(item: ChangeItem): boolean {
  return parentFields.has((item.field ?? '').toLowerCase()) || item.fieldId === 'parent';
}

function relevant(item: ChangeItem, sync: SyncMarker): boolean {
  const name = (item.field ?? '').toLowerCase();
  if (isParentItem(item) || alwaysRelevant.has(name) || alwaysRelevant.has((item.fieldId ?? '').toLowerCase())) return true;
  if (item.fieldId !== undefined && (item.fieldId === sync.pointsFieldId || item.fieldId === sync.sprintFieldId)) return true;
  return storyPointNames.has(name);
}

const maxAttempts = 3;

/**
 * Reads the records concerned, applies the change, writes what changed over the versions read;
 * on a conflict reads again and retries; a record still conflicting after that is dropped.
 */
async function applyWithRetry(
  store: RollupStore,
  target: { epicIds: string[] } | { scanProjects: string[] },
  change: FactsChange,
): Promise<{ epics: string[]; droppedEpics: string[] }> {
  let conflicts: string[] = [];
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const records = await readTarget(store, target, change, attempt === 0 ? undefined : conflicts);
    if (records.size === 0) return { epics: [], droppedEpics: [] };
    const { facts, changed } = applyFactsChange(new Map([...records].map(([id, record]) => [id, record.children])), change);
    // Records without facts (overflow) cannot be updated in place: drop them, the next load recrawls.
    const overflowing = [...records.values()].filter((record) => record.overflow).map((record) => record.epicId);
    const update = [...changed]
      .filter((epicId) => !records.get(epicId)?.overflow)
      .map((epicId) => ({ ...(records.get(epicId) as CachedEpic), children: facts.get(epicId) ?? [] }));
    const result = await store.writeEpics({ update, remove: overflowing });
    if (result.conflicts.length === 0) return { epics: update.map((epic) => epic.epicId), droppedEpics: overflowing };
    conflicts = result.conflicts;
    target = { epicIds: conflicts };
  }
  await store.writeEpics({ remove: conflicts });
  return { epics: [], droppedEpics: conflicts };
}

/**
 * The records a change concerns. Scanning a project reads its summaries (each epic's children's
 * ids, not their facts) and then the facts of only the epics holding a child the change names,
 * and of the observed child's new parent.
 */
async function readTarget(
  store: RollupStore,
  target: { epicIds: string[] } | { scanProjects: string[] },
  change: FactsChange,
  only?: string[],
): Promise<Map<string, CachedEpic>> {
  if ('epicIds' in target) return store.readEpics(only ?? target.epicIds);
  const named = [...(change.observed ?? []).map((child) => child.id), ...(change.removedIds ?? [])];
  const parents = new Set((change.observed ?? []).map((child) => child.parentId).filter((id): id is string => id !== undefined));
  const concerned: string[] = [];
  for (const projectId of new Set(target.scanProjects)) {
    for (const [epicId, summary] of (await store.readSummaries(projectId)).epics) {
      if (parents.has(epicId) || summary.overflow || named.some((childId) => summary.holds(childId))) concerned.push(epicId);
    }
  }
  return concerned.length > 0 ? store.readEpics(concerned) : new Map();
}

/** Forge's entry points (`index.ts` exports them): Forge's second argument, the function context, is not needed. */
export const rollupIssueChanged = (event: unknown): Promise<EventOutcome> => rollupsOnIssueChanged(event);
export const rollupIssueDeleted = (event: unknown): Promise<EventOutcome> => rollupsOnIssueDeleted(event);
