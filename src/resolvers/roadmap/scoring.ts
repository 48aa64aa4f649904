/** The product's scoring method: editors choose RICE, value ÷ effort or none. */
import type { ScoringSetting } from '../../contract';
import { nowIso } from '../../adapters/clock';
import { saveScoring } from '../../adapters/storage/scoring-store';
import { editorCall } from '../calls';
import { ok } from '../results';
import { say } from '../../i18n/server-texts';

export const saveScoringMethod = editorCall('saveScoringMethod', async ({ access, projectId, payload }) => {
  const saved = await saveScoring({ projectId, method: payload.method, baseVersion: payload.baseVersion, by: access.accountId, now: nowIso() });
  if (saved.outcome === 'conflict') {
    return {
      ok: false as const,
      error: { code: 'conflict' as const, message: say('roadmap.scoringChanged'), current: saved.scoring },
    };
  }
  return ok<ScoringSetting>(saved.scoring);
});
