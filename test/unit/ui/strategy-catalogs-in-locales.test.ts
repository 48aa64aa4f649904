/**
 * Issue 12, parts 1-2: goals, KPIs, check-ins, the epic panel, priority and alignment are said in
 * the reader's language (the locale file Forge serves, as static/shared/i18n.ts loads it), with the
 * locale's own plural rules, number grouping and list words, and read when shown (a group of labels
 * taken at module load follows the locale loaded later). English, the bundled fallback, says what
 * it said before the catalogs moved to JSON.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatTimeFrame } from '../../../static/shared/format';
import { alignment } from '../../../static/shared/messages/alignment';
import { checkIns } from '../../../static/shared/messages/check-ins';
import { epicPanel } from '../../../static/shared/messages/epic-panel';
import { goals } from '../../../static/shared/messages/goals';
import { kpis } from '../../../static/shared/messages/kpis';
import { priority } from '../../../static/shared/messages/priority';
import { setLoadedTexts } from '../../../static/shared/messages/runtime';

const localeFile = (locale: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../locales/${locale}.json`, import.meta.url)), 'utf8')) as never;
const speak = (locale: string) => setLoadedTexts({ locale, texts: localeFile(locale) });

afterEach(() => setLoadedTexts(undefined));

test('English says what it said before the catalogs moved to JSON', () => {
  expect(formatTimeFrame({ kind: 'quarter', quarter: 1, year: 2027 })).toBe('Q1 2027');
  expect(goals.confirmDeleteBody(0, 3)).toBe('The goal has no KPIs. This can’t be undone.');
  expect(goals.confirmDeleteBody(1, 2)).toBe('Its 1 KPI and 2 measurements will be deleted with it. This can’t be undone.');
  expect(goals.confirmDeleteBody(2, undefined)).toBe('Its 2 KPIs and all their measurements will be deleted with it. This can’t be undone.');
  expect(goals.deleted('Faster checkout', 1, 12)).toBe('Goal “Faster checkout” deleted with 1 KPI and 12 measurements.');
  expect(goals.ownerCount(1)).toBe('1 person found. Use the arrow keys to choose.');
  expect(kpis.sparklineLabel(0, '', '', '50%')).toBe('No measurements yet; target 50%.');
  expect(kpis.sparklineLabel(3, '20%', '31%', '50%')).toBe('Trend of the last 3 measurements: from 20% to 31%; target 50%.');
  expect(kpis.chartSummary('Conversion', 1, '31%', '20%', '50%', '5 Mar 2027')).toBe('Conversion: 1 measurement, latest 31%. Plan from 20% to 50% by 5 Mar 2027.');
  expect(kpis.latestOn()).toEqual(['Latest, ', '']);
  expect(checkIns.cadenceSaved('fortnightly')).toBe('Check-ins are now expected every two weeks.');
  expect(checkIns.textHelper(2000)).toBe('Plain text; links are kept. 2,000 characters left.');
  expect(checkIns.commentsPosted(['THR-1', 'THR-2', 'THR-3'])).toBe('Posted as a comment on THR-1, THR-2, and THR-3.');
  expect(epicPanel.through(['One-tap payment'])).toBe('Through “One-tap payment”');
  expect(epicPanel.itemDates(undefined, '5 Mar')).toBe('Until 5 Mar');
  expect(epicPanel.unestimatedNote(1)).toBe('1 issue has no estimate. Unestimated issues are counted above, but not in the points.');
  expect(epicPanel.errorTitle('rate-limited')).toBe('Jira is busy');
  expect(epicPanel.errorTitle('no-such-code')).toBe('Something went wrong');
  expect(priority.ownerSaved('Refunds', undefined)).toBe('“Refunds” has no owner now.');
  expect(priority.methodSaved('value-effort')).toBe('Items are now scored by Value ÷ effort.');
  expect(priority.impactScale[0.5]).toBe('0.5 – low');
  expect(priority.rank(1200)).toBe('#1200');
  expect(alignment.size(12.5, 1, 0)).toBe('12.5 pts · 1 issue');
  expect(alignment.size(3, 4, 2)).toBe('3 pts · 4 issues (2 unestimated)');
  expect(alignment.unalignedShowing(25, 40, 40)).toBe('Showing 25 of 40 epics');
  expect(alignment.chartSummary('points', 1, 2)).toBe(
    'Bar chart of story points committed and completed in 1 sprint, split into 2 slices by goal. The table below has the same figures.',
  );
  expect(alignment.barLabel('Sprint 4', 'completed', 'No goal', '3', 'issues')).toBe('Sprint 4, Completed (No goal): 3 issues');
});

test('de-DE: German words, German plurals, grouping and lists, the cadence placed where German puts it', () => {
  // Taken before the locale loads, as a module-level copy would be: it still follows the locale.
  const statusLabels = checkIns.status;
  speak('de-DE');
  expect(statusLabels['at-risk']).toBe('Gefährdet');
  expect(goals.heading).toBe('Ziele & KPIs');
  expect(formatTimeFrame({ kind: 'quarter', quarter: 1, year: 2027 })).toBe('Q1 2027');
  expect(goals.confirmDeleteBody(1, 2)).toBe('Sein KPI und 2 Messwerte werden ebenfalls gelöscht. Dies kann nicht rückgängig gemacht werden.');
  expect(goals.deleted('Schneller bezahlen', 2, 1200)).toBe('Ziel „Schneller bezahlen“ mit 2 KPIs und 1.200 Messwerten gelöscht.');
  expect(kpis.health['off-track']).toBe('Nicht im Plan');
  expect(kpis.addTo('Schneller bezahlen')).toBe('KPI hinzufügen zu „Schneller bezahlen“');
  expect(kpis.latestOn()).toEqual(['Neuester Wert vom ', '']);
  expect(checkIns.cadenceSaved('weekly')).toBe('Check-ins werden jetzt wöchentlich erwartet.');
  expect(checkIns.textHelper(2000)).toBe('Nur Text; Links bleiben erhalten. Noch 2.000 Zeichen.');
  expect(checkIns.commentsPosted(['THR-1', 'THR-2', 'THR-3'])).toBe('Als Kommentar zu THR-1, THR-2 und THR-3 veröffentlicht.');
  expect(epicPanel.through(['Ein-Klick-Zahlung', 'Gastbestellung'])).toBe('Über „Ein-Klick-Zahlung“ und „Gastbestellung“');
  expect(epicPanel.issuesDone(1, 1)).toBe('1 von 1 Vorgang erledigt');
  expect(epicPanel.errorTitle('not-found')).toBe('Dieses Epic gibt es nicht');
  expect(priority.methodSaved('rice')).toBe('Elemente werden jetzt nach RICE bewertet.');
  expect(priority.impactScale[0.5]).toBe('0,5 – gering');
  expect(alignment.unalignedShowing(1, 1, 33)).toBe('1 von 1 passenden Epic angezeigt (33 nicht zugeordnet)');
  expect(alignment.chartSummary('issues', 3, 1)).toBe(
    'Balkendiagramm der Vorgänge, zugesagt und erledigt in 3 Sprints, nach Ziel in 1 Abschnitt aufgeteilt. Die Tabelle darunter enthält dieselben Zahlen.',
  );
});

test('ja-JP: Japanese words, one plural form, 「」 quotes and the Japanese list', () => {
  speak('ja-JP');
  expect(checkIns.status['at-risk']).toBe('リスクあり');
  // One form for a quarter everywhere: the goal's time frame as the roadmap's columns say it.
  expect(formatTimeFrame({ kind: 'quarter', quarter: 3, year: 2027 })).toBe('2027年第3四半期');
  expect(goals.ownerCount(1)).toBe('1 人見つかりました。矢印キーで選択してください。');
  expect(goals.created('速い決済')).toBe('目標「速い決済」を作成しました。');
  expect(kpis.previewCount(1)).toBe('現在 1 件の課題がカウントされます。');
  expect(kpis.latestOn()).toEqual(['', '時点の最新値']);
  expect(checkIns.nextDue('2026年12月14日', 'monthly')).toBe('次回のチェックイン期限: 2026年12月14日 (毎月)。');
  expect(checkIns.commentsPosted(['THR-1', 'THR-2'])).toBe('THR-1、THR-2 にコメントとして投稿しました。');
  expect(epicPanel.through(['ワンタップ決済'])).toBe('「ワンタップ決済」経由');
  expect(epicPanel.unestimatedNote(2)).toBe('2 件の課題が未見積もりです。未見積もりの課題は上の件数には含まれますが、ポイントには含まれません。');
  expect(priority.rank(2)).toBe('2 位');
  expect(priority.scoredCount(1, 3)).toBe('3 件中 1 件をスコアリング済み');
  expect(alignment.unestimated(12)).toBe('コミット済みの 12 件の課題に見積もりがありません。');
  expect(alignment.barLabel('Sprint 4', 'committed', '目標なし', '5', 'points')).toBe('Sprint 4、コミット済み (目標なし): 5 ストーリーポイント');
});
