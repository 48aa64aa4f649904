/**
 * The scope table covers exactly the simulator's routes, so Forge's scope check can never wave a
 * request through because nobody wrote its requirement down.
 */
import { OPERATION_SCOPES, scopeSetsOf, scopesAllow } from './operation-scopes';
import { ROUTES } from './routes/index';

const operations = ROUTES.map((route) => `${route.method} ${route.template}`);

describe('OPERATION_SCOPES', () => {
  test.each(operations)('%s has a scope requirement', (operation) => {
    const sets = scopeSetsOf(operation);
    expect(sets?.length).toBeGreaterThan(0);
    for (const set of sets ?? []) expect(set.length).toBeGreaterThan(0);
  });

  test('lists no operation the simulator does not serve', () => {
    expect(Object.keys(OPERATION_SCOPES).filter((operation) => !operations.includes(operation))).toEqual([]);
  });

  test('the agile API takes granular scopes only', () => {
    const agile = Object.entries(OPERATION_SCOPES).filter(([operation]) => operation.includes('/rest/agile/'));
    expect(agile.length).toBeGreaterThan(0);
    for (const [, entry] of agile) {
      expect(entry.classic).toBeUndefined();
      expect(entry.granular?.every((scope) => scope.endsWith(':jira-software') || scope.endsWith(':jira'))).toBe(true);
    }
  });

  test('board configuration needs the board admin scope and the project scope, not the plain board scope', () => {
    const sets = scopeSetsOf('GET /rest/agile/1.0/board/{boardId}/configuration') ?? [];
    expect(sets).toEqual([['read:board-scope.admin:jira-software', 'read:project:jira']]);
    expect(scopesAllow(['read:board-scope:jira-software', 'read:project:jira', 'read:jira-work'], sets)).toBe(false);
    expect(scopesAllow(['read:board-scope.admin:jira-software'], sets)).toBe(false);
    expect(scopesAllow(['read:board-scope.admin:jira-software', 'read:project:jira'], sets)).toBe(true);
  });

  test('a REST v3 operation takes its classic set or its whole granular set', () => {
    const sets = scopeSetsOf('GET /rest/api/3/project/{projectIdOrKey}') ?? [];
    expect(scopesAllow(['read:jira-work'], sets)).toBe(true);
    expect(scopesAllow(['read:project:jira'], sets)).toBe(false);
    expect(scopesAllow(sets[1] ?? [], sets)).toBe(true);
    expect(scopesAllow(['write:jira-work'], scopeSetsOf('PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}') ?? [])).toBe(true);
    expect(scopesAllow(['read:jira-work'], scopeSetsOf('PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}') ?? [])).toBe(false);
  });
});
