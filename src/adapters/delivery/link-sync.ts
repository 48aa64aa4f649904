/**
 * Carrying recorded link changes to the epics' `throughline-links` property. A change is stored
 * first, with its intent (epic-link-store.ts); then this writes each named epic's property from
 * storage, as the caller (the user who made the change, right away) or as the app (the queue's
 * consumer, later), until it agrees. Idempotent: a pass writes what storage says now, whatever
 * order passes run in, and checks again after writing, so a pass that raced a newer change never
 * leaves its older value behind.
 *
 * Jira's property write is a plain PUT with no condition; storage is what serialises writers.
 * @see https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
 */
import { randomUUID } from 'node:crypto';
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import type { AsyncEvent } from '@forge/events';
import { hasLinks, noLinks } from '../../domain/epic-links';
import type { EpicLinks } from '../../domain/epic-links';
import { derivedLinks, propertyAgrees } from '../../domain/link-sync';
import type { LinkSyncState, LinkTargets } from '../../domain/link-sync';
import { nowIso } from '../clock';
import { createJiraClient } from '../jira/client';
import type { JiraClient } from '../jira/client';
import { getEpic } from '../jira/epic-links';
import { JiraError } from '../jira/errors';
import { goalsOfProject } from '../storage/goal-store';
import { itemsOfProject } from '../storage/roadmap-store';
import { adoptLinks, linkSyncOf, openLinkSyncs, settleLinkSync, storedLinksOf, storedLinksOfProject, syncStates, touchLinkSync } from '../storage/epic-link-store';
import type { EpicLinkRecord, LinkIntent, LinkSyncReason, LinkSyncRecord } from '../storage/epic-link-store';
import { saveEpicLinks } from './epic-link-writes';

export const linkSyncQueueKey = 'epic-link-sync';

/** Rounds of write-then-check in one pass: more only if writers keep racing this one. */
const maxRounds = 3;

/** The project's goals and roadmap items, as a caller that reads them for itself already has them. */
export interface ProductRecords {
  goals: Promise<Awaited<ReturnType<typeof goalsOfProject>>>;
  items: Promise<Awaited<ReturnType<typeof itemsOfProject>>>;
}

/**
 * What the epics' links and the product look like now, for the property each epic must hold.
 * `read`: the records the caller reads anyway (the roadmap: a 5,000-item board read twice would
 * spend half of Forge's 4,000 read units a minute on one load).
 */
export async function linkTargets(projectId: string, read?: ProductRecords): Promise<LinkTargets & { titles: ReadonlyMap<string, string> }> {
  const [goals, items] = await Promise.all([read?.goals ?? goalsOfProject(projectId), read?.items ?? itemsOfProject(projectId)]);
  return {
    goalIds: new Set(goals.map((goal) => goal.id)),
    goalOfItem: new Map(items.map((item) => [item.id, item.goalId])),
    // The feed names what epics were linked to (src/resolvers/feed/activities.ts).
    titles: new Map([...goals, ...items].map((record) => [record.id, record.title])),
  };
}

/** A new intent for these epics, to be committed with the change. */
export function newLinkIntent(projectId: string, epicIds: readonly string[], reason: LinkSyncReason, now: string): LinkIntent {
  return {
    id: `sync-${randomUUID()}`,
    record: { projectId, epicIds: [...new Set(epicIds)], reason, createdAt: now, updatedAt: now, attempts: 0, version: 1 },
  };
}

export interface SyncPass {
  /** Epics whose property agrees with storage now. */
  agreed: string[];
  /** Epics Jira would not let this actor write (403, or 404: not visible to it). */
  refused: string[];
  /** Epics still to do: Jira was unavailable or rate limited, or writers kept racing. */
  pending: string[];
  /** The intent is gone: everything it named agrees. */
  done: boolean;
}

/**
 * One pass over an intent: each epic's property written from storage, checked again, and the
 * intent updated with what agrees. `refusedIsFinal`: the app's own refusal is final (the consumer),
 * a user's is not (the app tries later as itself).
 */
export async function runLinkSync(jira: JiraClient, intentId: string, options: { refusedIsFinal: boolean }): Promise<SyncPass> {
  const intent = await linkSyncOf(intentId);
  if (!intent) return { agreed: [], refused: [], pending: [], done: true };
  const pass = await writeProperties(jira, intent);
  const refused = options.refusedIsFinal ? pass.refused : [];
  const pending = options.refusedIsFinal ? pass.pending : [...pass.pending, ...pass.refused];
  // Another pass may have settled the intent meanwhile: record this one's result over what it left.
  let read: LinkSyncRecord | undefined = intent;
  for (let attempt = 0; read && attempt < maxRounds; attempt += 1) {
    if ((await settleLinkSync(intentId, read, { agreed: pass.agreed, refused, now: nowIso() })) === 'committed') break;
    read = await linkSyncOf(intentId);
  }
  if (pass.agreed.length > 0) await clearOlderRefusals(intentId, intent.projectId, pass.agreed);
  return { agreed: pass.agreed, refused: pass.refused, pending, done: pending.length === 0 && refused.length === 0 };
}

