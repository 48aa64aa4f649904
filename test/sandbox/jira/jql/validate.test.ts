import { isUnsupportedMessage, parseJql, searchEndpointErrors, validateJql } from './index';
import type { JqlContext } from './index';
import { buildContext } from './test-site';

function errors(jql: string, ctx: JqlContext = buildContext()): string[] {
  return validateJql(parseJql(jql), ctx);
}

const DATE_FORMATS =
  "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

describe('validateJql', () => {
  it.each([
    ['project = THR AND issuetype in (10000, 10010) ORDER BY rank'],
    ['parent in (THR-1, 20006) AND statusCategory = Done'],
    ['project = THR AND sprint in openSprints() AND "Story Points" is not EMPTY'],
    ['throughlineGoal = "g-1" OR issue.property[throughline.links].roadmapItemIds = r-1'],
    ['created >= -30d AND updated < startOfDay(-7d) ORDER BY created DESC, key'],
    ['assignee = currentUser() AND resolution = Unresolved ORDER BY priority, updated'],
    ['summary ~ "welcome" ORDER BY "Story point estimate" DESC'],
    [''],
  ])('accepts %p', (jql) => {
    expect(errors(jql)).toEqual([]);
  });

  describe('unknown fields and values, in Jira’s words', () => {
    it.each([
      ['an unknown field', 'foo = bar', ["Field 'foo' does not exist or you do not have permission to view it."]],
      ['a hierarchy level, which JQL does not have', 'hierarchyLevel = 1', ["Field 'hierarchyLevel' does not exist or you do not have permission to view it."]],
      ['an unknown custom field id', 'cf[99999] = 1', ["Field 'cf[99999]' does not exist or you do not have permission to view it."]],
      ['an unknown search alias', 'throughlineKpi = k-1', ["Field 'throughlineKpi' does not exist or you do not have permission to view it."]],
      ['a property of an unknown entity', 'board.props[x].y = 1', ["Field 'board.props[x].y' does not exist or you do not have permission to view it."]],
      ['an unknown project', 'project = NOPE', ["The value 'NOPE' does not exist for the field 'project'."]],
      ['an unknown project id', 'project = 99999', ["A value with ID '99999' does not exist for the field 'project'."]],
      ['the field name as written', 'Project = NOPE', ["The value 'NOPE' does not exist for the field 'Project'."]],
      ['every unknown value of a list', 'project in (THR, NOPE, NADA)', [
        "The value 'NOPE' does not exist for the field 'project'.",
        "The value 'NADA' does not exist for the field 'project'.",
      ]],
      ['an unknown issue type', 'issuetype = Saga', ["The value 'Saga' does not exist for the field 'issuetype'."]],
      ['an unknown status', 'status = Closed', ["The value 'Closed' does not exist for the field 'status'."]],
      ['an unknown status category', 'statusCategory = Finished', ["The value 'Finished' does not exist for the field 'statusCategory'."]],
      ['an unknown sprint name', 'sprint = "No such sprint"', ["The value 'No such sprint' does not exist for the field 'sprint'."]],
      ['an unknown sprint id', 'sprint = 999', ["A value with ID '999' does not exist for the field 'sprint'."]],
      ['an unknown user', 'assignee = nobody', ["The value 'nobody' does not exist for the field 'assignee'."]],
      ['an unknown priority', 'priority = Urgent', ["The value 'Urgent' does not exist for the field 'priority'."]],
      ['a resolution the site does not have', 'resolution = Fixed', ["The value 'Fixed' does not exist for the field 'resolution'."]],
      ['a missing issue key', 'key = THR-999', ["An issue with key 'THR-999' does not exist for field 'key'."]],
      ['a missing issue id', 'key = 12345', ["A value with ID '12345' does not exist for the field 'key'."]],
      ['one missing key in a list, even OR-ed with a text search', 'summary ~ "check*" OR issuekey in (THR-1, thr-99999)', ["An issue with key 'thr-99999' does not exist for field 'issuekey'."]],
      ['a malformed issue key', 'key = banana', ["The issue key 'banana' for field 'key' is invalid."]],
      ['a missing parent key', 'parent = THR-999', ["An issue with key 'THR-999' does not exist for field 'parent'."]],
      ['a missing parent id', 'parent = 99', ["A value with ID '99' does not exist for the field 'parent'."]],
      ['a word as a date', 'created > yesterday', [`Date value 'yesterday' for field 'created' is invalid. ${DATE_FORMATS}`]],
      ['a date that is not in the calendar', 'created > "2025-02-30"', [`Date value '2025-02-30' for field 'created' is invalid. ${DATE_FORMATS}`]],
      ['an hour past 23', 'updated > "2025-01-01 25:00"', [`Date value '2025-01-01 25:00' for field 'updated' is invalid. ${DATE_FORMATS}`]],
      ['a word as a number', '"Story Points" > lots', ["Value 'lots' for the 'Story Points' field is not a valid number."]],
      ['a word as a number property', 'throughlineConfidence > high', ["Value 'high' for the 'throughlineConfidence' field is not a valid number."]],
      ['every error of the query, not just the first', 'foo = 1 AND project = NOPE', [
        "Field 'foo' does not exist or you do not have permission to view it.",
        "The value 'NOPE' does not exist for the field 'project'.",
      ]],
    ])('reports %s', (_, jql, expected) => {
      expect(errors(jql)).toEqual(expected);
    });
  });

  describe('operators a field does not take', () => {
    it.each([
      ['project ~ THR', "The operator '~' is not supported by the 'project' field."],
      ['summary = welcome', "The operator '=' is not supported by the 'summary' field."],
      ['status > Done', "The operator '>' is not supported by the 'status' field."],
      ['labels > a', "The operator '>' is not supported by the 'labels' field."],
      ['key is EMPTY', "The operator 'is' is not supported by the 'key' field."],
      ['text !~ welcome', "The operator '!~' is not supported by the 'text' field."],
      ['throughlineGoal > g-1', "The operator '>' is not supported by the 'throughlineGoal' field."],
      ['throughlineNote = x', "The operator '=' is not supported by the 'throughlineNote' field."],
    ])('rejects %p', (jql, message) => {
      expect(errors(jql)).toEqual([message]);
    });
  });

  describe('operator and operand combinations Jira refuses', () => {
    it.each([
      ['project = (THR, OPS)', ["Operator '=' does not support the list value '(\"THR\", \"OPS\")' for field 'project'."]],
      ['project in THR', ["Operator 'in' does not support the non-list value '\"THR\"' for field 'project'."]],
      ['sprint = openSprints()', ["Operator '=' does not support the list value 'openSprints()' for field 'sprint'."]],
      ['created > EMPTY', ["Operator '>' does not support the empty value representation 'EMPTY' for field 'created'."]],
      ['assignee is currentUser()', ["Operator 'is' does not support searching for non-empty values for field 'assignee'."]],
      ['project in EMPTY', [
        "Operator 'in' does not support the non-list value 'EMPTY' for field 'project'.",
        "Operator 'in' does not support the empty value representation 'EMPTY' for field 'project'.",
      ]],
    ])('rejects %p', (jql, expected) => {
      expect(errors(jql)).toEqual(expected);
    });
  });

  describe('functions', () => {
    it.each([
      ['assignee = whoever()', "Unable to find JQL function 'whoever()'."],
      ['status = currentUser()', "A value provided by the function 'currentUser' is invalid for the field 'status'."],
      ['project in openSprints()', "A value provided by the function 'openSprints' is invalid for the field 'project'."],
      ['labels = now()', "A value provided by the function 'now' is invalid for the field 'labels'."],
      ['created > now(1)', "Function 'now' expected '0' arguments but received '1'."],
      ['created > startOfDay(1, 2)', "Function 'startOfDay' expected between '0' and '1' arguments but received '2'."],
      ['created > startOfDay(soon)', "Duration for function 'startOfDay' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier."],
      ['assignee = currentUser(x)', "Function 'currentUser' expected '0' arguments but received '1'."],
      ['sprint in openSprints(1)', "Function 'openSprints' expected '0' arguments but received '1'."],
      ['issuetype in standardIssueTypes(x)', "Function 'standardIssueTypes' expected '0' arguments but received '1'."],
    ])('rejects %p', (jql, message) => {
      expect(errors(jql)).toEqual([message]);
    });

    it('reads function names case-insensitively', () => {
      expect(errors('assignee = CURRENTUSER() AND created > startofday()')).toEqual([]);
    });
  });

  describe('text searches', () => {
    it.each([
      ['summary ~ ""', "The field 'summary' does not support searching for an empty string."],
      ['summary ~ "*port"', "The text query '*port' for field 'summary' is not valid: the '*' and '?' are not allowed as first character in wildcard query."],
      ['summary ~ "C++ (beta"', "The text query 'C++ (beta' for field 'summary' is not valid: probably your use of wildcard characters is incorrect."],
      ['summary ~ "fix -"', "The text query 'fix -' for field 'summary' is not valid: probably your use of wildcard characters is incorrect."],
      ['summary ~ "!"', "The text query '!' for field 'summary' is not valid: probably your use of wildcard characters is incorrect."],
      ['summary ~ "\\"quoted"', "The text query '\"quoted' for field 'summary' is not valid: probably your use of wildcard characters is incorrect."],
      ['summary ~ "[draft] plan"', "The text query '[draft] plan' for field 'summary' is not valid: probably your range query is incorrect."],
      ['text ~ "beta)"', "The text query 'beta)' for field 'text' is not valid: probably your use of wildcard characters is incorrect."],
    ])('rejects %p', (jql, message) => {
      expect(errors(jql)).toEqual([message]);
    });

    it.each([
      ['escaped Lucene characters', 'summary ~ "C\\\\+\\\\+ \\\\(beta\\\\) \\\\[draft\\\\] \\\\!"'],
      ['a + inside a word', 'summary ~ "C++"'],
      ['a colon, which Jira escapes itself', 'summary ~ "fix: crash"'],
      ['stop words only', 'summary ~ "the of"'],
      ['a prefix', 'summary ~ "check*"'],
    ])('accepts %s', (_, jql) => {
      expect(errors(jql)).toEqual([]);
    });
  });

  describe('ORDER BY', () => {
    it.each([
      ['project = THR ORDER BY foo', "Field 'foo' does not exist or you do not have permission to view it."],
      ['project = THR ORDER BY text', "Not able to sort using field 'text'."],
    ])('rejects %p', (jql, message) => {
      expect(errors(jql)).toEqual([message]);
    });
  });

  describe('what the caller may not browse', () => {
    const withoutSecret = (): JqlContext => buildContext({ canBrowse: (projectId) => projectId !== '10002' });

    it.each([
      ['project = SEC', "The value 'SEC' does not exist for the field 'project'."],
      ['project = "Secret Project"', "The value 'Secret Project' does not exist for the field 'project'."],
      ['project = 10002', "A value with ID '10002' does not exist for the field 'project'."],
      ['key = SEC-1', "An issue with key 'SEC-1' does not exist for field 'key'."],
      ['parent = 20008', "A value with ID '20008' does not exist for the field 'parent'."],
      ['issuetype = "Secret Type"', "The value 'Secret Type' does not exist for the field 'issuetype'."],
    ])('answers %p as if it did not exist', (jql, message) => {
      expect(errors(jql, withoutSecret())).toEqual([message]);
    });

    it('accepts the same values for a caller who may browse them', () => {
      expect(errors('project = SEC AND key = SEC-1 AND issuetype = "Secret Type"')).toEqual([]);
    });
  });

  describe('valid Jira JQL outside the subset', () => {
    it.each([
      ['a field the sandbox does not model', 'duedate < now()'],
      ['a custom field that is not a number', 'Team = x'],
      ['a search on rank', 'rank > "0|a"'],
      ['a property of another entity', 'comment.property[x].y = 1'],
      ['an ordering comparison on resolution', 'resolution > Done'],
      ['an ordering comparison on issue ids', 'id > 20003'],
      ['a Jira function the sandbox does not run', 'assignee in membersOf("devs")'],
      ['ordering by a field the sandbox cannot sort', 'project = THR ORDER BY labels'],
    ])('refuses %s rather than answer wrongly', (_, jql) => {
      const found = errors(jql);
      expect(found).toHaveLength(1);
      expect(found.every(isUnsupportedMessage)).toBe(true);
    });
  });
});

describe('searchEndpointErrors', () => {
  it.each([
    ['an empty query', ''],
    ['a bare ORDER BY', 'order by key desc'],
  ])('refuses %s as unbounded', (_, jql) => {
    expect(searchEndpointErrors(parseJql(jql))).toEqual([
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  });

  it('accepts a restricted query', () => {
    expect(searchEndpointErrors(parseJql('project = THR ORDER BY key'))).toEqual([]);
  });

  it('refuses more than seven ORDER BY fields', () => {
    const jql = 'project = THR ORDER BY key, created, updated, priority, status, summary, rank, resolved';
    expect(searchEndpointErrors(parseJql(jql))).toEqual(['The ORDER BY clause can contain a maximum of 7 fields.']);
  });
});
