import { JqlError, parseJql, sortIssues } from './index';
import { buildContext, buildIssue } from './test-site';

function sortedKeys(jql: string): string[] {
  const ctx = buildContext();
  return sortIssues(parseJql(jql), ctx.site.issues, ctx).map((issue) => issue.key);
}

const BY_ID_DESC = ['THR-10', 'SEC-1', 'OPS-2', 'OPS-1', 'THR-5', 'THR-4', 'THR-3', 'THR-2', 'THR-1'];
const BY_KEY = ['OPS-1', 'OPS-2', 'SEC-1', 'THR-1', 'THR-2', 'THR-3', 'THR-4', 'THR-5', 'THR-10'];
const BY_CREATED_DESC = ['THR-5', 'THR-4', 'OPS-2', 'SEC-1', 'THR-3', 'THR-2', 'THR-1', 'OPS-1', 'THR-10'];
const BY_RANK = ['THR-1', 'THR-3', 'THR-2', 'THR-4', 'THR-5', 'THR-10', 'OPS-1', 'OPS-2', 'SEC-1'];

describe('sortIssues', () => {
  it.each([
    ['puts the newest issue id first without ORDER BY', 'project is not EMPTY', BY_ID_DESC],
    ['sorts keys by project, then by number rather than as text', 'ORDER BY key ASC', BY_KEY],
    ['sorts keys ascending by default', 'ORDER BY issuekey', BY_KEY],
    ['sorts keys descending', 'ORDER BY key DESC', [...BY_KEY].reverse()],
    ['sorts created descending by default, as Jira does', 'ORDER BY created', BY_CREATED_DESC],
    ['sorts created ascending when asked', 'ORDER BY created asc', [...BY_CREATED_DESC].reverse()],
    ['sorts by rank', 'ORDER BY Rank', BY_RANK],
    ['sorts by rank through its custom field id', 'ORDER BY cf[10019] DESC', [...BY_RANK].reverse()],
    [
      'puts empty values last ascending (ties by id, newest first)',
      'ORDER BY resolved ASC',
      ['OPS-1', 'THR-2', 'THR-10', 'SEC-1', 'OPS-2', 'THR-5', 'THR-4', 'THR-3', 'THR-1'],
    ],
    [
      'puts empty values first descending',
      'ORDER BY resolutiondate DESC',
      ['THR-10', 'SEC-1', 'OPS-2', 'THR-5', 'THR-4', 'THR-3', 'THR-1', 'THR-2', 'OPS-1'],
    ],
    [
      'sorts priority most important first by default',
      'ORDER BY priority',
      ['THR-3', 'OPS-2', 'THR-1', 'THR-10', 'SEC-1', 'OPS-1', 'THR-2', 'THR-4', 'THR-5'],
    ],
    [
      'sorts status by its place in the status list, not by name',
      'ORDER BY status',
      ['THR-10', 'SEC-1', 'THR-5', 'THR-4', 'THR-3', 'THR-1', 'OPS-2', 'OPS-1', 'THR-2'],
    ],
    [
      'sorts summaries alphabetically, ignoring case',
      'ORDER BY summary',
      ['OPS-2', 'THR-3', 'THR-4', 'THR-2', 'THR-1', 'OPS-1', 'THR-10', 'SEC-1', 'THR-5'],
    ],
    [
      'sorts a number field with empty values last',
      'ORDER BY "Story Points" ASC',
      ['THR-5', 'THR-2', 'THR-3', 'THR-10', 'SEC-1', 'OPS-2', 'OPS-1', 'THR-4', 'THR-1'],
    ],
    [
      'sorts a number field descending with empty values first',
      'ORDER BY cf[10028] DESC',
      ['THR-10', 'SEC-1', 'OPS-2', 'OPS-1', 'THR-4', 'THR-1', 'THR-3', 'THR-2', 'THR-5'],
    ],
    [
      'uses later fields to break ties',
      'ORDER BY priority DESC, key ASC',
      ['THR-3', 'OPS-2', 'THR-1', 'OPS-1', 'SEC-1', 'THR-2', 'THR-10', 'THR-4', 'THR-5'],
    ],
  ])('%s', (_, jql, expected) => {
    expect(sortedKeys(jql)).toEqual(expected);
  });

  it('sorts LexoRank strings by code unit, not by locale', () => {
    const ctx = buildContext();
    const issues = [
      buildIssue({ id: '1', key: 'THR-1', rank: '0|i0000a:' }),
      buildIssue({ id: '2', key: 'THR-2', rank: '0|i0000Z:' }),
      buildIssue({ id: '3', key: 'THR-3', rank: '0|hzzzzz:' }),
    ];
    expect(sortIssues(parseJql('ORDER BY rank'), issues, ctx).map((i) => i.key)).toEqual(['THR-3', 'THR-2', 'THR-1']);
  });

  it('returns a copy and leaves its input alone', () => {
    const ctx = buildContext();
    const before = ctx.site.issues.map((i) => i.key);
    const sorted = sortIssues(parseJql('ORDER BY key'), ctx.site.issues, ctx);
    expect(sorted).not.toBe(ctx.site.issues);
    expect(ctx.site.issues.map((i) => i.key)).toEqual(before);
  });

  it('refuses an ORDER BY it cannot honour', () => {
    const ctx = buildContext();
    expect(() => sortIssues(parseJql('ORDER BY labels'), ctx.site.issues, ctx)).toThrow(JqlError);
  });
});
