import { statusCategoryFromJira } from '../../../src/domain/status-category';

describe('statusCategoryFromJira', () => {
  test.each([
    ['new', 'todo'],
    ['indeterminate', 'in-progress'],
    ['done', 'done'],
    ['undefined', 'todo'],
    [undefined, 'todo'],
    ['a-category-jira-adds-later', 'todo'],
  ])('maps %p to %p', (key, expected) => {
    expect(statusCategoryFromJira(key)).toBe(expected);
  });
});
