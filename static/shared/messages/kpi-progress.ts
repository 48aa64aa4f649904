/** A KPI's way from baseline to target, also when it moved the wrong way (issue 12, part 6). */
import english from './kpi-progress.en-US.json';
import { catalog } from './runtime';

const t = catalog('kpiProgress', english);

export const kpiProgress = {
  towards: (percent: string) => t('towards', { percent }),
  // "-50% of the way" read as nonsense: say which way it went.
  away: (percent: string) => t('away', { percent }),
};
