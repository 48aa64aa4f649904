/**
 * Issue 12, part 3 (leftovers): the alignment tab's figures, the Priority view's remaining points and
 * KPI values with a unit are written as the reader's locale writes numbers and percentages: German
 * "12,5 SP" and "20 %", Japanese "20%", English as before. The texts come from the locale file Forge
 * serves (static/shared/i18n.ts loads it) and the formats from the Forge context's locale, both set
 * as the app's boot sets them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatValue, setFormatLocale } from '../../../static/shared/format';
import { alignment } from '../../../static/shared/messages/alignment';
import { priority } from '../../../static/shared/messages/priority';
import { setLoadedTexts } from '../../../static/shared/messages/runtime';

const localeFile = (locale: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../locales/${locale}.json`, import.meta.url)), 'utf8')) as never;
const read = (locale: string) => {
  setLoadedTexts(locale === 'en-US' ? undefined : { locale, texts: localeFile(locale) });
  setFormatLocale({ locale });
};
// Intl separates a number from its percent sign with a no-break space (U+00A0) in German.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

afterEach(() => {
  setLoadedTexts(undefined);
  setFormatLocale({});
});

describe.each([
  {
    locale: 'de-DE',
    size: '12,5 SP · 3 Vorgänge',
    sizeUnestimated: '1.234,5 SP · 4 Vorgänge (2 nicht geschätzt)',
    figures: ['12,5', '1,5', '18,4', '1.234'],
    bar: 'Sprint 7, Zugesagt (Kein Ziel): 12,5 Story-Points',
    fromEpics: 'Aus den verbleibenden Story-Points der Epics (aktuell 18,4)',
    percent: ['20 %', '12,5 %', '1.250 %'],
    units: ['12,5 SP', '3,5 Tage', '5‰', '1.234 Nutzer'],
  },
  {
    locale: 'ja-JP',
    size: '12.5 pt · 3 件の課題',
    sizeUnestimated: '1,234.5 pt · 4 件の課題 (未見積もり 2 件)',
    figures: ['12.5', '1.5', '18.4', '1,234'],
    bar: 'Sprint 7、コミット済み (目標なし): 12.5 ストーリーポイント',
    fromEpics: 'エピックの残りポイントから (現在 18.4)',
    percent: ['20%', '12.5%', '1,250%'],
    units: ['12.5 SP', '3.5 日', '5‰', '1,234 ユーザー'],
  },
  {
    locale: 'en-US',
    size: '12.5 pts · 3 issues',
    sizeUnestimated: '1,234.5 pts · 4 issues (2 unestimated)',
    figures: ['12.5', '1.5', '18.4', '1,234'],
    bar: 'Sprint 7, Committed (No goal): 12.5 story points',
    fromEpics: 'From epics’ remaining points (18.4 now)',
    percent: ['20%', '12.5%', '1,250%'],
    units: ['12.5 SP', '3.5 days', '5‰', '1,234 users'],
  },
])('$locale', (expected) => {
  beforeEach(() => read(expected.locale));

  test('alignment sizes, table figures and bar titles in the locale’s decimals and grouping, one decimal at most', () => {
    expect(alignment.size(12.5, 3, 0)).toBe(expected.size);
    expect(alignment.size(1234.5, 4, 2)).toBe(expected.sizeUnestimated);
    // Issue counts split evenly between goals are fractions too (1.5 issues); sums of estimates are not shown as 18.375.
    expect([alignment.value(12.5), alignment.value(1.5), alignment.value(18.375), alignment.value(1234)]).toEqual(expected.figures);
    expect(alignment.barLabel('Sprint 7', 'committed', alignment.noGoalSlice, alignment.value(12.5), 'points')).toBe(expected.bar);
  });

  test('the Priority view’s remaining points from epics to one decimal', () => {
    expect(priority.fromEpics(18.375)).toBe(expected.fromEpics);
  });

  test('a KPI in % takes the locale’s percent sign and spacing; other units follow the number as words', () => {
    expect([formatValue(20, '%'), formatValue(12.5, '%'), formatValue(1250, ' % ')].map(plain)).toEqual(expected.percent);
    const words = { 'de-DE': ['Tage', 'Nutzer'], 'ja-JP': ['日', 'ユーザー'], 'en-US': ['days', 'users'] }[expected.locale]!;
    expect([formatValue(12.5, 'SP'), formatValue(3.5, words[0]!), formatValue(5, '‰'), formatValue(1234, words[1]!)]).toEqual(expected.units);
  });
});

test('German keeps its percent sign on the number’s line (a no-break space, as Intl writes it); Japanese has none', () => {
  expect(formatValue(20, '%', { locale: 'de-DE' })).toBe('20\u00a0%');
  expect(formatValue(20, '%', { locale: 'ja-JP' })).toBe('20%');
});
