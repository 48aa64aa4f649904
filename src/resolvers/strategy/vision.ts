/** The vision board: save, and its history (list, open, restore). */
import type { VisionView, VisionVersionSummary } from '../../contract';
import type { VisionBoard } from '../../domain/strategy';
import { appendVisionVersion, currentVision, latestTwoVisions, visionVersion, visionVersions } from '../../adapters/storage/vision-store';
import type { ProductAccess } from '../authorize';
import type { JiraClient } from '../../adapters/jira/client';
import { ok } from '../results';
import { editorCall, viewerCall, viewerRead } from '../calls';
import { nowIso } from '../../adapters/clock';
import { conflictWith, notFound } from '../failures';
import { namePeople } from '../people';
import { visionView } from './views';
import { stageActivity, unstageActivity } from '../../adapters/storage/activity-store';
import { changedVisionFields, continuesSitting } from '../../domain/vision-changes';
import { excerpt } from '../../domain/activity';
import type { SavedVersion } from '../../domain/vision-changes';
import type { VisionVersionRecord } from '../../adapters/storage/records';
import { visionActivityKey, visionSaved } from '../feed/activities';

const sittingOf = (record: VisionVersionRecord): SavedVersion => ({
  version: record.version,
  savedAt: record.savedAt,
  savedBy: record.savedBy.accountId,
  ...(record.restoredFrom === undefined ? {} : { restoredFrom: record.restoredFrom }),
});

export const saveVision = editorCall('saveVision', ({ jira, access, payload }) =>
  saveBoard({ jira, access, board: payload.board, baseVersion: payload.baseVersion }),
);

/** Newest first. */
export const listVisionVersions = viewerRead(async ({ projectId }) => {
  const versions = await visionVersions(projectId);
  // Each entry tells its own change: what differs from the entry below it (the version before its sitting).
  return ok(
    versions.map((record, index): VisionVersionSummary => {
      const changed = changedVisionFields(versions[index + 1]?.board, record.board);
      const first = changed[0];
      return {
        version: record.version,
        saved: { at: record.savedAt, by: record.savedBy },
        vision: record.board.vision,
        changed,
        ...(first ? { excerpt: excerpt(record.board[first], 140) } : {}),
        ...(record.restoredFrom === undefined ? {} : { restoredFrom: record.restoredFrom }),
      };
    }),
  );
});

export const getVisionVersion = viewerCall('getVisionVersion', async ({ projectId, payload }) => {
  const record = await visionVersion(projectId, payload.version);
  return record ? ok(visionView(record)) : notFound('visionVersion');
});

/** Restoring saves the old board as a new version: history only ever grows. */
export const restoreVisionVersion = editorCall('restoreVisionVersion', async ({ jira, access, projectId, payload }) => {
  const earlier = await visionVersion(projectId, payload.version);
  if (!earlier) return notFound('visionVersion');
  return saveBoard({ jira, access, board: earlier.board, baseVersion: payload.baseVersion, restoredFrom: earlier.version });
});

async function saveBoard(options: {
  jira: JiraClient;
  access: ProductAccess;
  board: VisionBoard;
  baseVersion: number;
  restoredFrom?: number;
}) {
  const projectId = options.access.project.id;
  const [current, previous] = await latestTwoVisions(projectId);
  if ((current?.version ?? 0) !== options.baseVersion) return conflictWith<VisionView>(visionView(current), 'vision');
  const people = await namePeople(options.jira, [options.access.accountId]);
  const savedAt = nowIso();
  const savedBy = people.ref(options.access.accountId);
  const sitting = current !== undefined && continuesSitting(sittingOf(current), options.access.accountId, savedAt, options.restoredFrom !== undefined);
  const entry = visionSaved({
    projectId,
    version: options.baseVersion + 1,
    before: sitting ? previous?.board : current?.board,
    after: options.board,
    at: savedAt,
    by: savedBy,
    ...(options.restoredFrom === undefined ? {} : { restoredFrom: options.restoredFrom }),
  });
  const { outcome, record } = await appendVisionVersion({
    projectId,
    baseVersion: options.baseVersion,
    board: options.board,
    savedAt,
    savedBy,
    ...(options.restoredFrom === undefined ? {} : { restoredFrom: options.restoredFrom }),
    ...(sitting ? { replaces: options.baseVersion } : {}),
    alsoStage: (transaction) => {
      if (sitting) unstageActivity(transaction, visionActivityKey(projectId, options.baseVersion));
      stageActivity(transaction, entry);
    },
  });
  if (outcome === 'conflict') return conflictWith<VisionView>(visionView(await currentVision(projectId)), 'vision');
  return ok(visionView(record));
}
