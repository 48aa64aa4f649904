import type { ChildFact } from '../../../src/domain/delivery';
import type { Forecast } from '../../../src/domain/forecast';
import { itemReleases, releaseRisks, releaseState } from '../../../src/domain/releases';
import type { ItemRelease, Release } from '../../../src/domain/releases';

describe('releaseState on the viewer\'s day', () => {
  test.each<[string, Pick<Release, 'released' | 'releaseDate'>, string, string]>([
    ['released, whatever the date', { released: true, releaseDate: '2026-01-01' }, '2026-11-20', 'released'],
    ['released without a date', { released: true }, '2026-11-20', 'released'],
    ['due in the future', { released: false, releaseDate: '2026-12-18' }, '2026-11-20', 'unreleased'],
    ['due today is not overdue yet', { released: false, releaseDate: '2026-11-20' }, '2026-11-20', 'unreleased'],
    ['due yesterday', { released: false, releaseDate: '2026-11-19' }, '2026-11-20', 'overdue'],
    // 08:00 UTC on the 20th: still the 19th in Los Angeles, already the 20th in Sydney.
    ['due on the 19th, seen from Los Angeles', { released: false, releaseDate: '2026-11-19' }, '2026-11-19', 'unreleased'],
    ['due on the 19th, seen from Sydney', { released: false, releaseDate: '2026-11-19' }, '2026-11-20', 'overdue'],
    ['across a year', { released: false, releaseDate: '2026-12-31' }, '2027-01-01', 'overdue'],
    ['no release date', { released: false }, '2026-11-20', 'unreleased'],
  ])('%s', (_name, release, today, expected) => {
    expect(releaseState(release, today)).toBe(expected);
  });
});

const child = (id: string, category: ChildFact['category'], fixVersionIds?: string[]): ChildFact => ({ id, category, sprintIds: [], ...(fixVersionIds ? { fixVersionIds } : {}) });
const releases: Release[] = [
  { id: 'r23', name: '2.3', released: false, archived: false, releaseDate: '2026-11-13' },
  { id: 'r24', name: '2.4', released: false, archived: false, releaseDate: '2026-12-18' },
  { id: 'r30', name: '3.0', released: false, archived: false },
  { id: 'r21', name: '2.1', released: true, archived: false, releaseDate: '2026-09-30' },
  { id: 'r20', name: '2.0', released: true, archived: true, releaseDate: '2026-06-30' },
];

describe('itemReleases', () => {
  test('the releases its issues are in, soonest first, with open and total counts', () => {
    const children = [child('1', 'done', ['r21']), child('2', 'todo', ['r24', 'r30']), child('3', 'done', ['r24']), child('4', 'in-progress', ['r23']), child('5', 'todo')];
    expect(itemReleases(children, releases, '2026-11-20')).toEqual([
      { id: 'r21', name: '2.1', releaseDate: '2026-09-30', state: 'released', archived: false, issues: 1, openIssues: 0 },
      { id: 'r23', name: '2.3', releaseDate: '2026-11-13', state: 'overdue', archived: false, issues: 1, openIssues: 1 },
      { id: 'r24', name: '2.4', releaseDate: '2026-12-18', state: 'unreleased', archived: false, issues: 2, openIssues: 1 },
      { id: 'r30', name: '3.0', state: 'unreleased', archived: false, issues: 1, openIssues: 1 },
    ]);
  });

  test('versions the project does not list (deleted, or not the viewer\'s to see) are left out', () => {
    expect(itemReleases([child('1', 'todo', ['gone'])], releases, '2026-11-20')).toEqual([]);
    expect(itemReleases([child('1', 'todo')], releases, '2026-11-20')).toEqual([]);
  });
});

describe('releaseRisks', () => {
  const forecast = (finishDate: string): Forecast => ({
    kind: 'forecast',
    remainingPoints: 20,
    assumedPoints: 0,
    unestimatedRemaining: 0,
    velocity: 10,
    basis: 'mean',
    sprintsOfWork: 2,
    finish: { planned: true, startDate: '2026-12-01', endDate: finishDate, offset: 1 },
    finishDate,
    atRisk: false,
  });
  const release = (over: Partial<ItemRelease>): ItemRelease => ({ id: 'r24', name: '2.4', releaseDate: '2026-12-18', state: 'unreleased', archived: false, issues: 3, openIssues: 2, ...over });

  test.each<[string, Forecast, ItemRelease[], boolean, unknown[]]>([
    ['forecast passes the release date', forecast('2027-01-08'), [release({})], false, [{ releaseId: 'r24', releaseName: '2.4', releaseDate: '2026-12-18', forecastDate: '2027-01-08' }]],
    ['forecast on the release date is in time', forecast('2026-12-18'), [release({})], false, []],
    ['forecast before it', forecast('2026-12-04'), [release({})], false, []],
    ['an overdue release the work is still in', forecast('2026-12-04'), [release({ id: 'r23', name: '2.3', releaseDate: '2026-11-13', state: 'overdue' })], false, [{ releaseId: 'r23', releaseName: '2.3', releaseDate: '2026-11-13', forecastDate: '2026-12-04' }]],
    ['a released release is history', forecast('2027-01-08'), [release({ state: 'released' })], false, []],
    ['an archived release is history', forecast('2027-01-08'), [release({ archived: true })], false, []],
    ['its issues in the release are all done', forecast('2027-01-08'), [release({ openIssues: 0 })], false, []],
    ['a release without a date', forecast('2027-01-08'), [release({ releaseDate: undefined })], false, []],
    ['a settled item (done or parked)', forecast('2027-01-08'), [release({})], true, []],
    ['no dated forecast', { kind: 'none', reason: 'no-velocity', message: 'No velocity yet.', atRisk: false }, [release({})], false, []],
    ['all done', { kind: 'done', atRisk: false }, [release({})], false, []],
  ])('%s', (_name, given, itemReleasesGiven, settled, expected) => {
    const cleaned = itemReleasesGiven.map(({ releaseDate, ...rest }) => (releaseDate ? { ...rest, releaseDate } : rest));
    expect(releaseRisks(given, cleaned, settled)).toEqual(expected);
  });
});
