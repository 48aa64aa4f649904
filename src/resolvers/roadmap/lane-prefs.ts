/**
 * A person's collapsed roadmap lanes (issue 10.5: "collapsible lanes, remembered per user"). Anyone
 * who may browse the product may keep their own; the key is built from the Forge context's
 * accountId and project, never from the payload, so nobody reads or writes another person's.
 * The UI sends the whole set each time; a person's own preference needs no version: the last
 * save (their latest click) is the one that stands, and no one else writes it.
 */
import { nowIso } from '../../adapters/clock';
import { lanePrefsOf, saveLanePrefs as storeLanePrefs } from '../../adapters/storage/lane-prefs';
import { ok } from '../results';
import { viewerCall, viewerRead } from '../calls';

export const getLanePrefs = viewerRead(async ({ access, projectId }) => {
  const prefs = await lanePrefsOf(projectId, access.accountId);
  return ok({ collapsedLaneIds: prefs?.collapsedLaneIds ?? [] });
});

export const saveLanePrefs = viewerCall('saveLanePrefs', async ({ access, projectId, payload }) => {
  const collapsedLaneIds = [...new Set(payload.collapsedLaneIds)].sort();
  await storeLanePrefs(projectId, access.accountId, { collapsedLaneIds, updatedAt: nowIso() });
  return ok({ collapsedLaneIds });
});
