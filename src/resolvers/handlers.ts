import type { Handlers } from '@forge/resolver';
import type { Defs } from '../contract';
import { applyImport, exportData, previewImport } from './admin/data';
import { rebuildLinkIndex } from './admin/link-index';
import { getAdminProjectSettings, getAdminSettings, saveEditRule, saveSprintBoards, saveStoryPointOverride } from './admin/settings';
import { getAlignment } from './alignment/alignment-view';
import { editStatusUpdate, getCheckIns, listStatusUpdates, postStatusUpdate, saveCheckInCadence } from './check-ins/check-ins';
import { getEpicContext } from './epic-panel/epic-context';
import { getGadgetOptions, getGoalHealthGadget, getRoadmapNowGadget, getUnalignedWorkGadget } from './gadgets/gadget-views';
import { setEpicLinks } from './epic-panel/set-epic-links';
import { followTarget, getFollowing, getProductFeed, unfollowTarget } from './feed/feed';
import { getProjectOverview } from './project-overview';
import { getPortfolio } from './portfolio/portfolio-view';
import { linkEpics, searchEpics } from './roadmap/epic-links';
import { createEpicFromItem } from './roadmap/create-epic';
import { getLanePrefs, saveLanePrefs } from './roadmap/lane-prefs';
import { createRoadmapItem, deleteRoadmapItem, moveRoadmapItem, updateRoadmapItem } from './roadmap/items';
import { addEvidence, countEvidenceJql, listItemEvidence, previewEvidenceJql, removeEvidence, updateEvidence } from './roadmap/evidence';
import { saveLaneSetup } from './roadmap/lanes';
import { saveScoringMethod } from './roadmap/scoring';
import { getRoadmapFirstPage, getRoadmapItems } from './roadmap/roadmap-view';
import { getRoadmapCrawl } from './roadmap/roadmap-crawl';
import { isWithinDepth } from '../validation/payloads';
import { fail, guarded } from './results';
import { callerTextsOf, say, speakingTo } from '../i18n/server-texts';
import { deleteGoal } from './strategy/goal-delete';
import { createGoal, moveGoal, updateGoal } from './strategy/goals';
import { previewKpiSource, refreshKpi } from './strategy/kpi-source';
import { createKpi, deleteKpi, getKpiHistory, updateKpi } from './strategy/kpis';
import { addMeasurement, deleteMeasurement, updateMeasurement } from './strategy/measurements';
import { getStrategy } from './strategy/strategy-view';
import { searchUsers } from './strategy/users';
import { getVisionVersion, listVisionVersions, restoreVisionVersion, saveVision } from './strategy/vision';

