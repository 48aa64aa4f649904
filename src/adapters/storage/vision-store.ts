/**
 * The vision board's history: version n is stored under `<projectId>.<n>` and never changed.
 * Saving from version n creates n + 1 on condition that it does not exist yet, so of two saves
 * from the same version exactly one lands; the other is a conflict. The current board is the
 * highest version.
 *
 * A save that continues its author's sitting (src/domain/vision-changes.ts) also deletes version
 * n, on condition that n is still there, in the same transaction: the history keeps one version
 * per sitting (numbers then skip, "version 7" follows "version 4"), and the version number every
 * save sends back still only grows, so a stale editor still meets a conflict.
 */
import { Sort } from '@forge/kvs';
import type { UserRef } from '../../contract';
import type { VisionBoard } from '../../domain/strategy';
import { entities, entityNames, queryPageSize } from './entities';
import { allRows } from './paging';
import type { VisionVersionRecord } from './records';
import { commit, isAbsent, versionIs } from './writes';
import type { Commit } from './writes';

const keyOf = (projectId: string, version: number) => `${projectId}.${version}`;

export async function currentVision(projectId: string): Promise<VisionVersionRecord | undefined> {
  const newest = await entities.visionVersion.query().index('by-project', { partition: [projectId] }).sort(Sort.DESC).limit(1).getMany();
  return newest.results[0]?.value;
}

/** The current version and the one before it (what a sitting that replaces the current one changes from), in one query. */
export async function latestTwoVisions(projectId: string): Promise<[VisionVersionRecord | undefined, VisionVersionRecord | undefined]> {
  const newest = await entities.visionVersion.query().index('by-project', { partition: [projectId] }).sort(Sort.DESC).limit(2).getMany();
  return [newest.results[0]?.value, newest.results[1]?.value];
}

export async function visionVersion(projectId: string, version: number): Promise<VisionVersionRecord | undefined> {
  const record = await entities.visionVersion.get(keyOf(projectId, version));
  return record?.projectId === projectId ? record : undefined;
}

/** Every version, newest first. */
export async function visionVersions(projectId: string): Promise<VisionVersionRecord[]> {
  return allRows((cursor) => {
    const query = entities.visionVersion.query().index('by-project', { partition: [projectId] }).sort(Sort.DESC).limit(queryPageSize);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
}

export async function appendVisionVersion(options: {
  projectId: string;
  baseVersion: number;
  board: VisionBoard;
  savedAt: string;
  savedBy: UserRef;
  restoredFrom?: number;
  /** The version this save replaces (the same sitting); it must still exist. */
  replaces?: number;
  /** Writes that land with the version or not at all (the feed's entry). */
  alsoStage?: (transaction: Transaction) => void;
}): Promise<{ outcome: Commit; record: VisionVersionRecord }> {
  const record: VisionVersionRecord = {
    projectId: options.projectId,
    version: options.baseVersion + 1,
    board: options.board,
    savedAt: options.savedAt,
    savedBy: options.savedBy,
    ...(options.restoredFrom === undefined ? {} : { restoredFrom: options.restoredFrom }),
  };
  const outcome = await commit((transaction) => {
    transaction.set(keyOf(options.projectId, record.version), record, { entityName: entityNames.visionVersion, conditions: isAbsent() });
    if (options.replaces !== undefined) {
      transaction.delete(keyOf(options.projectId, options.replaces), { entityName: entityNames.visionVersion, conditions: versionIs(options.replaces) });
    }
    options.alsoStage?.(transaction);
  });
  return { outcome, record };
}

type Transaction = Parameters<Parameters<typeof commit>[0]>[0];
