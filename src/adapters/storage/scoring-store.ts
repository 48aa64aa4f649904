/**
 * The product's scoring method, kept on its roadmap setup record (one per project, key = project
 * id) beside the item count. Editors' changes are checked against `scoringVersion`; the write itself
 * is conditioned on the record's `version`, which item creation and deletion also move, so a
 * scoring save that meets one of those is retried and never loses the count, nor the count the method.
 */
import type { ScoringSetting } from '../../contract';
import type { ScoringMethod } from '../../domain/scoring';
import { entities, entityNames } from './entities';
import { structuralAttempts } from './product-store';
import type { RoadmapSetupRecord } from './records';
import { commit, isAbsent, versionIs } from './writes';

export const scoringOf = (setup: RoadmapSetupRecord | undefined): ScoringSetting => ({
  method: setup?.scoringMethod ?? 'none',
  version: setup?.scoringVersion ?? 0,
});

export async function loadScoring(projectId: string): Promise<ScoringSetting> {
  return scoringOf(await entities.roadmapSetup.get(projectId));
}

export type ScoringSave = { outcome: 'committed'; scoring: ScoringSetting } | { outcome: 'conflict'; scoring: ScoringSetting };

/** Sets the method if the scoring is still at `baseVersion`; else the current scoring, as a conflict. */
export async function saveScoring(options: { projectId: string; method: ScoringMethod; baseVersion: number; by: string; now: string }): Promise<ScoringSave> {
  for (let attempt = 0; attempt < structuralAttempts; attempt += 1) {
    const stored = await entities.roadmapSetup.get(options.projectId);
    const current = scoringOf(stored);
    if (current.version !== options.baseVersion) return { outcome: 'conflict', scoring: current };
    const read: RoadmapSetupRecord = stored ?? { projectId: options.projectId, itemCount: 0, version: 0, updatedAt: options.now };
    const next: RoadmapSetupRecord = {
      ...read,
      version: read.version + 1,
      scoringMethod: options.method,
      scoringVersion: current.version + 1,
      scoringUpdatedAt: options.now,
      scoringUpdatedBy: options.by,
    };
    const outcome = await commit((transaction) =>
      transaction.set(options.projectId, next, { entityName: entityNames.roadmapSetup, conditions: read.version === 0 ? isAbsent() : versionIs(read.version) }),
    );
    if (outcome === 'committed') return { outcome, scoring: scoringOf(next) };
  }
  return { outcome: 'conflict', scoring: await loadScoring(options.projectId) };
}
