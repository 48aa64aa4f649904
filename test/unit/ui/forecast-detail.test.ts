/**
 * "No forecast" said in the reader's language: the domain gives the reason and its counts as data,
 * the forecast-detail catalog the sentence with the locale's plural forms; and the forecast's
 * points are said to one decimal ("18.4 pts assumed", never "18.375").
 */
import { readFileSync } from 'node:fs';
import { rollupOf } from '../../../src/domain/epic-rollup';
import { forecastOf } from '../../../src/domain/forecast';
import type { Forecast } from '../../../src/domain/forecast';
import { velocityOf } from '../../../src/domain/velocity';
import { setFormatLocale } from '../../../static/shared/format';
import { setLoadedTexts } from '../../../static/shared/messages/runtime';
import { forecastDetail } from '../../../static/product/src/roadmap/delivery-text';
import { cadence, done, inProgress, todo } from '../domain/delivery-builders';

const sprints = cadence({ closed: 4, future: 2 });
const today = '2026-11-02T09:00:00.000Z';
const velocity = { ok: true as const, mean: 20, median: 20, sprints: [] };

function readIn(locale: string) {
  setFormatLocale({ locale });
  setLoadedTexts(locale === 'en-US' ? undefined : { locale, texts: JSON.parse(readFileSync(new URL(`../../../locales/${locale}.json`, import.meta.url), 'utf8')) as never });
}
afterEach(() => {
  setFormatLocale({});
  setLoadedTexts(undefined);
});

const noEstimates = forecastOf({ rollup: rollupOf([todo(), done()]), velocity, sprints, today, hasEstimateField: true });
const oneUnestimated = forecastOf({ rollup: rollupOf([todo(), done(5)]), velocity, sprints, today, hasEstimateField: true });
const tooFew = forecastOf({ rollup: rollupOf([todo(3)]), velocity: velocityOf({ children: [], sprints: cadence({ closed: 1, future: 2 }) }), sprints, today, hasEstimateField: true });

test.each([
  ['en-US', 'None of the 2 child issues has story points.', 'The remaining issue has no story points.', 'Only 1 sprint has been completed; a velocity needs at least 3.'],
  ['de-DE', 'Keiner der 2 untergeordneten Vorgänge hat Story-Points.', 'Der verbleibende Vorgang hat keine Story-Points.', 'Erst 1 Sprint wurde abgeschlossen; für eine Velocity sind mindestens 3 nötig.'],
  ['ja-JP', '2 件の子課題のいずれにもストーリーポイントがありません。', '残りの 1 件の課題にストーリーポイントがありません。', '完了したスプリントは 1 件のみです。ベロシティの算出には 3 件以上が必要です。'],
])('%s: why there is no forecast, with the locale’s plural forms', (locale, none, one, few) => {
  readIn(locale);
  expect(forecastDetail(noEstimates)).toEqual([none]);
  expect(forecastDetail(oneUnestimated)).toEqual([one]);
  expect(forecastDetail(tooFew)).toEqual([few]);
});

test('a forecast from before the detail existed keeps the server’s sentence', () => {
  const cached: Forecast = { kind: 'none', reason: 'no-velocity', message: 'No velocity yet.', atRisk: false };
  expect(forecastDetail(cached)).toEqual(['No velocity yet.']);
});

test('points assumed and velocity are said to one decimal', () => {
  const forecast: Forecast = {
    kind: 'forecast', remainingPoints: 40.375, assumedPoints: 18.375, unestimatedRemaining: 3, velocity: 12.3456, basis: 'mean', sprintsOfWork: 3.3,
    finish: { sprintId: 6, name: 'Sprint 6', planned: true, offset: 1, endDate: '2026-12-14' } as never, finishDate: '2026-12-14', atRisk: false,
  };
  const lines = forecastDetail(forecast).join(' ');
  expect(lines).toContain('18.4 pts assumed');
  expect(lines).toContain('12.3 pts per sprint');
  expect(lines).not.toMatch(/18\.375|12\.345/);
});
