/**
 * The priority score's sentence in German and Japanese: the catalog's words (loaded as Forge serves
 * locales/<locale>.json), Intl's numbers, percent signs and lists in the reader's locale.
 */
import { readFileSync } from 'node:fs';
import { scoreItem } from '../../../src/domain/scoring';
import { setFormatLocale } from '../../../static/shared/format';
import { setLoadedTexts } from '../../../static/shared/messages/runtime';
import { scoreSentence } from '../../../static/shared/messages/score-explanation';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const readIn = (locale: string) => {
  setLoadedTexts({ locale, texts: JSON.parse(readFileSync(new URL(`../../../locales/${locale}.json`, import.meta.url), 'utf8')) as never });
  setFormatLocale({ locale });
};
afterEach(() => {
  setLoadedTexts(undefined);
  setFormatLocale({});
});

const live = { source: 'live' } as const;
const rice = scoreItem('rice', { reach: live, impact: 2, confidence: 80, effort: live }, { evidence: { count: 1380, label: 'support requests' }, remainingPoints: 14.5 });
const missing = scoreItem('rice', { impact: 1 }, {});
const oneMissing = scoreItem('value-effort', { effort: live }, { remainingPoints: 2 });
const noEffort = scoreItem('value-effort', { value: 3, effort: live }, { remainingPoints: 0 });

test.each([
  [
    'en-US',
    'RICE 152: reach 1,380 (support requests) × impact 2 × 80% ÷ effort 14.5 pts remaining',
    'No RICE score yet: reach, confidence, and effort are missing.',
    'No Value ÷ effort score yet: value is missing.',
    'No Value ÷ effort score: value 3 ÷ effort 0 pts remaining, and nothing divides by 0 effort.',
    'This product scores nothing yet.',
  ],
  [
    'de-DE',
    'RICE 152: Reichweite 1.380 (support requests) × Wirkung 2 × 80 % ÷ verbleibender Aufwand 14,5 Story-Points',
    'Noch keine RICE-Bewertung: Reichweite, Zuversicht und Aufwand fehlen.',
    'Noch keine Wert ÷ Aufwand-Bewertung: Wert fehlt.',
    'Keine Wert ÷ Aufwand-Bewertung: Wert 3 ÷ verbleibender Aufwand 0 Story-Points; durch einen Aufwand von 0 lässt sich nicht teilen.',
    'Dieses Produkt vergibt noch keine Bewertungen.',
  ],
  [
    'ja-JP',
    'RICE 152: リーチ 1,380（support requests） × インパクト 2 × 80% ÷ 残りの工数 14.5 ポイント',
    'RICE スコアはまだありません。未入力: リーチ、確信度、工数',
    '価値 ÷ 工数 スコアはまだありません。未入力: 価値',
    '価値 ÷ 工数 スコアはありません: 価値 3 ÷ 残りの工数 0 ポイント。工数が 0 のため計算できません。',
    'このプロダクトではまだスコアを付けていません。',
  ],
])('%s', (locale, scored, missingMany, missingOne, zeroEffort, off) => {
  readIn(locale);
  expect(plain(scoreSentence(rice))).toBe(scored);
  expect(scoreSentence(missing)).toBe(missingMany);
  expect(scoreSentence(oneMissing)).toBe(missingOne);
  expect(scoreSentence(noEffort)).toBe(zeroEffort);
  expect(scoreSentence({ kind: 'off' })).toBe(off);
});
