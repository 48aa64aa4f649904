/** Roadmap items: add, edit, move, delete. Each writes the item's one record, version-checked. */
import type { RoadmapItemInput, RoadmapItemView } from '../../contract';
import { applyMove } from '../../domain/roadmap';
import type { MoveContext } from '../../domain/roadmap';
import { rankSalt, uniqueRankBetween } from '../../domain/rank';
import { nowIso } from '../../adapters/clock';
import type { JiraClient } from '../../adapters/jira/client';
import { newId } from '../../adapters/storage/ids';
import { goalsOfProject } from '../../adapters/storage/goal-store';
import type { Keyed, RoadmapItemRecord, RoadmapLanesRecord } from '../../adapters/storage/records';
import { boardVersionOperations, createItem, deleteItem, itemOf, itemsOfProject, loadLanes, replaceItem } from '../../adapters/storage/roadmap-store';
import type { Transaction } from '../../adapters/storage/roadmap-store';
import { liveDependsOn } from '../../domain/dependencies';
import { guardReadChain, refuseDependsOn } from './dependencies';
import { limits } from '../../validation/limits';
import { readItemEvidence, stageEvidenceRemoval, stagedTogether } from '../../adapters/storage/evidence-store';
import { fail, ok } from '../results';
import { editorCall } from '../calls';
import { conflictWith, notFound } from '../failures';
import { namePeople } from '../people';
import { carryResync, epicIdsOfItem, resyncIntent, stageResync } from './item-epics';
import { itemView } from './views';
import { stagingActivities, stagingAll } from '../../adapters/storage/activity-store';
import { itemMoved } from '../feed/activities';
import { applyPriority } from './item-priority';
import { ownerOf } from './owners';
import { say } from '../../i18n/server-texts';

export const createRoadmapItem = editorCall('createRoadmapItem', async ({ jira, access, projectId, payload }) => {
  const [people, items, refused] = await Promise.all([
    namePeople(jira, [access.accountId]),
    itemsOfProject(projectId),
    checkReferences(projectId, payload.item),
  ]);
  if (refused) return refused;
  const owner = await ownerOf(jira, access, payload.item.ownerAccountId);
  if (!owner.ok) return owner;
  if (items.length >= limits.itemsPerRoadmap) return tooManyItems();
  const now = nowIso();
  const id = newId('item');
  // A new item cannot close a loop (nothing depends on it yet): no guard on the chain.
  const dependsOn = payload.item.dependsOn ?? [];
  const badDependsOn = refuseDependsOn(items, id, dependsOn);
  if (badDependsOn) return badDependsOn;
  const record: RoadmapItemRecord = {
    projectId,
    ...content(payload.item),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
    rank: uniqueRankBetween(items.at(-1)?.rank, undefined, rankSalt(id)),
    version: 1,
    createdAt: now,
    createdBy: access.accountId,
    updatedAt: now,
    updatedBy: people.ref(access.accountId),
  };
  applyPriority(record, owner.value, payload.item.scoreInputs);
  const outcome = await createItem({ id, item: record, maxItems: limits.itemsPerRoadmap, now });
  if (outcome === 'limit-reached') return tooManyItems();
  if (outcome === 'conflict') return fail('conflict', say('roadmap.itemChangedAdding'));
  return ok(itemView({ ...record, id }, []));
});