/** Epics that agree now are no longer "refused" in older intents (permissions may have changed since). */
async function clearOlderRefusals(intentId: string, projectId: string, agreed: readonly string[]): Promise<void> {
  const done = new Set(agreed);
  for (const { id, ...sync } of await openLinkSyncs(projectId)) {
    const cleared = (sync.refusedEpicIds ?? []).filter((epicId) => done.has(epicId));
    if (id !== intentId && cleared.length > 0) await settleLinkSync(id, sync, { agreed: cleared, refused: [], now: nowIso() });
  }
}

async function writeProperties(jira: JiraClient, intent: LinkSyncRecord): Promise<{ agreed: string[]; refused: string[]; pending: string[] }> {
  const refused = new Set<string>();
  const failed = new Set<string>();
  let written = new Map<string, EpicLinks>();
  let todo = [...intent.epicIds];
  for (let round = 0; round < maxRounds && todo.length > 0; round += 1) {
    const desired = await desiredLinks(jira, intent.projectId, todo);
    // Neither stored nor visible to this actor: nothing it could write.
    for (const epicId of todo) if (!desired.has(epicId)) refused.add(epicId);
    for (const [epicId, links] of desired) {
      try {
        await saveEpicLinks(jira, epicId, links);
        written.set(epicId, links);
      } catch (error) {
        if (error instanceof JiraError && (error.kind === 'forbidden' || error.kind === 'not-found')) refused.add(epicId);
        else if (error instanceof JiraError) failed.add(epicId);
        else throw error;
      }
    }
    // Written from a storage read that a newer change may have overtaken: read storage again.
    const now = await desiredLinks(jira, intent.projectId, [...written.keys()]);
    todo = [...written.keys()].filter((epicId) => !sameLinks(written.get(epicId), now.get(epicId)));
    if (todo.length > 0) written = new Map([...written].filter(([epicId]) => !todo.includes(epicId)));
  }
  const agreed = [...written.keys()];
  return { agreed, refused: [...refused], pending: [...new Set([...failed, ...todo])] };
}

/**
 * Each epic's property as storage says it should be. An epic linked before links were stored has
 * no record: its property is the only copy, so it is stored first (over nothing), and is the
 * source from then on. An epic the actor cannot see is left out (the caller counts it refused).
 */
async function desiredLinks(jira: JiraClient, projectId: string, epicIds: readonly string[]): Promise<Map<string, EpicLinks>> {
  const [stored, targets] = await Promise.all([storedLinksOf(projectId, epicIds), linkTargets(projectId)]);
  const missing = epicIds.filter((epicId) => !stored.has(epicId));
  if (missing.length > 0) {
    for (const [epicId, record] of await adoptProperties(jira, projectId, missing)) stored.set(epicId, record);
  }
  return new Map(epicIds.flatMap((epicId) => {
    const record = stored.get(epicId);
    return record ? [[epicId, derivedLinks(record, targets)] as const] : [];
  }));
}

async function adoptProperties(jira: JiraClient, projectId: string, epicIds: readonly string[]): Promise<Map<string, EpicLinkRecord>> {
  const now = nowIso();
  for (const epicId of epicIds) {
    const epic = await getEpic(jira, epicId);
    if (!epic || epic.projectId !== projectId) continue;
    const record: EpicLinkRecord = { projectId, directGoalIds: epic.links.directGoalIds, roadmapItemIds: epic.links.roadmapItemIds, version: epic.links.version, updatedAt: now };
    // Over nothing: if someone stored links meanwhile, theirs stand.
    await adoptLinks(epicId, record);
  }
  return storedLinksOf(projectId, epicIds);
}

const sameLinks = (a: EpicLinks | undefined, b: EpicLinks | undefined): boolean =>
  a !== undefined && b !== undefined && (hasLinks(a) || hasLinks(b) ? propertyAgrees(a, b) && propertyAgrees(b, a) : true);

/**
 * Hands the rest to the queue's consumer. False when the queue refused too: the intent stays in
 * storage, reads show its epics as syncing, and the next read that finds it old pushes it again.
 */
export async function queueLinkSync(intentId: string, options: { delayInSeconds?: number } = {}): Promise<boolean> {
  try {
    await new Queue({ key: linkSyncQueueKey }).push({ body: { intentId }, ...(options.delayInSeconds ? { delayInSeconds: options.delayInSeconds } : {}) });
    return true;
  } catch (error) {
    console.warn(`Link sync ${intentId}: the queue refused it (${error instanceof Error ? error.message : String(error)}); it stays recorded`);
    return false;
  }
}

