/**
 * The roadmap's sprint timeline shows each sprint on the days its instants fall on for the person
 * reading it. Sites write sprint dates with offsets; a Sydney team's 09:00 start on 11 November is
 * 10 November in UTC and in Los Angeles.
 */
import type { RoadmapView } from '../../src/contract';
import { setFormatLocale } from '../../static/shared/format';
import { layoutColumns, readerTimeZone } from '../../static/product/src/roadmap/board-model';

const view: Pick<RoadmapView, 'items' | 'sprints' | 'today'> = {
  items: [],
  today: '2026-11-12',
  sprints: [
    { id: 7, name: 'THR Sprint 7', state: 'active', boardIds: [1], startDate: '2026-11-11T09:00:00.000+11:00', endDate: '2026-11-25T09:00:00.000+11:00' },
  ],
};

test.each([
  ['Australia/Sydney', '2026-11-11', '2026-11-25'],
  ['America/Los_Angeles', '2026-11-10', '2026-11-24'],
  ['UTC', '2026-11-10', '2026-11-24'],
])('a reader in %s sees the sprint from %s to %s', (zone, start, end) => {
  const [column] = layoutColumns(view as RoadmapView, 'timeline', zone);
  expect(column).toMatchObject({ startDate: start, endDate: end });
});

test('the reader’s zone is their Jira profile’s (the Forge context, set at boot), not the browser’s', () => {
  setFormatLocale({ locale: 'en-AU', timeZone: 'Australia/Sydney' });
  try {
    expect(readerTimeZone()).toBe('Australia/Sydney');
    expect(layoutColumns(view as RoadmapView, 'timeline')[0]).toMatchObject({ startDate: '2026-11-11', endDate: '2026-11-25' });
  } finally {
    setFormatLocale({});
  }
  // Before boot (or without a zone in the context): the browser's.
  expect(readerTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
});