export const updateRoadmapItem = editorCall('updateRoadmapItem', async ({ jira, access, projectId, payload }) => {
  const current = await itemOf(projectId, payload.id);
  if (!current) return notFound('item');
  if (current.version !== payload.baseVersion) return conflictWith<RoadmapItemView>(await currentView(jira, projectId, payload.id), 'item');
  const asked = payload.item.dependsOn;
  const [refused, items] = await Promise.all([
    checkReferences(projectId, payload.item),
    // The product's items only when blockers are set or already stored (to drop deleted ones from the reply).
    asked !== undefined || current.dependsOn?.length ? itemsOfProject(projectId) : undefined,
  ]);
  if (refused) return refused;
  const owner = await ownerOf(jira, access, payload.item.ownerAccountId);
  if (!owner.ok) return owner;
  const badDependsOn = asked === undefined ? undefined : refuseDependsOn(items!, current.id, asked);
  if (badDependsOn) return badDependsOn;
  const people = await namePeople(jira, [access.accountId]);
  const { goalId: _goal, laneId: _lane, startDate: _start, endDate: _end, id: _id, dependsOn: stored, ...kept } = current;
  const dependsOn = asked ?? (items ? liveDependsOn(stored, new Set(items.map((item) => item.id)), current.id) : stored);
  const next: RoadmapItemRecord = {
    ...kept,
    ...content(payload.item),
    ...(dependsOn?.length ? { dependsOn } : {}),
    version: current.version + 1,
    updatedAt: nowIso(),
    updatedBy: people.ref(access.accountId),
  };
  applyPriority(next, owner.value, payload.item.scoreInputs);
  return store(jira, projectId, current, next, payload.baseVersion, asked?.length ? (others) => guardReadChain(items!, current.id, asked, others) : undefined);
});

/**
 * A move is a value the domain applies (`applyMove`), exactly as the UI applied it optimistically.
 * Neighbours out of order mean the board changed under the mover: a conflict, never a guess.
 */
export const moveRoadmapItem = editorCall('moveRoadmapItem', async ({ jira, access, projectId, payload }) => {
  const { move } = payload;
  if (move.afterId === move.itemId || move.beforeId === move.itemId) {
    return fail('invalid', say('roadmap.itemNextToItself'), move.afterId === move.itemId ? 'move.afterId' : 'move.beforeId');
  }
  const [items, lanes, goals] = await Promise.all([itemsOfProject(projectId), loadLanes(projectId), goalsOfProject(projectId)]);
  const find = (id: string | null) => (id === null ? undefined : items.find((item) => item.id === id));
  const item = find(move.itemId);
  if (!item) return notFound('item');
  if (item.version !== payload.baseVersion) return conflictWith<RoadmapItemView>(await currentView(jira, projectId, item.id), 'item');
  const after = find(move.afterId);
  const before = find(move.beforeId);
  if ((move.afterId !== null && !after) || (move.beforeId !== null && !before)) return boardChanged(jira, projectId, item.id);

  const context = moveContext(lanes, goals);
  const outcome = applyMove({ item, move, ...(after ? { after } : {}), ...(before ? { before } : {}), context });
  if (!outcome.ok) {
    if (outcome.reason === 'unknown-lane') return fail('invalid', say('roadmap.laneGone'), 'move.lane');
    if (outcome.reason === 'bad-dates') return fail('invalid', say('roadmap.columnWithoutDates'), 'move.column');
    return boardChanged(jira, projectId, item.id);
  }
  const people = await namePeople(jira, [access.accountId]);
  const { goalId: _goal, laneId: _lane, startDate: _start, endDate: _end, id: _id, ...kept } = item;
  const next: RoadmapItemRecord = {
    ...kept,
    ...outcome.placement,
    version: item.version + 1,
    updatedAt: nowIso(),
    updatedBy: people.ref(access.accountId),
  };
  return store(jira, projectId, item, next, payload.baseVersion);
});

export const deleteRoadmapItem = editorCall('deleteRoadmapItem', async ({ jira, projectId, payload }) => {
  const current = await itemOf(projectId, payload.id);
  if (!current) return notFound('item');
  type Deleted = { id: string; unlinkedEpics: number; pendingEpicIds: string[] };
  if (current.version !== payload.baseVersion) return conflictWith<Deleted>(undefined, 'item');
  // The item, its evidence and the intent to take it out of its epics' properties go together, or not at all.
  const [epicIds, evidence] = await Promise.all([epicIdsOfItem(jira, projectId, payload.id), readItemEvidence(projectId, payload.id)]);
  const intent = resyncIntent(projectId, epicIds, 'item-deleted');
  const alsoStage = stagedTogether(stageResync(intent), stageEvidenceRemoval(evidence));
  if ((await deleteItem({ projectId, id: payload.id, baseVersion: payload.baseVersion, now: nowIso(), ...(alsoStage ? { alsoStage } : {}) })) === 'conflict') {
    return conflictWith<Deleted>(undefined, 'item');
  }
  const pass = await carryResync(jira, intent);
  return ok({ id: payload.id, unlinkedEpics: pass.agreed.length, pendingEpicIds: [...pass.pending, ...pass.refused] });
});

