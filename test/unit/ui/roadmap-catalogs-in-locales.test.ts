/**
 * Issue 12, parts 1-2: the roadmap, timeline, releases, create-epic, evidence and feed catalogs are
 * said in the reader's language (the locale file Forge serves, as static/shared/i18n.ts loads it),
 * with the locale's plural rules, number grouping and list form, and read when shown. English, the
 * bundled fallback, says what it said before the texts moved to JSON.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { messages } from '../../../static/shared/messages';
import { createEpic, finding } from '../../../static/shared/messages/create-epic';
import { evidence } from '../../../static/shared/messages/evidence';
import { feed } from '../../../static/shared/messages/feed';
import { releases } from '../../../static/shared/messages/releases';
import { setLoadedTexts } from '../../../static/shared/messages/runtime';

const localeFile = (locale: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../locales/${locale}.json`, import.meta.url)), 'utf8')) as never;
const speak = (locale: string) => setLoadedTexts({ locale, texts: localeFile(locale) });
const { roadmap, timeline } = messages;

afterEach(() => setLoadedTexts(undefined));

test('English says what it said before the catalogs moved to JSON', () => {
  expect(roadmap.epicCount(0)).toBe('No epics');
  expect(roadmap.epicCount(1)).toBe('1 epic');
  expect(roadmap.epicCount(12)).toBe('12 epics');
  expect(roadmap.dates('3 Mar', '30 Jun')).toBe('3 Mar – 30 Jun');
  expect(roadmap.dates(undefined, '30 Jun')).toBe('Until 30 Jun');
  expect(roadmap.dates(undefined, undefined)).toBe('');
  expect(roadmap.atRiskDetail(1)).toBe('Forecast finishes 1 day after the end date.');
  expect(roadmap.atRiskDetail(undefined)).toBe('Forecast finishes after the end date.');
  expect(roadmap.progressLabel('pts', 8, 3, 10)).toBe('8 pts done, 3 in progress, 10 to do');
  expect(roadmap.confirmDeleteBody(0)).toBe('This can’t be undone.');
  expect(roadmap.confirmDeleteBody(2)).toBe('It will be unlinked from 2 epics. The epics stay in Jira. This can’t be undone.');
  expect(roadmap.lanesTheirs('')).toBe('Their lanes: none');
  expect(roadmap.filterCount(1, 1)).toBe('1 of 1 items');
  expect(roadmap.status['in-progress']).toBe('In progress');
  expect(timeline.help(1)).toContain('move it by 1 day,');
  expect(timeline.releasesUndated(2)).toBe('2 releases without a release date not shown.');
  expect(releases.releaseIssues(0, 1)).toBe('all 1 issue done');
  expect(releases.releaseIssues(2, 5)).toBe('2 of 5 issues open');
  expect(releases.blockLink('SHOP-1', 'SHOP-2')).toBe(`SHOP-1 ${releases.blocks} SHOP-2`);
  expect(finding.matrixCount(25, 30)).toBe('25 of 30 epics');
  expect(finding.collapsedCount(1)).toBe('1 item hidden');
  expect(evidence.requests(1)).toBe('1 request');
  expect(evidence.cardLabel([evidence.requests(38), evidence.notes(5)])).toBe('Evidence: 38 requests and 5 notes');
  expect(evidence.addedKind('issue')).toBe(evidence.added('issue'));
  expect(evidence.noteName('x'.repeat(41))).toBe(`note “${'x'.repeat(40)}…”`);
  expect(feed.shown(1)).toBe('1 change shown');
  expect(feed.sentence({ kind: 'epic-linked', targetKind: 'item', title: 'Checkout', epics: 1 })).toBe('linked 1 epic to Checkout');
  expect(feed.sentence({ kind: 'check-in', targetKind: 'goal', title: 'Faster checkout', status: 'at-risk', text: '' })).toBe('posted a check-in on Faster checkout: at risk');
  expect(feed.changedFields(['productName', 'vision'])).toBe('Changed: product name and vision');
});

test('de-DE: German words, German plurals, grouping and list form', () => {
  speak('de-DE');
  expect(roadmap.heading).toBe('Roadmap');
  expect(roadmap.layouts.horizons).toBe('Jetzt / Als Nächstes / Später');
  expect(roadmap.epicCount(0)).toBe('Keine Epics');
  expect(roadmap.epicCount(1)).toBe('1 Epic');
  expect(roadmap.issuesDone(3, 1200)).toBe('3 von 1.200 Vorgängen erledigt');
  expect(roadmap.pointsDone(18.4, 24)).toBe('18,4 von 24 Story-Points erledigt');
  expect(roadmap.filterCount(1, 1)).toBe('1 von 1 Element');
  expect(timeline.zooms.quarters).toBe('Nach Quartal');
  expect(timeline.lane('Checkout', 2)).toBe('Checkout: 2 Elemente');
  expect(releases.releaseState.overdue).toBe('Überfällig');
  expect(releases.releaseIssues(0, 1)).toBe('1 Vorgang erledigt');
  expect(createEpic.openLabel('Wallet')).toBe('Epic erstellen: in Jira für „Wallet“');
  expect(createEpic.openLabel('Wallet').startsWith(createEpic.open)).toBe(true);
  expect(evidence.requests(1)).toBe('1 Anfrage');
  expect(evidence.cardLabel([evidence.requests(12_400), evidence.notes(5)])).toBe('Nachweise: 12.400 Anfragen und 5 Notizen');
  expect(evidence.addedKind('note')).toBe('Notiz hinzugefügt.');
  expect(feed.tab).toBe('Was sich geändert hat');
  expect(feed.sentence({ kind: 'item-moved-horizon', title: 'Wallet', from: 'now', to: 'later' })).toBe('hat Wallet verschoben: Jetzt → Später');
  expect(feed.sentence({ kind: 'kpi-health-changed', title: 'Conversion', from: 'on-track', to: 'at-risk' })).toBe('KPI Conversion ist jetzt gefährdet (vorher im Plan)');
  expect(feed.changedFields(['productName', 'vision', 'needs'])).toBe('Geändert: Produktname, Vision und Bedürfnisse');
});

test('ja-JP: Japanese words, one plural form, Japanese list form', () => {
  speak('ja-JP');
  expect(roadmap.heading).toBe('ロードマップ');
  expect(roadmap.horizons.later).toBe('今後');
  expect(roadmap.epicCount(0)).toBe('エピックなし');
  expect(roadmap.epicCount(1)).toBe('1 件のエピック');
  expect(roadmap.epicCount(2)).toBe('2 件のエピック');
  expect(roadmap.sprintsBacklog(1)).toBe('バックログに 1 件の課題');
  expect(timeline.releaseState.released).toBe('リリース済み');
  expect(releases.blockLink('SHOP-1', 'SHOP-2')).toBe('SHOP-1 が SHOP-2 をブロック');
  expect(finding.matrixCount(3, 30)).toBe('30 件中 3 件のエピック');
  expect(evidence.cardLabel([evidence.requests(38), evidence.notes(5)])).toBe('エビデンス: 38 件のリクエスト、5 件のメモ');
  expect(feed.sentence({ kind: 'goal-added', title: 'Faster checkout', status: 'on-track' })).toBe('目標 Faster checkout を追加しました');
  expect(feed.changedFields(['vision', 'needs'])).toBe('変更: ビジョン、ニーズ');
});

test('texts are read when shown: a catalog object taken before the locale loads speaks the locale after', () => {
  const layouts = roadmap.layouts;
  const state = releases.releaseState;
  speak('de-DE');
  expect(layouts.gantt).toBe('Zeitachse');
  expect(state.released).toBe('Veröffentlicht');
  expect(Object.values(evidence.kinds)).toEqual(['Notiz', 'Vorgang', 'Gespeicherte Suche']);
});
