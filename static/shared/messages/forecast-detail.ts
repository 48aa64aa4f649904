/**
 * Why an item has no forecast, in one sentence in the reader's language. The domain
 * (src/domain/forecast.ts) gives the reason and its counts as data (`ForecastGapDetail`); the
 * sentence and its plural forms are this catalog's.
 */
import type { ForecastGapDetail } from '../../../src/domain/forecast';
import english from './forecast-detail.en-US.json';
import { catalog } from './runtime';

const t = catalog('forecastDetail', english);

export function forecastGapSentence(detail: ForecastGapDetail): string {
  switch (detail.kind) {
    case 'no-estimates':
      return t('no-estimates', { children: detail.children });
    case 'all-unestimated':
      return t('all-unestimated', { remaining: detail.remaining });
    case 'too-few-closed-sprints':
      return t('too-few-closed-sprints', { closed: detail.closed, minimum: detail.minimum });
    case 'nothing-completed':
      return t('nothing-completed', { sprints: detail.sprints });
    default:
      return t(detail.kind);
  }
}
