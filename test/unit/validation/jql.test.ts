import { sayCoded } from '../../../src/i18n/server-texts';
import { jqlProblem, projectScopedJql, withoutOrderBy } from '../../../src/validation/jql';

describe('KPI JQL', () => {
  test.each([
    ['a plain query', 'issuetype = Bug', 'issuetype = Bug'],
    ['a trailing ORDER BY', 'issuetype = Bug ORDER BY created DESC', 'issuetype = Bug'],
    ['order by in any case, on a new line', 'status = Done\norder   by rank', 'status = Done'],
    ['ORDER BY after a parenthesis', '(a = 1 OR b = 2)ORDER BY key', '(a = 1 OR b = 2)'],
    ['"order by" inside quotes is text', 'summary ~ "order by phone"', 'summary ~ "order by phone"'],
    ['a field named like it is left alone', 'reorder = 1', 'reorder = 1'],
  ])('%s', (_, jql, stripped) => {
    expect(withoutOrderBy(jql)).toBe(stripped);
    expect(jqlProblem(jql)).toBeUndefined();
  });

  test.each([
    ['a closing parenthesis it never opened', 'a = 1) OR (project = FIN', /never opened/],
    ['one that closes the wrapper early', 'a = 1) OR project = FIN OR (b = 2', /never opened/],
    ['an open parenthesis', 'a = 1 OR (b = 2', /open/],
    ['an unclosed double quote', 'summary ~ "x) OR (y', /double quote/],
    ['an unclosed single quote', "summary ~ 'x", /single quote/],
    ['an escaped quote that leaves the string open', 'summary ~ "x\\"', /double quote/],
    ['nothing', '  ', /Enter a JQL/],
    ['only ORDER BY', 'ORDER BY key', /ORDER BY alone/],
    ['too long', `a = ${'1'.repeat(2000)}`, /2,000 characters/],
  ])('refuses %s', (_, jql, message) => {
    // A text key for the caller's language; said outside a call, in English.
    expect(sayCoded(jqlProblem(jql) ?? '')).toMatch(message);
    expect(() => projectScopedJql('10000', jql)).toThrow();
  });

  test.each([
    ['parentheses inside quotes', 'summary ~ "(draft"', 'project = 10000 AND (summary ~ "(draft")'],
    ['an escaped quote inside quotes', 'summary ~ "say \\"hi\\" (x"', 'project = 10000 AND (summary ~ "say \\"hi\\" (x")'],
    ['nested parentheses and OR', '(a = 1 OR b = 2) AND (c = 3 OR d = 4)', 'project = 10000 AND ((a = 1 OR b = 2) AND (c = 3 OR d = 4))'],
    ['its own project clause', 'project = FIN', 'project = 10000 AND (project = FIN)'],
  ])('always limits to the project: %s', (_, jql, scoped) => {
    expect(projectScopedJql('10000', jql)).toBe(scoped);
  });

  test('refuses a project id that is not a number (a bug: ids come from Forge)', () => {
    expect(() => projectScopedJql('THR', 'a = 1')).toThrow();
  });
});
