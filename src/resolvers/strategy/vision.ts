/** The vision board: save, and its history (list, open, restore). */
import type { VisionView, VisionVersionSummary } from '../../contract';
import type { VisionBoard } from '../../domain/strategy';
import { appendVisionVersion, currentVision, visionVersion, visionVersions } from '../../adapters/storage/vision-store';
import type { ProductAccess } from '../authorize';
import type { JiraClient } from '../../adapters/jira/client';
import { ok } from '../results';
import { editorCall, viewerCall, viewerRead } from '../calls';
import { nowIso } from '../../adapters/clock';
import { conflictWith, notFound } from '../failures';
import { namePeople } from '../people';
import { visionView } from './views';

export const saveVision = editorCall('saveVision', ({ jira, access, payload }) =>
  saveBoard({ jira, access, board: payload.board, baseVersion: payload.baseVersion }),
);

/** Newest first. */
export const listVisionVersions = viewerRead(async ({ projectId }) => {
  const versions = await visionVersions(projectId);
  return ok(
    versions.map(
      (record): VisionVersionSummary => ({ version: record.version, saved: { at: record.savedAt, by: record.savedBy }, vision: record.board.vision }),
    ),
  );
});

export const getVisionVersion = viewerCall('getVisionVersion', async ({ projectId, payload }) => {
  const record = await visionVersion(projectId, payload.version);
  return record ? ok(visionView(record)) : notFound('version of the vision');
});

/** Restoring saves the old board as a new version: history only ever grows. */
export const restoreVisionVersion = editorCall('restoreVisionVersion', async ({ jira, access, projectId, payload }) => {
  const earlier = await visionVersion(projectId, payload.version);
  if (!earlier) return notFound('version of the vision');
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
  const current = await currentVision(projectId);
  if ((current?.version ?? 0) !== options.baseVersion) return conflictWith<VisionView>(visionView(current), 'vision');
  const people = await namePeople(options.jira, [options.access.accountId]);
  const { outcome, record } = await appendVisionVersion({
    projectId,
    baseVersion: options.baseVersion,
    board: options.board,
    savedAt: nowIso(),
    savedBy: people.ref(options.access.accountId),
    ...(options.restoredFrom === undefined ? {} : { restoredFrom: options.restoredFrom }),
  });
  if (outcome === 'conflict') return conflictWith<VisionView>(visionView(await currentVision(projectId)), 'vision');
  return ok(visionView(record));
}
