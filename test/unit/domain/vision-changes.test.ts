import { changedVisionFields, continuesSitting, sittingMinutes } from '../../../src/domain/vision-changes';
import type { SavedVersion } from '../../../src/domain/vision-changes';
import { activitySortKey, excerpt, isActivityCursor } from '../../../src/domain/activity';

const board = { productName: 'Thrive', vision: 'Fast checkout', targetGroup: '', needs: '', product: '', businessGoals: '' };

describe('fields a version changed', () => {
  test.each<[string, typeof board | undefined, typeof board, string[]]>([
    ['a first version: every filled field', undefined, board, ['productName', 'vision']],
    ['one field', board, { ...board, needs: 'Trust' }, ['needs']],
    ['several, in board order', board, { ...board, businessGoals: 'Grow', productName: 'Thrive 2' }, ['productName', 'businessGoals']],
    ['nothing', board, { ...board }, []],
  ])('%s', (_name, before, after, fields) => {
    expect(changedVisionFields(before, after)).toEqual(fields);
  });
});

describe('one sitting', () => {
  const at = '2026-12-07T10:00:00.000Z';
  const latest: SavedVersion = { version: 4, savedAt: at, savedBy: 'maya' };
  const later = (minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();
  test.each<[string, SavedVersion | undefined, string, string, boolean, boolean]>([
    ['the same person a minute later continues it', latest, 'maya', later(1), false, true],
    ['exactly at the window’s end still does', latest, 'maya', later(sittingMinutes), false, true],
    ['past the window starts a new version', latest, 'maya', later(sittingMinutes + 1), false, false],
    ['someone else starts a new version', latest, 'lukas', later(1), false, false],
    ['a restore is always its own version', latest, 'maya', later(1), true, false],
    ['a save after a restore does not swallow the restore', { ...latest, restoredFrom: 2 }, 'maya', later(1), false, false],
    ['version 1 is kept (the board’s first)', { ...latest, version: 1 }, 'maya', later(1), false, false],
    ['no version yet', undefined, 'maya', later(1), false, false],
    ['a clock running backwards does not merge', latest, 'maya', later(-1), false, false],
  ])('%s', (_name, saved, author, now, restoring, expected) => {
    expect(continuesSitting(saved, author, now, restoring)).toBe(expected);
  });
});

describe('feed cursors and excerpts', () => {
  test('a cursor is an instant and a key', () => {
    expect(isActivityCursor(activitySortKey('2026-12-07T10:00:00.000Z', 'act-1b2c'))).toBe(true);
    for (const bad of ['', 'x', '2026-12-07#act', '2026-12-07T10:00:00.000Z#', '2026-12-07T10:00:00.000Z#a b', `2026-12-07T10:00:00.000Z#${'a'.repeat(121)}`]) {
      expect(isActivityCursor(bad)).toBe(false);
    }
  });
  test.each<[string, string, number, string]>([
    ['short text as it is, whitespace folded', 'At  risk:\nvendor late', 280, 'At risk: vendor late'],
    ['cut at a word near the end', 'one two three four five', 12, 'one two…'],
    ['no space near: cut mid-word', 'abcdefghijklmnopqrstuvwxyz', 10, 'abcdefghi…'],
    ['CJK text without spaces', '让顾客更快结账让顾客更快结账', 6, '让顾客更快…'],
  ])('%s', (_name, text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected);
  });
});
