/** Display conditions as the host evaluates them: by hierarchy level, never guessed. */
import type { SimIssue, SimIssueType } from '../jira/model';
import { DisplayConditionError, conditionHolds, parseDisplayConditions } from './display-conditions';

const epicType: SimIssueType = { id: '10000', name: 'Epic', hierarchyLevel: 1 };
const story: SimIssueType = { id: '10001', name: 'Story', hierarchyLevel: 0 };
const translatedEpic: SimIssueType = { id: '10100', name: 'Épica', hierarchyLevel: 1, scopeProjectId: '10001' };
const issue = { key: 'THR-1' } as SimIssue;

const byLevel = parseDisplayConditions({ jiraExpression: 'issue.issueType.hierarchyLevel == 1' }, 'panel');
const byName = parseDisplayConditions({ issueType: 'Epic' }, 'panel');

test('a hierarchy-level expression holds on epics whatever their type is called, and not on stories', () => {
  expect(conditionHolds(byLevel, { issue, issueType: epicType })).toBe(true);
  expect(conditionHolds(byLevel, { issue, issueType: translatedEpic })).toBe(true);
  expect(conditionHolds(byLevel, { issue, issueType: story })).toBe(false);
  expect(conditionHolds(byLevel, {})).toBe(false);
});

test('an issueType condition matches the name, so a translated epic type loses the panel', () => {
  expect(conditionHolds(byName, { issue, issueType: epicType })).toBe(true);
  expect(conditionHolds(byName, { issue, issueType: translatedEpic })).toBe(false);
});

test('combines conditions with and, or and not, and expressions with && || ! and comparisons', () => {
  const condition = parseDisplayConditions(
    { or: { projectKey: ['FIN'], and: { jiraExpression: "issue.issueType.hierarchyLevel >= 0 && !(issue.issueType.name == 'Bug')", not: { issueKey: 'THR-9' } } } },
    'panel',
  );
  expect(conditionHolds(condition, { issue, issueType: story })).toBe(true);
  expect(conditionHolds(condition, { issue: { key: 'THR-9' } as SimIssue, issueType: story })).toBe(false);
  expect(conditionHolds(condition, { issue, issueType: { id: '3', name: 'Bug', hierarchyLevel: 0 } })).toBe(false);
  expect(conditionHolds(condition, { issue, issueType: { id: '4', name: 'Subtask', hierarchyLevel: -1 } })).toBe(false);
});

test.each([
  [{ jiraExpression: 'issue.isEpic' }, /"issue\.isEpic" is not modelled/],
  [{ jiraExpression: 'issue.issueType.hierarchyLevel === 1' }, /unexpected "="|cannot read/],
  [{ jiraExpression: 'issue.comments.length > 0' }, /not modelled/],
  [{ jiraExpression: 'issue.issueType.hierarchyLevel == ' }, /ends too early/],
  [{ canEditIssues: true }, /"canEditIssues" is not modelled by the Throughline sandbox/],
  [{ issueType: [] }, /takes a string or a list of strings/],
  ['Epic', /an object of conditions/],
])('refuses what it cannot evaluate, loudly: %j', (raw, message) => {
  expect(() => parseDisplayConditions(raw, 'panel')).toThrow(DisplayConditionError);
  expect(() => parseDisplayConditions(raw, 'panel')).toThrow(message);
});
