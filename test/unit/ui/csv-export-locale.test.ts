/**
 * Issue 12, part 7: the CSV exports' headers, labels and file names follow the reader's language;
 * their data stays locale-neutral (ISO days and instants, dot decimals, no grouping), so the same
 * file imports alike in a German and a Japanese spreadsheet.
 */
import { readFileSync } from 'node:fs';
import type { AlignmentView } from '../../../src/contract';
import { alignmentCsv, roadmapCsv } from '../../../static/product/src/alignment/exports';
import { setFormatLocale } from '../../../static/shared/format';
import { exportTexts } from '../../../static/shared/messages/export';
import { setLoadedTexts } from '../../../static/shared/messages/runtime';

const localeFile = (locale: string) => JSON.parse(readFileSync(new URL(`../../../locales/${locale}.json`, import.meta.url), 'utf8')) as never;
const readIn = (locale: string) => {
  setLoadedTexts({ locale, texts: localeFile(locale) });
  setFormatLocale({ locale, timeZone: locale === 'ja-JP' ? 'Asia/Tokyo' : 'Europe/Berlin' });
};
afterEach(() => {
  setLoadedTexts(undefined);
  setFormatLocale({});
});

const view: AlignmentView = {
  project: { id: '10000', key: 'THR' },
  viewer: { canEdit: true, canLink: true },
  goals: [{ id: 'g1', title: 'Faster checkout', status: 'on-track' }],
  epics: [
    {
      id: '1', key: 'THR-1', summary: 'One-tap payment', status: { name: 'In Progress', category: 'in-progress' },
      goals: [{ goalId: 'g1', via: 'direct' }], linksVersion: 1,
      updated: '2026-11-20T09:45:00.000+0100', size: { issues: 12, points: 1234.5, unestimated: 0 },
    },
  ],
  unalignedEpicIds: [],
  goalsWithoutWork: [],
  investment: [
    {
      sprintId: 7, name: 'THR Sprint 7', state: 'active', slices: [{ goalId: null, committed: { points: 18.375, issues: 3 }, completed: { points: 0.5, issues: 1 } }],
      total: { committed: { points: 18.375, issues: 3 }, completed: { points: 0.5, issues: 1 } }, unestimated: 0,
    },
  ] as AlignmentView['investment'],
  items: [{ id: 'i1', title: 'Wallets', goalId: 'g1', lane: 'Faster checkout', horizon: 'next', startDate: '2027-03-05', endDate: '2027-06-30', status: 'in-progress', epicKeys: ['THR-1'], progress: { doneIssues: 2, totalIssues: 12, donePoints: 2.5, totalPoints: 1234.5 } }],
  storyPoints: { message: '' },
  pending: [],
  today: '2026-12-07',
};

const rowsOf = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);

test.each([
  ['en-US', 'THR-alignment-2026-12-07.csv', 'THR-roadmap-2026-12-07.csv', 'Item,Goal,Lane,Horizon,Start date,End date,Status', 'Next', 'In progress'],
  ['de-DE', 'THR-Ausrichtung-2026-12-07.csv', 'THR-Roadmap-2026-12-07.csv', 'Roadmap-Element,Ziel,Bahn,Horizont,Startdatum,Enddatum,Status', 'Als Nächstes', 'In Arbeit'],
  ['ja-JP', 'THR-整合-2026-12-07.csv', 'THR-ロードマップ-2026-12-07.csv', 'ロードマップ項目,目標,スイムレーン,ホライズン,開始日,終了日,ステータス', '次', '進行中'],
])('%s: file names and headers in the reader’s language, data as ISO days and dot decimals', (locale, alignmentFile, roadmapFile, header, horizon, status) => {
  readIn(locale);
  expect(exportTexts.alignmentFile(view.project.key, view.today)).toBe(alignmentFile);
  expect(exportTexts.roadmapFile(view.project.key, view.today)).toBe(roadmapFile);
  const [roadmapHeader, item] = rowsOf(roadmapCsv(view));
  expect(roadmapHeader!.startsWith(`${header},`)).toBe(true);
  // Never "05.03.2027", "1.234,5" or "1,234.5": the same values in every locale.
  expect(item).toBe(`Wallets,Faster checkout,Faster checkout,${horizon},2027-03-05,2027-06-30,${status},THR-1,2,12,2.5,1234.5`);
  const alignment = rowsOf(alignmentCsv(view));
  expect(alignment[1]).toContain(',12,1234.5,2026-11-20T08:45:00.000Z');
  expect(alignment[2]).toContain('THR Sprint 7');
  expect(alignment[2]).toContain(',18.375,0.5,3,1');
});
