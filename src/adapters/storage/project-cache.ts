/**
 * What the roadmap keeps of Jira between loads, all derived and rebuildable:
 * - `project-shape` (key: project id): the epic issue types, boards and sprints, which change
 *   rarely, with when they were read; and when the epic cards were last brought in step.
 * - epic cards (in `project-shape` too, key `card.<epic id>`, see record-places.ts): an epic's key,
 *   summary, status and links as Jira last showed them.
 * Cards are only ever shown for epics the viewer's own Jira search just listed, so a cached card
 * never reveals an epic Jira hides from them; like the roll-ups, it may lag Jira by one load.
 */
import { kvs } from '@forge/kvs';
import type { TimelineSprint } from '../../domain/delivery';
import type { JiraBoard } from '../jira/agile';
import type { LinkedJiraEpic } from '../jira/epic-links';
import { inBatches, mapWithConcurrency } from '../concurrency';
import { queryPageSize } from './entities';
import { kindOf, placeOf } from './record-places';

export const projectCacheEntityNames = { shape: 'project-shape', card: placeOf('epic-card', '').entityName } as const;
const cardKey = (epicId: string): string => placeOf('epic-card', epicId).key;

export interface ProjectShape {
  projectId: string;
  epicTypeIds: string[];
  boards: JiraBoard[];
  sprints: TimelineSprint[];
  /** When types, boards and sprints were read. */
  shapeAt: string;
  /** The roll-up sync the cards are in step with (`LoadedRollups.sync.syncedAt`), if any. */
  cardsSyncedAt?: string;
  /** When every card was last read from Jira in one full epic search. */
  cardsFullAt?: string;
}

interface CardValue extends Omit<LinkedJiraEpic, 'statusCategoryKey' | 'projectId' | 'issueTypeId' | 'updated'> {
  projectId: string;
  statusCategoryKey?: string;
  issueTypeId?: string;
  updated?: string;
}

const shapes = () => kvs.entity<ProjectShape>(projectCacheEntityNames.shape);
const cards = () => kvs.entity<CardValue>(projectCacheEntityNames.card);

export async function readProjectShape(projectId: string): Promise<ProjectShape | undefined> {
  return shapes().get(projectId);
}

export async function writeProjectShape(shape: ProjectShape): Promise<void> {
  await shapes().set(shape.projectId, shape);
}

/** Every cached card of the project, by epic id. */
export async function readEpicCards(projectId: string): Promise<Map<string, LinkedJiraEpic>> {
  const found = new Map<string, LinkedJiraEpic>();
  let cursor: string | undefined;
  do {
    let query = cards().query().index('by-project', { partition: [projectId] }).limit(queryPageSize);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const row of page.results) {
      const epicId = kindOf(projectCacheEntityNames.card, row.key).key;
      found.set(epicId, fromValue(epicId, row.value));
    }
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

/** Stores cards (last writer wins: a card is a copy of Jira, never edited here) and drops others. */
export async function writeEpicCards(projectId: string, changes: { put: readonly LinkedJiraEpic[]; remove?: readonly string[] }): Promise<void> {
  await mapWithConcurrency(inBatches(changes.put, 25), 4, (batch) =>
    kvs.batchSet(batch.map((epic) => ({ key: cardKey(epic.id), entityName: projectCacheEntityNames.card, value: toValue(projectId, epic) }))),
  );
  await mapWithConcurrency(inBatches(changes.remove ?? [], 25), 4, (batch) =>
    kvs.batchDelete(batch.map((epicId) => ({ key: cardKey(epicId), entityName: projectCacheEntityNames.card }))),
  );
}

function toValue(projectId: string, epic: LinkedJiraEpic): CardValue {
  return {
    id: epic.id,
    key: epic.key,
    summary: epic.summary,
    statusName: epic.statusName,
    links: epic.links,
    projectId: epic.projectId ?? projectId,
    ...(epic.statusCategoryKey ? { statusCategoryKey: epic.statusCategoryKey } : {}),
    ...(epic.issueTypeId ? { issueTypeId: epic.issueTypeId } : {}),
    ...(epic.updated ? { updated: epic.updated } : {}),
    ...(epic.blocks ? { blocks: epic.blocks } : {}),
    ...(epic.blockedBy ? { blockedBy: epic.blockedBy } : {}),
  };
}

function fromValue(id: string, value: CardValue): LinkedJiraEpic {
  return {
    id,
    key: value.key,
    summary: value.summary,
    statusName: value.statusName,
    statusCategoryKey: value.statusCategoryKey,
    projectId: value.projectId,
    issueTypeId: value.issueTypeId,
    links: value.links,
    updated: value.updated,
    ...(value.blocks ? { blocks: value.blocks } : {}),
    ...(value.blockedBy ? { blockedBy: value.blockedBy } : {}),
  };
}

/**
 * The app just wrote an epic's links: its cached card follows, because Jira does not move an
 * issue's `updated` for a property write, so the next delta search would not bring the change.
 */
export async function rememberEpicLinks(epicId: string, links: LinkedJiraEpic['links']): Promise<void> {
  const card = await cards().get(cardKey(epicId));
  if (card) await cards().set(cardKey(epicId), { ...card, links });
}

/**
 * Forgets the cached types, boards and sprints of every project whose boards include `boardId`,
 * so the next load reads them again. Few projects have a shape record (one per project that opened
 * the roadmap), so this reads them all through the `by-read` index.
 */
export async function forgetShapesWithBoard(boardId: number): Promise<string[]> {
  const forgotten: string[] = [];
  let cursor: string | undefined;
  do {
    let query = shapes().query().index('by-read').limit(queryPageSize);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const row of page.results) {
      if (!row.value.boards.some((board) => board.id === boardId)) continue;
      await shapes().set(row.key, { ...row.value, shapeAt: new Date(0).toISOString() });
      forgotten.push(row.key);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return forgotten;
}