/** After a change was committed: try it now as the caller; what is left goes to the queue. */
export async function carryLinkChange(jira: JiraClient, intentId: string): Promise<SyncPass> {
  let pass: SyncPass;
  try {
    pass = await runLinkSync(jira, intentId, { refusedIsFinal: false });
  } catch (error) {
    // Storage or a bug after the change was committed: the change stands, the consumer finishes it.
    console.warn(`Link sync ${intentId}: first pass failed (${error instanceof Error ? error.message : String(error)}); queued`);
    const intent = await linkSyncOf(intentId).catch(() => undefined);
    pass = { agreed: [], refused: [], pending: intent?.epicIds ?? [], done: false };
  }
  if (!pass.done) await queueLinkSync(intentId);
  return pass;
}

/** Whether Jira holds what storage says for this epic, read as the client's actor (tests, admin checks). */
export async function propertyAgreesWithStorage(jira: JiraClient, projectId: string, epicId: string): Promise<boolean> {
  const [epic, desired] = await Promise.all([getEpic(jira, epicId), desiredLinks(jira, projectId, [epicId])]);
  const wanted = desired.get(epicId) ?? noLinks();
  return epic !== undefined && propertyAgrees(epic.links, wanted);
}

/** Delay before the consumer tries again when Jira was unavailable: grows with the retries, at most 15 min. */
const retryAfterSeconds = (retryCount: number): number => Math.min(900, 30 * 2 ** retryCount);

/**
 * The `epic-link-sync` consumer: one intent per event, written as the app (no user is behind a
 * queued event). Jira unavailable or rate limited → Forge retries later; refused → recorded on the
 * intent and logged, so the epic shows as not synced until an admin rebuilds the link index.
 */
export async function linkSyncConsumer(event: AsyncEvent): Promise<unknown> {
  const intentId = typeof event.body.intentId === 'string' ? event.body.intentId : undefined;
  if (!intentId) return undefined;
  const pass = await runLinkSync(createJiraClient({ actor: 'app' }), intentId, { refusedIsFinal: true });
  if (pass.refused.length > 0) {
    console.warn(`Link sync ${intentId}: Jira refused the app on epics ${pass.refused.join(', ')}; their property does not show their links`);
  }
  if (pass.pending.length === 0) return undefined;
  return new InvocationError({
    retryAfter: retryAfterSeconds(event.retryContext?.retryCount ?? 0),
    retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
  });
}

export interface ProjectLinks {
  byEpic: Map<string, EpicLinkRecord>;
  syncs: Awaited<ReturnType<typeof openLinkSyncs>>;
  targets: Awaited<ReturnType<typeof linkTargets>>;
}

/**
 * What `withStoredLinks` reads for a roadmap's worth of epics (every record of the project, a query
 * page per 100 epics): a caller that learns its epics from Jira starts it first, so those storage
 * round trips run beside the Jira searches instead of after them.
 */
export async function readProjectLinks(projectId: string, read?: ProductRecords): Promise<ProjectLinks> {
  const [records, syncs, targets] = await Promise.all([storedLinksOfProject(projectId), openLinkSyncs(projectId), linkTargets(projectId, read)]);
  return { byEpic: new Map(records.map(({ id, ...record }) => [id, record])), syncs, targets };
}

/** An intent untouched this long has lost its queue event (refused push, or Forge gave up retrying): push it again. */
export const staleLinkSyncMs = 10 * 60_000;

/**
 * Epics with their links as storage holds them (the property may lag behind, or predate storage),
 * and how each one's sync stands. Intents left without a queue event are pushed again here, so no
 * recorded change waits for more than one roadmap load past `staleLinkSyncMs`.
 */
export async function withStoredLinks<E extends { id: string; links: EpicLinks }>(
  projectId: string,
  epics: readonly E[],
  now: string,
  /** `readProjectLinks(projectId)`, started before the epics were known (a roadmap's worth of them). */
  projectLinks?: Promise<ProjectLinks>,
): Promise<Array<E & { sync?: LinkSyncState }>> {
  // A few epics (the epic panel): one read each; a roadmap's worth: the project's records in one query.
  const storedRecords = async (): Promise<Map<string, EpicLinkRecord>> =>
    epics.length <= 5
      ? storedLinksOf(projectId, epics.map((epic) => epic.id))
      : new Map((await storedLinksOfProject(projectId)).map(({ id, ...record }) => [id, record]));
  const [byEpic, syncs, targets] = projectLinks
    ? await projectLinks.then((read) => [read.byEpic, read.syncs, read.targets] as const)
    : await Promise.all([storedRecords(), openLinkSyncs(projectId), linkTargets(projectId)]);
  const states = syncStates(syncs);
  const nowMs = Date.parse(now);
  for (const { id, ...sync } of syncs) {
    if (sync.epicIds.length > 0 && nowMs - Date.parse(sync.updatedAt) > staleLinkSyncMs && (await touchLinkSync(id, sync, now)) === 'committed') {
      await queueLinkSync(id);
    }
  }
  return epics.map((epic) => {
    const record = byEpic.get(epic.id);
    const state = states.get(epic.id);
    return { ...epic, ...(record ? { links: derivedLinks(record, targets) } : {}), ...(state ? { sync: state } : {}) };
  });
}
