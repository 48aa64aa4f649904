/**
 * Which boards supply a project's sprints (entity `settings`, key `sprint-boards.<project id>`, see
 * record-places.ts).
 * No record means the default: every board of the project that runs sprints (scrum, team-managed). An admin narrows it when a
 * project shares a board with others, or keeps a board whose sprints are not this product's.
 */
import { kvs } from '@forge/kvs';
import { placeOf } from './record-places';
import { commit, isAbsent, versionIs } from './writes';
import type { Commit } from './writes';

/** The export file's kind (format 1); stored in `settings`. */
export const sprintBoardsKind = 'sprint-boards';
const sprintBoardsEntity = placeOf(sprintBoardsKind, '').entityName;
const storedKey = (projectId: string): string => placeOf(sprintBoardsKind, projectId).key;

export interface SprintBoardsRecord {
  projectId: string;
  boardIds: number[];
  version: number;
  updatedAt: string;
  updatedBy: string;
}

const setting = () => kvs.entity<SprintBoardsRecord>(sprintBoardsEntity);

/** The stored choice (`boardIds` absent = every board that runs sprints) and its version (0 = never saved). */
export async function loadSprintBoards(projectId: string): Promise<{ boardIds?: number[]; version: number }> {
  const stored = await setting().get(storedKey(projectId));
  if (!stored) return { version: 0 };
  return Array.isArray(stored.boardIds) ? { boardIds: stored.boardIds, version: stored.version } : { version: stored.version };
}

/**
 * Saves the choice over the version the admin saw. Going back to the default keeps the record
 * (without `boardIds`), so its version keeps guarding later edits.
 */
export function saveSprintBoards(options: { projectId: string; boardIds: number[] | undefined; baseVersion: number; by: string; at: string }): Promise<Commit> {
  const value = {
    projectId: options.projectId,
    ...(options.boardIds ? { boardIds: options.boardIds } : {}),
    version: options.baseVersion + 1,
    updatedAt: options.at,
    updatedBy: options.by,
  } as SprintBoardsRecord;
  return commit((transaction) =>
    transaction.set(storedKey(options.projectId), value, {
      entityName: sprintBoardsEntity,
      conditions: options.baseVersion === 0 ? isAbsent() : versionIs(options.baseVersion),
    }),
  );
}