/** Every call of the contract, implemented. The compiler checks this object against `Defs`. */
export const handlers: Handlers<Defs> = depthBounded({
  getProjectOverview: (request) => guarded(() => getProjectOverview(request)),

  getStrategy: (request) => guarded(() => getStrategy(request)),
  saveVision: (request) => guarded(() => saveVision(request)),
  listVisionVersions: (request) => guarded(() => listVisionVersions(request)),
  getVisionVersion: (request) => guarded(() => getVisionVersion(request)),
  restoreVisionVersion: (request) => guarded(() => restoreVisionVersion(request)),

  createGoal: (request) => guarded(() => createGoal(request)),
  updateGoal: (request) => guarded(() => updateGoal(request)),
  moveGoal: (request) => guarded(() => moveGoal(request)),
  deleteGoal: (request) => guarded(() => deleteGoal(request)),

  createKpi: (request) => guarded(() => createKpi(request)),
  updateKpi: (request) => guarded(() => updateKpi(request)),
  deleteKpi: (request) => guarded(() => deleteKpi(request)),
  getKpiHistory: (request) => guarded(() => getKpiHistory(request)),
  addMeasurement: (request) => guarded(() => addMeasurement(request)),
  updateMeasurement: (request) => guarded(() => updateMeasurement(request)),
  deleteMeasurement: (request) => guarded(() => deleteMeasurement(request)),
  previewKpiSource: (request) => guarded(() => previewKpiSource(request)),
  refreshKpi: (request) => guarded(() => refreshKpi(request)),

  searchUsers: (request) => guarded(() => searchUsers(request)),

  getRoadmap: (request) => guarded(() => getRoadmapFirstPage(request)),
  getRoadmapItems: (request) => guarded(() => getRoadmapItems(request)),
  getRoadmapCrawl: (request) => guarded(() => getRoadmapCrawl(request)),
  createRoadmapItem: (request) => guarded(() => createRoadmapItem(request)),
  updateRoadmapItem: (request) => guarded(() => updateRoadmapItem(request)),
  moveRoadmapItem: (request) => guarded(() => moveRoadmapItem(request)),
  deleteRoadmapItem: (request) => guarded(() => deleteRoadmapItem(request)),
  saveLaneSetup: (request) => guarded(() => saveLaneSetup(request)),
  saveScoringMethod: (request) => guarded(() => saveScoringMethod(request)),
  listItemEvidence: (request) => guarded(() => listItemEvidence(request)),
  addEvidence: (request) => guarded(() => addEvidence(request)),
  updateEvidence: (request) => guarded(() => updateEvidence(request)),
  removeEvidence: (request) => guarded(() => removeEvidence(request)),
  previewEvidenceJql: (request) => guarded(() => previewEvidenceJql(request)),
  countEvidenceJql: (request) => guarded(() => countEvidenceJql(request)),
  searchEpics: (request) => guarded(() => searchEpics(request)),
  linkEpics: (request) => guarded(() => linkEpics(request)),
  createEpicFromItem: (request) => guarded(() => createEpicFromItem(request)),
  getLanePrefs: (request) => guarded(() => getLanePrefs(request)),
  saveLanePrefs: (request) => guarded(() => saveLanePrefs(request)),

  getEpicContext: (request) => guarded(() => getEpicContext(request)),
  setEpicLinks: (request) => guarded(() => setEpicLinks(request)),

  getAdminSettings: (request) => guarded(() => getAdminSettings(request)),
  getAdminProjectSettings: (request) => guarded(() => getAdminProjectSettings(request)),
  saveEditRule: (request) => guarded(() => saveEditRule(request)),
  saveStoryPointOverride: (request) => guarded(() => saveStoryPointOverride(request)),
  saveSprintBoards: (request) => guarded(() => saveSprintBoards(request)),
  exportData: (request) => guarded(() => exportData(request)),
  previewImport: (request) => guarded(() => previewImport(request)),
  applyImport: (request) => guarded(() => applyImport(request)),
  rebuildLinkIndex: (request) => guarded(() => rebuildLinkIndex(request)),

  getPortfolio: (request) => guarded(() => getPortfolio(request)),

  getAlignment: (request) => guarded(() => getAlignment(request)),

  getGadgetOptions: (request) => guarded(() => getGadgetOptions(request)),
  getGoalHealthGadget: (request) => guarded(() => getGoalHealthGadget(request)),
  getRoadmapNowGadget: (request) => guarded(() => getRoadmapNowGadget(request)),
  getUnalignedWorkGadget: (request) => guarded(() => getUnalignedWorkGadget(request)),

  postStatusUpdate: (request) => guarded(() => postStatusUpdate(request)),
  listStatusUpdates: (request) => guarded(() => listStatusUpdates(request)),
  editStatusUpdate: (request) => guarded(() => editStatusUpdate(request)),
  getCheckIns: (request) => guarded(() => getCheckIns(request)),
  saveCheckInCadence: (request) => guarded(() => saveCheckInCadence(request)),

  getProductFeed: (request) => guarded(() => getProductFeed(request)),
  getFollowing: (request) => guarded(() => getFollowing(request)),
  followTarget: (request) => guarded(() => followTarget(request)),
  unfollowTarget: (request) => guarded(() => unfollowTarget(request)),
});

/**
 * Every call speaks the caller's language (the Forge context's `locale` and `timezone`: see
 * src/i18n/server-texts.ts for why the scope is implicit), and a payload nested deeper than any
 * call's input is `invalid` before anything walks it: validation and the import's checks recurse,
 * and a 10,000-deep payload would overflow the stack.
 */
function depthBounded(all: Handlers<Defs>): Handlers<Defs> {
  type AnyHandler = (request: { payload: unknown; context: unknown }) => unknown;
  const bounded: Record<string, AnyHandler> = {};
  for (const [key, handler] of Object.entries(all) as Array<[string, AnyHandler]>) {
    bounded[key] = async (request) =>
      speakingTo(await callerTextsOf(request.context), async () =>
        isWithinDepth(request.payload) ? handler(request) : fail('invalid', say('results.tooDeep')),
      );
  }
  return bounded as unknown as Handlers<Defs>;
}
