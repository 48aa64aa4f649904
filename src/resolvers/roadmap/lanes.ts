/** The lane setup: goal lanes, or custom lanes (themes, teams) in the editors' order. */
import { newId } from '../../adapters/storage/ids';
import { loadLanes, saveLanes } from '../../adapters/storage/roadmap-store';
import { nowIso } from '../../adapters/clock';
import { fail, ok } from '../results';
import { editorCall } from '../strategy/calls';

export const saveLaneSetup = editorCall('saveLaneSetup', async ({ access, projectId, payload }) => {
  const current = await loadLanes(projectId);
  const known = new Set(current.lanes.map((lane) => lane.id));
  const unknown = payload.lanes.find((lane) => lane.id !== null && !known.has(lane.id));
  if (unknown) return fail('invalid', 'One of these lanes was deleted meanwhile. Reload and try again.', 'lanes');
  const lanes = payload.lanes.map((lane) => ({ id: lane.id ?? newId('lane'), name: lane.name }));
  const saved = await saveLanes({ projectId, laneMode: payload.mode, lanes, baseVersion: payload.baseVersion, updatedBy: access.accountId, updatedAt: nowIso() });
  const view = { laneMode: saved.lanes.laneMode, lanes: saved.lanes.lanes, setupVersion: saved.lanes.version };
  if (saved.outcome === 'conflict') {
    return { ok: false, error: { code: 'conflict', message: 'Someone else changed the lanes since you opened them. Their lanes are shown: apply your change again.', current: view } };
  }
  return ok(view);
});
