/**
 * Issue 12, parts 1-2: the admin page, gadgets, portfolio and the product page's shared texts are
 * said in the reader's language (the locale file Forge serves, as static/shared/i18n.ts loads it),
 * with the locale's own plural rules and number grouping, and read when shown (never frozen in
 * English at module load). English, the bundled fallback, says exactly what it said before.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportedKinds } from '../../../src/validation/import-format';
import { formatList } from '../../../static/shared/list-format';
import { errorTitleOf, messages } from '../../../static/shared/messages';
import { admin } from '../../../static/shared/messages/admin';
import { adminSignIn } from '../../../static/shared/messages/admin-sign-in';
import { common } from '../../../static/shared/messages/common';
import { crawl } from '../../../static/shared/messages/crawl';
import { gadgets } from '../../../static/shared/messages/gadgets';
import { kpiProgress } from '../../../static/shared/messages/kpi-progress';
import { linkSync } from '../../../static/shared/messages/link-sync';
import { portfolio } from '../../../static/shared/messages/portfolio';
import { setLoadedTexts } from '../../../static/shared/messages/runtime';
import { vision } from '../../../static/shared/messages/vision';

const localeFile = (locale: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../locales/${locale}.json`, import.meta.url)), 'utf8')) as never;
const speak = (locale: string) => setLoadedTexts({ locale, texts: localeFile(locale) });

afterEach(() => setLoadedTexts(undefined));

test('English says what it said before the catalogs moved to JSON', () => {
  expect(admin.import.epicLinks(2, 0, 0)).toBe('Epic links: 2 epics updated in Jira as you.');
  expect(admin.import.epicLinks(1, 3, 1)).toBe(
    'Epic links: 1 epic updated in Jira as you; 3 more are being updated by the app in the background; Jira did not let you edit 1 epic, which the app will try as itself. Until then those epics show “Syncing to Jira”.',
  );
  expect(admin.unfinishedImport('7 Dec 2026, 19:42', 1)).toContain('1 record still holds imported values.');
  expect(admin.linkIndex.project('THR', 1, 0, 18)).toBe('THR: 1 linked epic checked, 0 updated, 18 cached roll-ups dropped.');
  expect(admin.linkIndex.epic('THR-1', '', 'Faster checkout')).toBe('THR-1: goals none → Faster checkout');
  expect(admin.storyPoints.effective(admin.storyPoints.field('Story Points', 'customfield_10028'), 'board')).toBe(
    'Story Points (customfield_10028), the field its board estimates with.',
  );
  expect(admin.editRule.saved('issue-editors')).toBe('Saved: everyone who can edit issues may edit products.');
  expect(gadgets.unalignedCount(0)).toBe('Every open epic serves a goal.');
  expect(gadgets.unalignedCount(1)).toBe('1 open epic serves no goal.');
  expect(gadgets.edit.refreshEvery(60)).toBe('Every hour');
  expect(gadgets.edit.refreshEvery(15)).toBe('Every 15 minutes');
  expect(gadgets.progress(0, 0)).toBe('No child issues');
  expect(portfolio.roadmapHeadingCount(1)).toBe('Roadmap · 1 item');
  expect(portfolio.kpiWithHealth('Conversion', 'on-track')).toBe('Conversion: on track');
  expect(vision.editField(vision.fields.targetGroup)).toBe('Edit target group');
  expect(crawl.countingWork(12_400, 20_000)).toBe('Counting work: 12,400 of 20,000 issues');
  expect(messages.sprintDates('1 Dec', undefined)).toBe('From 1 Dec');
  expect(errorTitleOf('rate-limited')).toBe('Jira is busy');
  expect(errorTitleOf('no-such-code')).toBe('Something went wrong');
});

test('every kind of record an export holds has a name in the import summary', () => {
  expect(exportedKinds.filter((kind) => admin.import.kinds[kind] === undefined)).toEqual([]);
});

test('de-DE: the admin page, gadgets, portfolio and shared texts are German, counts grouped and pluralised the German way', () => {
  speak('de-DE');
  expect(admin.title).toBe('Throughline-Einstellungen');
  expect(adminSignIn.title).toBe('Melden Sie sich an, um diese Einstellungen zu öffnen');
  expect(admin.import.operations(1)).toBe('1 Schreibvorgang im Speicher.');
  expect(admin.import.operations(1200)).toBe('1.200 Schreibvorgänge im Speicher.');
  expect(admin.import.kinds['roadmap-item']).toBe('Roadmap-Elemente');
  expect(admin.linkIndex.epic('THR-1', '', 'Faster checkout')).toBe('THR-1: Ziele keine → Faster checkout');
  expect(gadgets.unalignedCount(13)).toBe('13 offene Epics dienen keinem Ziel.');
  expect(gadgets.health['at-risk']).toBe('Gefährdet');
  expect(gadgets.edit.refreshEvery(1)).toBe('Jede Minute');
  expect(portfolio.kpiWithHealth('Conversion', 'off-track')).toBe('Conversion: nicht im Plan');
  expect(portfolio.horizon.next).toBe('Als Nächstes');
  expect(common.tabs.goals).toBe('Ziele & KPIs');
  expect(vision.editField(vision.fields.needs)).toBe('Bedürfnisse bearbeiten');
  expect({ ...vision.example }.productName).toBe('Harbourline Tracker');
  expect(crawl.countingWork(12_400, 20_000)).toBe('Arbeit wird gezählt: 12.400 von 20.000 Vorgängen');
  expect(kpiProgress.towards('40 %')).toBe('40 % des Wegs vom Ausgangswert zum Zielwert');
  expect(linkSync.pending).toBe('Jira-Sync läuft');
  expect(messages.loading).toBe('Produkt wird geladen…');
  expect(messages.sprintState.closed).toBe('Abgeschlossen');
  expect(errorTitleOf('forbidden')).toBe('Sie haben keinen Zugriff auf dieses Produkt');
  expect(errorTitleOf('jira-unavailable')).toBe('Jira antwortet nicht');
});

test('ja-JP: the same texts in Japanese, with one plural form', () => {
  speak('ja-JP');
  expect(admin.import.applied(1)).toBe('インポートしました。ストレージへの書き込み 1 件を適用しました。');
  expect(gadgets.unalignedCount(0)).toBe('未完了のエピックはすべて目標に紐付いています。');
  expect(gadgets.unalignedCount(2)).toBe('未完了のエピック 2 件が目標に紐付いていません。');
  expect(portfolio.roadmapHeadingCount(1)).toBe('ロードマップ · 1 項目');
  expect(portfolio.goalStatus['at-risk']).toBe('リスクあり');
  expect(common.save).toBe('保存');
  expect(vision.editField(vision.fields.vision)).toBe('ビジョンを編集');
  expect(messages.common.tabs.roadmap).toBe('ロードマップ');
  expect(errorTitleOf('unexpected')).toBe('問題が発生しました');
});

test('texts are read when shown: the same objects say English again once the locale is gone', () => {
  speak('de-DE');
  const { tabs } = common;
  expect(tabs.vision).toBe('Vision');
  expect(admin.save).toBe('Speichern');
  setLoadedTexts(undefined);
  expect(admin.save).toBe('Save');
  expect(messages.retry).toBe('Try again');
  expect(portfolio.health['no-data']).toBe('No data');
});

test('a list inside a sentence is joined the way the sentence’s language joins lists', () => {
  expect(formatList(['THR', 'MOB', 'OPS'])).toBe('THR, MOB, and OPS');
  speak('de-DE');
  expect(admin.boards.kanban(formatList(['THR support', 'OPS flow']))).toBe('Kanban-Boards haben keine Sprints: THR support und OPS flow.');
  speak('ja-JP');
  expect(admin.linkIndex.refused(formatList(['THR-1', 'THR-2', 'THR-3']))).toBe('Jira が THR-1、THR-2、THR-3 の変更を拒否しました。');
  expect(formatList([])).toBe('');
});

test('sentences shown as one paragraph are spaced as the language spaces them', () => {
  expect(common.sentences(common.conflictNoStamp, false, common.conflictYours)).toBe('A newer version was saved while you were editing. Your draft is kept below.');
  speak('ja-JP');
  expect(common.sentences(common.conflictNoStamp, common.conflictYours)).toBe('編集中に新しいバージョンが保存されました。あなたの下書きは下に残っています。');
});
