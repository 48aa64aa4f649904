/**
 * Builders for the JQL tests: each test states only what matters to it. `buildTestSite()` is one
 * small site with a bit of everything the subset searches on.
 */
import type {
  EntityPropertyIndex,
  SimField,
  SimIssue,
  SimIssueType,
  SimProject,
  SimSite,
  SimSprint,
  SimStatus,
  SimUser,
} from '../model';
import type { JqlContext } from './context';

export const ALICE = '5b10a2844c20165700ede21g';
export const BOB = '5b10ac8d82e05b22cc7d4ef5';
export const CAROL = '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077';

/** A Wednesday, 10:30 UTC. */
export const NOW = new Date('2025-03-12T10:30:00.000Z');

export function buildUser(overrides: Partial<SimUser> = {}): SimUser {
  return {
    accountId: ALICE,
    displayName: 'Alice Example',
    emailAddress: 'alice@example.com',
    accountType: 'atlassian',
    active: true,
    timeZone: 'UTC',
    locale: 'en_US',
    ...overrides,
  };
}

export function buildProject(overrides: Partial<SimProject> = {}): SimProject {
  return {
    id: '10000',
    key: 'THR',
    name: 'Throughline',
    style: 'classic',
    projectTypeKey: 'software',
    leadAccountId: ALICE,
    issueTypeIds: [],
    permissions: {},
    addonRolePermissions: ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS'],
    ...overrides,
  };
}

export function buildIssue(overrides: Partial<SimIssue> = {}): SimIssue {
  return {
    id: '20001',
    key: 'THR-1',
    projectId: '10000',
    issueTypeId: '10001',
    summary: 'An issue',
    statusId: '1',
    sprintIds: [],
    labels: [],
    reporterAccountId: ALICE,
    priorityName: 'Medium',
    created: '2025-01-01T00:00:00.000Z',
    updated: '2025-01-01T00:00:00.000Z',
    rank: '0|i00000:',
    customFields: {},
    properties: {},
    ...overrides,
  };
}

export function buildSprint(overrides: Partial<SimSprint> = {}): SimSprint {
  return { id: 1, boardId: 1, name: 'Sprint 1', state: 'active', ...overrides };
}

function numberField(id: string, customId: number, name: string): SimField {
  return {
    id,
    name,
    custom: true,
    schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId },
    clauseNames: [`cf[${customId}]`, name],
  };
}

const fields: SimField[] = [
  { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' }, clauseNames: ['summary'] },
  numberField('customfield_10028', 10028, 'Story Points'),
  {
    ...numberField('customfield_10016', 10016, 'Story point estimate'),
    schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: 10016 },
  },
  {
    id: 'customfield_10020',
    name: 'Sprint',
    custom: true,
    schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 },
    clauseNames: ['cf[10020]', 'Sprint'],
  },
  {
    id: 'customfield_10019',
    name: 'Rank',
    custom: true,
    schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank', customId: 10019 },
    clauseNames: ['cf[10019]', 'Rank'],
  },
  {
    id: 'customfield_10001',
    name: 'Team',
    custom: true,
    schema: { type: 'team', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team', customId: 10001 },
    clauseNames: ['cf[10001]', 'Team'],
  },
];

const issueTypes: SimIssueType[] = [
  { id: '10000', name: 'Epic', hierarchyLevel: 1 },
  { id: '10001', name: 'Story', hierarchyLevel: 0 },
  { id: '10002', name: 'Task', hierarchyLevel: 0 },
  { id: '10003', name: 'Bug', hierarchyLevel: 0 },
  { id: '10004', name: 'Subtask', hierarchyLevel: -1 },
  { id: '10010', name: 'Epic', hierarchyLevel: 1, scopeProjectId: '10001' },
  { id: '10011', name: 'Task', hierarchyLevel: 0, scopeProjectId: '10001' },
  { id: '10020', name: 'Secret Type', hierarchyLevel: 0, scopeProjectId: '10002' },
];

