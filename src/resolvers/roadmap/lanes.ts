/** The lane setup: goal lanes, or custom lanes (themes, teams) in the editors' order. */
import { newId } from '../../adapters/storage/ids';
import type { RoadmapLanesRecord } from '../../adapters/storage/records';
import { loadLanes, saveLanes } from '../../adapters/storage/roadmap-store';
import { nowIso } from '../../adapters/clock';
import { fail, ok } from '../results';
import { editorCall } from '../calls';
import { say } from '../../i18n/server-texts';

export const saveLaneSetup = editorCall('saveLaneSetup', async ({ access, projectId, payload }) => {
  const current = await loadLanes(projectId);
  // A save from an older version is a conflict first: its lanes may name ones deleted since, which
  // is not the editor's mistake but the other editor's change, to be shown and applied again.
  if (current.version !== payload.baseVersion) return lanesChanged(current);
  const known = new Set(current.lanes.map((lane) => lane.id));
  const unknown = payload.lanes.find((lane) => lane.id !== null && !known.has(lane.id));
  if (unknown) return fail('invalid', say('roadmap.laneDeleted'), 'lanes');
  const lanes = payload.lanes.map((lane) => ({ id: lane.id ?? newId('lane'), name: lane.name }));
  const saved = await saveLanes({ projectId, laneMode: payload.mode, lanes, baseVersion: payload.baseVersion, updatedBy: access.accountId, updatedAt: nowIso() });
  if (saved.outcome === 'conflict') return lanesChanged(saved.lanes);
  return ok(laneView(saved.lanes));
});

const laneView = (lanes: RoadmapLanesRecord) => ({ laneMode: lanes.laneMode, lanes: lanes.lanes, setupVersion: lanes.version });

function lanesChanged(current: RoadmapLanesRecord) {
  return {
    ok: false as const,
    error: { code: 'conflict' as const, message: say('roadmap.lanesChanged'), current: laneView(current) },
  };
}
