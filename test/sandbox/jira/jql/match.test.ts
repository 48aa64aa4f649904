import { JqlError, issueMatches, parseJql, searchIssues, validateJql } from './index';
import type { JqlContext } from './index';
import { ALICE, BOB, CAROL, buildContext, buildIssue } from './test-site';

function matchingKeys(jql: string, ctx: JqlContext = buildContext()): string[] {
  const query = parseJql(jql);
  expect(validateJql(query, ctx)).toEqual([]);
  return ctx.site.issues
    .filter((issue) => issueMatches(query, issue, ctx))
    .map((issue) => issue.key)
    .sort();
}

const ALL = ['OPS-1', 'OPS-2', 'SEC-1', 'THR-1', 'THR-10', 'THR-2', 'THR-3', 'THR-4', 'THR-5'];
const except = (...keys: string[]): string[] => ALL.filter((k) => !keys.includes(k));

type Row = [description: string, jql: string, expected: string[]];

function table(rows: Row[]): void {
  it.each(rows)('%s', (_, jql, expected) => {
    expect(matchingKeys(jql)).toEqual([...expected].sort());
  });
}

describe('issueMatches', () => {
  describe('project', () => {
    table([
      ['finds a project by key', 'project = THR', ['THR-1', 'THR-2', 'THR-3', 'THR-4', 'THR-5', 'THR-10']],
      ['reads the key case-insensitively', 'project = ops', ['OPS-1', 'OPS-2']],
      ['finds a project by name', 'project = "Operations"', ['OPS-1', 'OPS-2']],
      ['finds a project by id', 'project = 10001', ['OPS-1', 'OPS-2']],
      ['mixes keys and ids in a list', 'project in (OPS, 10002)', ['OPS-1', 'OPS-2', 'SEC-1']],
      ['excludes listed projects', 'project not in (THR, OPS)', ['SEC-1']],
      ['excludes one project', 'project != THR', ['OPS-1', 'OPS-2', 'SEC-1']],
      ['never finds an issue without a project', 'project is EMPTY', []],
    ]);
  });

  describe('issue type', () => {
    table([
      ['matches every type of that name, team-managed ones included', 'issuetype = Epic', ['THR-1', 'THR-10', 'OPS-1']],
      ['accepts the alias type, case-insensitively', 'type = story', ['THR-2', 'THR-3']],
      ['finds a type by id', 'issuetype = 10000', ['THR-1', 'THR-10']],
      ['finds epic types by the ids the hierarchy endpoint gives', 'issuetype in (10000, 10010)', ['THR-1', 'THR-10', 'OPS-1']],
      ['lists standard issue types (epics included) with standardIssueTypes()', 'issuetype in standardIssueTypes()', except('THR-5')],
      ['lists subtask types with subTaskIssueTypes()', 'issuetype in subTaskIssueTypes()', ['THR-5']],
      ['excludes subtasks with NOT IN standardIssueTypes()', 'issuetype not in standardIssueTypes()', ['THR-5']],
    ]);
  });

  describe('status and status category', () => {
    table([
      ['finds a status by name', 'status = "In Progress"', ['THR-1', 'THR-3']],
      ['reads the status name case-insensitively', 'status = done', ['THR-2', 'OPS-1']],
      ['finds a status by id', 'status = 10100', ['OPS-2']],
      ['mixes names and ids', 'status in ("To Do", 3)', ['THR-1', 'THR-3', 'THR-4', 'THR-5', 'THR-10', 'SEC-1']],
      ['finds the done category by name', 'statusCategory = Done', ['THR-2', 'OPS-1']],
      ['finds a category across statuses', 'statusCategory = "In Progress"', ['THR-1', 'THR-3', 'OPS-2']],
      ['finds a category by key', 'statusCategory = indeterminate', ['THR-1', 'THR-3', 'OPS-2']],
      ['finds a category by id', 'statusCategory = 2', ['THR-4', 'THR-5', 'THR-10', 'SEC-1']],
      ['finds a category by the key new', 'statusCategory = new', ['THR-4', 'THR-5', 'THR-10', 'SEC-1']],
      ['excludes a category', 'statusCategory != Done', except('THR-2', 'OPS-1')],
      ['knows the empty category No Category', 'statusCategory = "No Category"', []],
    ]);
  });

  describe('issue key and id', () => {
    table([
      ['finds an issue by key', 'key = THR-3', ['THR-3']],
      ['reads the key case-insensitively under the name issuekey', 'issuekey = thr-3', ['THR-3']],
      ['finds an issue by id under the name id', 'id = 20003', ['THR-3']],
      ['finds an issue by id under the name issue', 'issue = 20006', ['OPS-1']],
      ['mixes keys in a list', 'key in (THR-1, OPS-2)', ['THR-1', 'OPS-2']],
      ['excludes a key', 'key != THR-1', except('THR-1')],
      ['compares keys by number within the project', 'key > THR-3', ['THR-4', 'THR-5', 'THR-10']],
      ['compares keys up to and including the bound', 'key <= THR-2', ['THR-1', 'THR-2']],
    ]);
  });

  describe('parent', () => {
    table([
      ['finds children by the parent key', 'parent = THR-1', ['THR-2', 'THR-3']],
      ['finds children by the parent id', 'parent = 20001', ['THR-2', 'THR-3']],
      ['reads a quoted number as the parent id', 'parent in ("20001")', ['THR-2', 'THR-3']],
      ['finds children of several parents', 'parent in (THR-1, OPS-1)', ['THR-2', 'THR-3', 'OPS-2']],
      ['finds children of other parents only, never orphans', 'parent != THR-1', ['THR-5', 'OPS-2']],
      ['finds issues without a parent', 'parent is EMPTY', ['THR-1', 'THR-4', 'THR-10', 'OPS-1', 'SEC-1']],
    ]);
  });

  describe('sprint', () => {
    table([
      ['finds a sprint by id', 'sprint = 1', ['THR-2', 'THR-3']],
      ['finds a sprint by name', 'sprint = "THR Sprint 2"', ['THR-3']],
      ['finds active sprints with openSprints()', 'sprint in openSprints()', ['THR-3', 'OPS-2']],
      ['matches any of an issue’s sprints with closedSprints()', 'sprint in closedSprints()', ['THR-2', 'THR-3']],
      ['finds future sprints with futureSprints()', 'sprint in futureSprints()', ['THR-4']],
      ['excludes an issue that was ever in a closed sprint', 'sprint not in closedSprints()', ['THR-4', 'OPS-2']],
      ['excludes issues in the sprint and issues in no sprint', 'sprint != 1', ['THR-4', 'OPS-2']],
      ['finds issues in no sprint', 'sprint is EMPTY', ['THR-1', 'THR-5', 'THR-10', 'OPS-1', 'SEC-1']],
      ['combines a function and EMPTY in a list', 'sprint in (openSprints(), EMPTY)', ['THR-1', 'THR-3', 'THR-5', 'THR-10', 'OPS-1', 'OPS-2', 'SEC-1']],
      ['answers to the sprint field’s custom field id', 'cf[10020] = 4', ['OPS-2']],
      ['answers to the sprint field’s name', 'Sprint = 3', ['THR-4']],
    ]);
  });

  describe('dates (now is Wednesday 2025-03-12 10:30 UTC)', () => {
    table([
      ['finds issues created in the last day', 'created >= -1d', ['THR-4', 'THR-5']],
      ['finds issues created in the last 45 minutes', 'created >= -45m', ['THR-5']],
      ['finds issues updated in the last four hours', 'updated > -4h', ['THR-4', 'THR-5']],
      ['finds issues updated in the last two weeks', 'updated >= -2w', ['THR-1', 'THR-3', 'THR-4', 'THR-5', 'OPS-2']],
      ['finds issues created today', 'created >= startOfDay()', ['THR-5']],
      ['finds issues created since yesterday', 'created >= startOfDay(-1)', ['THR-4', 'THR-5']],
      ['accepts a unit in the offset', 'created >= startOfDay(-1d)', ['THR-4', 'THR-5']],
      ['finds issues created up to the end of yesterday', 'created <= endOfDay(-1)', except('THR-5')],
      ['finds issues created this week (Sunday-first for en_US)', 'created >= startOfWeek()', ['THR-4', 'THR-5']],
      ['finds issues resolved since the start of last month', 'resolved >= startOfMonth(-1)', ['THR-2']],
      ['compares with a date literal', 'created < "2025-01-06"', ['THR-1', 'THR-10', 'OPS-1']],
      ['compares with a slash date literal', 'created < "2025/01/06"', ['THR-1', 'THR-10', 'OPS-1']],
      ['compares with a date and time', 'created > "2025/02/01 08:14"', ['THR-3', 'THR-4', 'THR-5', 'OPS-2', 'SEC-1']],
      ['matches a date and time to the minute', 'created = "2025-01-05 09:00"', ['THR-1']],
      ['reads a bare date as midnight, so = rarely matches', 'created = "2025-01-05"', []],
      ['accepts an epoch in milliseconds', `created > ${Date.UTC(2025, 2, 12)}`, ['THR-5']],
      ['accepts the alias createdDate', 'createdDate >= -1d', ['THR-4', 'THR-5']],
      ['finds unresolved issues with resolutiondate is EMPTY', 'resolutiondate is EMPTY', except('THR-2', 'OPS-1')],
      ['never matches an empty date with a comparison', 'resolved < now()', ['THR-2', 'OPS-1']],
    ]);
  });

  describe('labels', () => {
    table([
      ['finds a label', 'labels = frontend', ['THR-2', 'THR-3']],
      ['reads labels case-insensitively', 'labels = ux', ['THR-2']],
      ['finds any of several labels', 'labels in (roadmap, backend)', ['THR-1', 'OPS-2']],
      ['excludes issues with the label and issues without labels', 'labels != frontend', ['THR-1', 'OPS-2']],
      ['does the same for NOT IN', 'labels not in (frontend)', ['THR-1', 'OPS-2']],
      ['finds issues without labels', 'labels is EMPTY', ['THR-4', 'THR-5', 'THR-10', 'OPS-1', 'SEC-1']],
    ]);
  });

  describe('people', () => {
    table([
      ['finds the caller’s issues with currentUser()', 'assignee = currentUser()', ['THR-1', 'THR-3']],
      ['finds an assignee by account id', `assignee = ${BOB}`, ['THR-2', 'OPS-1']],
      ['accepts a quoted account id with a colon', `assignee = "${CAROL}"`, ['THR-5']],
      ['finds unassigned issues', 'assignee is EMPTY', ['THR-4', 'THR-10', 'OPS-2', 'SEC-1']],
      ['excludes unassigned issues from !=', 'assignee != currentUser()', ['THR-2', 'THR-5', 'OPS-1']],
      ['finds unassigned or someone’s issues', `assignee in (EMPTY, ${BOB})`, ['THR-2', 'THR-4', 'THR-10', 'OPS-1', 'OPS-2', 'SEC-1']],
      ['finds a reporter', `reporter = ${BOB}`, ['THR-1']],
      ['finds issues someone else reported', 'reporter != currentUser()', ['THR-1']],
    ]);

    it('finds nothing for currentUser() when the caller is anonymous', () => {
      expect(matchingKeys('assignee = currentUser()', buildContext({ accountId: undefined }))).toEqual([]);
    });

    it('finds another caller’s issues with currentUser()', () => {
      expect(matchingKeys('assignee = currentUser()', buildContext({ accountId: BOB }))).toEqual(['OPS-1', 'THR-2']);
    });
  });

  describe('priority', () => {
    table([
      ['finds a priority by name', 'priority = High', ['THR-1', 'OPS-2']],
      ['reads the name case-insensitively', 'priority = highest', ['THR-3']],
      ['finds a default priority by id', 'priority = 1', ['THR-3']],
      ['reads > as more important', 'priority > Medium', ['THR-1', 'THR-3', 'OPS-2']],
      ['reads <= as at most as important', 'priority <= Low', ['THR-4', 'THR-5']],
      ['finds several priorities', 'priority in (Low, Lowest)', ['THR-4', 'THR-5']],
    ]);
  });

  describe('resolution', () => {
    table([
      ['finds unresolved issues with Unresolved', 'resolution = Unresolved', except('THR-2', 'OPS-1')],
      ['finds unresolved issues with is EMPTY', 'resolution is EMPTY', except('THR-2', 'OPS-1')],
      ['finds issues resolved Done', 'resolution = Done', ['THR-2', 'OPS-1']],
      ['finds resolved issues with != Unresolved', 'resolution != Unresolved', ['THR-2', 'OPS-1']],
      ['finds resolved issues with is not EMPTY', 'resolution is not EMPTY', ['THR-2', 'OPS-1']],
      ['finds nothing with != Done, as the only resolution is Done and != skips empty ones', 'resolution != Done', []],
    ]);
  });

  describe('text', () => {
    table([
      ['finds a word in the summary', 'summary ~ welcome', ['THR-2', 'THR-3']],
      ['ignores case', 'summary ~ WELCOME', ['THR-2', 'THR-3']],
      ['needs every word, in any order, folding plurals', 'summary ~ "screen welcome"', ['THR-2', 'THR-3']],
      ['keeps an inner quoted phrase in order', 'summary ~ "\\"screen welcome\\""', []],
      ['finds an inner quoted phrase', 'summary ~ "\\"the welcome screen\\""', ['THR-2', 'THR-3']],
      ['folds verb and plural endings', 'summary ~ fix', ['THR-5']],
      ['expands a trailing wildcard', 'summary ~ "export*"', ['THR-4']],
      ['expands a single-character wildcard', 'summary ~ "cr?sh"', ['THR-4']],
      ['matches wildcards against stems: Lucene does not analyse them', 'summary ~ "rep?rts"', []],
      ['ignores stop words', 'summary ~ "the crash of reports"', ['THR-4']],
      ['matches nothing for stop words only', 'summary ~ "the"', []],
      ['excludes matches with !~', 'summary !~ welcome', except('THR-2', 'THR-3')],
      ['searches the summary through text', 'text ~ deployments', ['OPS-1']],
      ['knows every issue has a summary', 'summary is not EMPTY', ALL],
    ]);
  });

  describe('number custom fields', () => {
    table([
      ['compares by field name', '"Story Points" > 2', ['THR-2', 'THR-3']],
      ['compares by custom field id', 'cf[10028] = 5', ['THR-3']],
      ['reads the field name case-insensitively', '"story points" is EMPTY', except('THR-2', 'THR-3', 'THR-5')],
      ['serves the team-managed estimate field', '"Story point estimate" >= 2', ['OPS-1', 'OPS-2']],
      ['finds listed values', '"Story Points" in (1, 3)', ['THR-2', 'THR-5']],
      ['excludes a value and empty fields with !=', '"Story Points" != 3', ['THR-3', 'THR-5']],
      ['compares with a decimal', 'cf[10016] < 5.5', ['OPS-2']],
      ['accepts a quoted number', '"Story Points" = "5"', ['THR-3']],
    ]);
  });

  describe('indexed issue properties', () => {
    table([
      ['finds a value in an array by alias', 'throughlineGoal = "g-1"', ['THR-1', 'OPS-1']],
      ['finds a value by property path', 'issue.property[throughline.links].goalIds = g-2', ['THR-1']],
      ['accepts a quoted property key', 'issue.property["throughline.links"].goalIds in (g-2, g-3)', ['THR-1', 'THR-10']],
      ['excludes issues holding the value and issues without it', 'throughlineGoal != g-1', ['THR-10']],
      ['finds issues without the value', 'throughlineGoal is EMPTY', except('THR-1', 'THR-10', 'OPS-1')],
      ['compares number properties', 'throughlineConfidence >= 0.5', ['THR-1']],
      ['compares number properties downwards', 'throughlineConfidence < 0.5', ['THR-10']],
      ['searches text properties with ~', 'throughlineNote ~ activation', ['THR-1']],
      ['compares date properties', 'throughlineReviewedAt >= "2025-02-28"', ['THR-1']],
      ['matches user properties with currentUser()', 'throughlineOwner = currentUser()', ['THR-1']],
      ['walks through arrays of objects', 'issue.property[throughline.links].milestones.name = ga', ['THR-1']],
      ['finds nothing on a path no module indexes', 'issue.property[other.key].foo = 1', []],
      ['sees no value on a path no module indexes', 'issue.property[other.key].foo is EMPTY', ALL],
    ]);

    it('sees a property written after the query was compiled', () => {
      const ctx = buildContext();
      const query = parseJql('throughlineGoal = g-9');
      const issue = ctx.site.issues.find((i) => i.key === 'THR-4');
      if (!issue) throw new Error('fixture changed');
      expect(issueMatches(query, issue, ctx)).toBe(false);
      issue.properties['throughline.links'] = { goalIds: ['g-9'] };
      expect(issueMatches(query, issue, ctx)).toBe(true);
    });
  });

  describe('logic', () => {
    table([
      ['ANDs clauses', 'project = THR AND statusCategory != Done', ['THR-1', 'THR-3', 'THR-4', 'THR-5', 'THR-10']],
      ['ORs clauses', 'project = OPS OR labels = frontend', ['OPS-1', 'OPS-2', 'THR-2', 'THR-3']],
      ['complements with NOT, empty fields included', 'NOT assignee = currentUser()', except('THR-1', 'THR-3')],
      ['complements with !', '!(project = THR)', ['OPS-1', 'OPS-2', 'SEC-1']],
      ['groups with parentheses', 'project = THR AND (issuetype = Epic OR parent = THR-1)', ['THR-1', 'THR-2', 'THR-3', 'THR-10']],
      ['negates a group', 'project = THR and not (labels = frontend or labels = roadmap)', ['THR-4', 'THR-5', 'THR-10']],
      ['matches everything with an empty query', '', ALL],
      ['matches everything with a bare ORDER BY', 'ORDER BY key', ALL],
    ]);
  });

  describe('queries the app and product managers write', () => {
    table([
      ['epics of a project by hierarchy-level type ids', 'project = 10000 AND issuetype in (10000) ORDER BY rank', ['THR-1', 'THR-10']],
      ['done children of a batch of epics', 'parent in (20001, 20010) AND statusCategory = Done', ['THR-2']],
      ['epics serving a goal', 'project = THR AND throughlineGoal = "g-1"', ['THR-1']],
      ['bugs opened this month', 'project = THR AND issuetype = Bug AND created >= startOfMonth()', ['THR-4']],
      ['open work in the active sprint', 'project = THR AND sprint in openSprints() AND resolution = Unresolved', ['THR-3']],
    ]);
  });

  it('refuses to answer an invalid query instead of guessing', () => {
    const ctx = buildContext();
    const query = parseJql('project = NOPE');
    expect(() => issueMatches(query, buildIssue(), ctx)).toThrow(JqlError);
    expect(() => issueMatches(query, buildIssue(), ctx)).toThrow(
      expect.objectContaining({ messages: ["The value 'NOPE' does not exist for the field 'project'."] }),
    );
  });

  it('matches issues outside the site it validated against', () => {
    const ctx = buildContext();
    expect(issueMatches(parseJql('project = THR'), buildIssue({ projectId: '10000', key: 'THR-99' }), ctx)).toBe(true);
  });

  it('answers the same query for different callers separately', () => {
    const query = parseJql('assignee = currentUser()');
    const asAlice = buildContext();
    const asBob = buildContext({ site: asAlice.site, accountId: BOB });
    const issue = buildIssue({ assigneeAccountId: ALICE });
    expect(issueMatches(query, issue, asAlice)).toBe(true);
    expect(issueMatches(query, issue, asBob)).toBe(false);
  });

  it('filters and sorts in one call with searchIssues', () => {
    const ctx = buildContext();
    const found = searchIssues(parseJql('project = THR AND issuetype = Story ORDER BY key DESC'), ctx.site.issues, ctx);
    expect(found.map((i) => i.key)).toEqual(['THR-3', 'THR-2']);
  });
});