const statuses: SimStatus[] = [
  { id: '1', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10100', name: 'In Review', category: 'indeterminate' },
  { id: '10001', name: 'Done', category: 'done' },
];

const entityPropertyIndexes: EntityPropertyIndex[] = [
  {
    propertyKey: 'throughline.links',
    values: [
      { path: 'goalIds', type: 'string', searchAlias: 'throughlineGoal' },
      { path: 'roadmapItemIds', type: 'string', searchAlias: 'throughlineRoadmapItem' },
      { path: 'confidence', type: 'number', searchAlias: 'throughlineConfidence' },
      { path: 'note', type: 'text', searchAlias: 'throughlineNote' },
      { path: 'reviewedAt', type: 'date', searchAlias: 'throughlineReviewedAt' },
      { path: 'owner', type: 'user', searchAlias: 'throughlineOwner' },
      { path: 'milestones.name', type: 'string' },
    ],
  },
];

/**
 * THR (classic) holds epics THR-1 and THR-10 with stories, a bug and a subtask; OPS (team-managed)
 * an epic and a task; SEC a task only Alice may browse (the tests' canBrowse says so).
 */
export function buildTestSite(): SimSite {
  const issues: SimIssue[] = [
    buildIssue({
      id: '20001',
      key: 'THR-1',
      issueTypeId: '10000',
      summary: 'Launch the onboarding flow',
      statusId: '3',
      labels: ['roadmap'],
      assigneeAccountId: ALICE,
      reporterAccountId: BOB,
      priorityName: 'High',
      created: '2025-01-05T09:00:00.000Z',
      updated: '2025-03-10T12:00:00.000Z',
      rank: '0|a00000:',
      properties: {
        'throughline.links': {
          goalIds: ['g-1', 'g-2'],
          roadmapItemIds: ['r-1'],
          confidence: 0.8,
          note: 'Improves the activation funnel',
          reviewedAt: '2025-03-01T00:00:00.000Z',
          owner: ALICE,
          milestones: [{ name: 'beta' }, { name: 'ga' }],
        },
      },
    }),
    buildIssue({
      id: '20002',
      key: 'THR-2',
      issueTypeId: '10001',
      summary: 'Design the welcome screens',
      statusId: '10001',
      parentId: '20001',
      sprintIds: [1],
      labels: ['frontend', 'UX'],
      assigneeAccountId: BOB,
      priorityName: 'Medium',
      created: '2025-01-10T10:00:00.000Z',
      updated: '2025-02-20T16:00:00.000Z',
      resolutiondate: '2025-02-20T16:00:00.000Z',
      rank: '0|c00000:',
      customFields: { customfield_10028: 3 },
    }),
    buildIssue({
      id: '20003',
      key: 'THR-3',
      issueTypeId: '10001',
      summary: 'Build the welcome screen',
      statusId: '3',
      parentId: '20001',
      sprintIds: [1, 2],
      labels: ['frontend'],
      assigneeAccountId: ALICE,
      priorityName: 'Highest',
      created: '2025-02-01T08:15:00.000Z',
      updated: '2025-03-11T09:00:00.000Z',
      rank: '0|b00000:',
      customFields: { customfield_10028: 5 },
    }),
    buildIssue({
      id: '20004',
      key: 'THR-4',
      issueTypeId: '10003',
      summary: 'Crash when exporting reports',
      statusId: '1',
      sprintIds: [3],
      priorityName: 'Low',
      created: '2025-03-11T23:59:00.000Z',
      updated: '2025-03-12T08:00:00.000Z',
      rank: '0|d00000:',
    }),
    buildIssue({
      id: '20005',
      key: 'THR-5',
      issueTypeId: '10004',
      summary: 'Write copy for the fixes page',
      statusId: '1',
      parentId: '20003',
      assigneeAccountId: CAROL,
      priorityName: 'Lowest',
      created: '2025-03-12T10:00:00.000Z',
      updated: '2025-03-12T10:00:00.000Z',
      rank: '0|e00000:',
      customFields: { customfield_10028: 1 },
    }),
    buildIssue({
      id: '20010',
      key: 'THR-10',
      issueTypeId: '10000',
      summary: 'Reporting for admins',
      statusId: '1',
      priorityName: 'Medium',
      created: '2024-12-01T00:00:00.000Z',
      updated: '2024-12-02T00:00:00.000Z',
      rank: '0|f00000:',
      properties: { 'throughline.links': { goalIds: ['g-3'], confidence: 0.4 } },
    }),
    buildIssue({
      id: '20006',
      key: 'OPS-1',
      projectId: '10001',
      issueTypeId: '10010',
      summary: 'Reliable deployments',
      statusId: '10001',
      assigneeAccountId: BOB,
      priorityName: 'Medium',
      created: '2025-01-02T00:00:00.000Z',
      updated: '2025-01-31T17:00:00.000Z',
      resolutiondate: '2025-01-31T17:00:00.000Z',
      rank: '0|g00000:',
      customFields: { customfield_10016: 8 },
      properties: { 'throughline.links': { goalIds: 'g-1' } },
    }),
    buildIssue({
      id: '20007',
      key: 'OPS-2',
      projectId: '10001',
      issueTypeId: '10011',
      summary: 'Automate the release checklist',
      statusId: '10100',
      parentId: '20006',
      sprintIds: [4],
      labels: ['Backend'],
      priorityName: 'High',
      created: '2025-02-15T12:00:00.000Z',
      updated: '2025-03-01T12:00:00.000Z',
      rank: '0|h00000:',
      customFields: { customfield_10016: 2 },
    }),
    buildIssue({
      id: '20008',
      key: 'SEC-1',
      projectId: '10002',
      issueTypeId: '10020',
      summary: 'Rotate the secrets',
      statusId: '1',
      priorityName: 'Medium',
      created: '2025-02-02T00:00:00.000Z',
      updated: '2025-02-02T00:00:00.000Z',
      rank: '0|i00000:',
    }),
  ];
  return {
    baseUrl: 'https://throughline-test.atlassian.net',
    cloudId: 'test-cloud',
    users: [
      buildUser(),
      buildUser({ accountId: BOB, displayName: 'Bob Example', emailAddress: 'bob@example.com', locale: 'en_GB' }),
      buildUser({ accountId: CAROL, displayName: 'Carol Example', emailAddress: 'carol@example.com' }),
    ],
    jiraAdmins: [ALICE],
    projects: [
      buildProject(),
      buildProject({ id: '10001', key: 'OPS', name: 'Operations', style: 'next-gen' }),
      buildProject({ id: '10002', key: 'SEC', name: 'Secret Project' }),
    ],
    issueTypes,
    statuses,
    fields,
    issues,
    boards: [{ id: 1, name: 'THR board', type: 'scrum', projectId: '10000' }],
    sprints: [
      buildSprint({ id: 1, name: 'THR Sprint 1', state: 'closed' }),
      buildSprint({ id: 2, name: 'THR Sprint 2', state: 'active' }),
      buildSprint({ id: 3, name: 'THR Sprint 3', state: 'future' }),
      buildSprint({ id: 4, boardId: 2, name: 'OPS Sprint 1', state: 'active' }),
    ],
    entityPropertyIndexes,
    now: NOW.toISOString(),
  };
}

export function buildContext(overrides: Partial<JqlContext> = {}): JqlContext {
  return { site: buildTestSite(), accountId: ALICE, now: NOW, ...overrides };
}