/**
 * Writes the item. When its goal changed, the epics it links serve another goal: the intent to
 * rewrite their property goes in the same transaction, then they are written (as the user, the
 * queue finishing what Jira did not take), and the reply names those still syncing.
 */
async function store(
  jira: JiraClient,
  projectId: string,
  current: Keyed<RoadmapItemRecord>,
  next: RoadmapItemRecord,
  baseVersion: number,
  /** Checks to add to the write, given how many other operations it holds. */
  guard?: (otherOperations: number) => ((transaction: Transaction) => void) | undefined,
) {
  const epicIds = await epicIdsOfItem(jira, projectId, current.id);
  const intent = next.goalId !== current.goalId ? resyncIntent(projectId, epicIds, 'goal-change') : undefined;
  const moved = itemMoved(projectId, current.id, current, next, next.updatedBy);
  const checks = guard?.((intent ? 3 : 1) + (moved ? 1 : 0) + boardVersionOperations);
  const stage = stagingAll(stageResync(intent), stagingActivities(moved), checks);
  if ((await replaceItem(current.id, next, baseVersion, stage)) === 'conflict') {
    return conflictWith<RoadmapItemView>(await currentView(jira, projectId, current.id), 'item');
  }
  const pass = await carryResync(jira, intent);
  const pendingEpicIds = [...pass.pending, ...pass.refused];
  return ok({ ...itemView({ ...next, id: current.id }, epicIds), ...(pendingEpicIds.length > 0 ? { pendingEpicIds } : {}) });
}

function moveContext(lanes: RoadmapLanesRecord, goals: ReadonlyArray<{ id: string }>): MoveContext {
  return lanes.laneMode === 'goals'
    ? { mode: 'goals', laneIds: new Set(goals.map((goal) => goal.id)) }
    : { mode: 'custom', laneIds: new Set(lanes.lanes.map((lane) => lane.id)) };
}

/** A goal or lane named by an item must be this project's. */
async function checkReferences(projectId: string, item: RoadmapItemInput) {
  const [goals, lanes] = await Promise.all([item.goalId ? goalsOfProject(projectId) : [], item.laneId ? loadLanes(projectId) : undefined]);
  if (item.goalId && !goals.some((goal) => goal.id === item.goalId)) return fail('invalid', say('roadmap.chooseProductGoal'), 'item.goalId');
  if (item.laneId && !lanes?.lanes.some((lane) => lane.id === item.laneId)) return fail('invalid', say('roadmap.chooseRoadmapLane'), 'item.laneId');
  return undefined;
}

function content(item: RoadmapItemInput): Omit<RoadmapItemRecord, 'projectId' | 'rank' | 'version' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'> {
  return {
    title: item.title,
    description: item.description,
    ...(item.goalId ? { goalId: item.goalId } : {}),
    ...(item.laneId ? { laneId: item.laneId } : {}),
    horizon: item.horizon,
    ...(item.startDate ? { startDate: item.startDate } : {}),
    ...(item.endDate ? { endDate: item.endDate } : {}),
    status: item.status,
  };
}

async function currentView(jira: JiraClient, projectId: string, id: string): Promise<RoadmapItemView | undefined> {
  const item = await itemOf(projectId, id);
  if (!item) return undefined;
  return itemView(item, await epicIdsOfItem(jira, projectId, id));
}

async function boardChanged(jira: JiraClient, projectId: string, id: string) {
  return {
    ok: false as const,
    error: {
      code: 'conflict' as const,
      message: say('roadmap.boardChanged'),
      ...(await currentView(jira, projectId, id).then((current) => (current ? { current } : {}))),
    },
  };
}

const tooManyItems = () =>
  fail('invalid', say('roadmap.tooManyItems', { max: limits.itemsPerRoadmap }));
