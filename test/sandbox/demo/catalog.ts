import type { SimField, SimIssueType, SimStatus } from '../jira/model';

/**
 * The site-wide configuration a Jira Cloud site starts with: statuses, issue types and fields, with the
 * ids a fresh Jira Software site really uses for them (custom field ids differ per site in real life,
 * which is why the app discovers them through /rest/api/3/field and the board configuration).
 */

export const FIELD_IDS = {
  sprint: 'customfield_10020',
  storyPointEstimate: 'customfield_10016',
  storyPoints: 'customfield_10028',
  rank: 'customfield_10019',
} as const;

export const STATUS_IDS = {
  backlog: '10000',
  toDo: '10001',
  inProgress: '3',
  inReview: '10002',
  done: '10003',
  wontDo: '10004',
} as const;

export function demoStatuses(): SimStatus[] {
  return [
    { id: STATUS_IDS.backlog, name: 'Backlog', category: 'new' },
    { id: STATUS_IDS.toDo, name: 'To Do', category: 'new' },
    { id: STATUS_IDS.inProgress, name: 'In Progress', category: 'indeterminate' },
    { id: STATUS_IDS.inReview, name: 'In Review', category: 'indeterminate' },
    { id: STATUS_IDS.done, name: 'Done', category: 'done' },
    { id: STATUS_IDS.wontDo, name: "Won't Do", category: 'done' },
  ];
}

/** The issue types of one project: an epic, three standard types and a subtask type. */
export interface ProjectIssueTypes {
  epic: string;
  story: string;
  task: string;
  bug: string;
  subtask: string;
}

/** Company-managed projects share the site's global issue types. */
export const GLOBAL_ISSUE_TYPES: ProjectIssueTypes = {
  epic: '10000',
  story: '10001',
  task: '10002',
  bug: '10003',
  subtask: '10004',
};

function issueTypeSet(ids: ProjectIssueTypes, scopeProjectId?: string): SimIssueType[] {
  const scope = scopeProjectId === undefined ? {} : { scopeProjectId };
  return [
    { id: ids.epic, name: 'Epic', hierarchyLevel: 1, ...scope },
    { id: ids.story, name: 'Story', hierarchyLevel: 0, ...scope },
    { id: ids.task, name: 'Task', hierarchyLevel: 0, ...scope },
    { id: ids.bug, name: 'Bug', hierarchyLevel: 0, ...scope },
    { id: ids.subtask, name: 'Subtask', hierarchyLevel: -1, ...scope },
  ];
}

export function globalIssueTypes(): SimIssueType[] {
  return issueTypeSet(GLOBAL_ISSUE_TYPES);
}

/** Team-managed projects get their own, project-scoped copies of each type (new ids). */
export function scopedIssueTypes(ids: ProjectIssueTypes, projectId: string): SimIssueType[] {
  return issueTypeSet(ids, projectId);
}

function systemField(id: string, name: string, type: string, clauseNames: string[], items?: string): SimField {
  return { id, name, custom: false, schema: { type, system: id, ...(items ? { items } : {}) }, clauseNames };
}

function customField(id: string, name: string, schema: Omit<SimField['schema'], 'customId'>, aliases: string[]): SimField {
  const customId = Number(id.replace('customfield_', ''));
  return { id, name, custom: true, schema: { ...schema, customId }, clauseNames: [`cf[${customId}]`, name, ...aliases] };
}

export function demoFields(): SimField[] {
  return [
    systemField('issuekey', 'Key', 'issuekey', ['id', 'issue', 'issuekey', 'key']),
    systemField('summary', 'Summary', 'string', ['summary']),
    systemField('status', 'Status', 'status', ['status']),
    systemField('statusCategory', 'Status Category', 'statusCategory', ['statusCategory']),
    systemField('issuetype', 'Issue Type', 'issuetype', ['issuetype', 'type']),
    systemField('parent', 'Parent', 'issuelink', ['parent']),
    systemField('project', 'Project', 'project', ['project']),
    systemField('labels', 'Labels', 'array', ['labels'], 'string'),
    systemField('assignee', 'Assignee', 'user', ['assignee']),
    systemField('reporter', 'Reporter', 'user', ['reporter']),
    systemField('priority', 'Priority', 'priority', ['priority']),
    systemField('created', 'Created', 'datetime', ['created', 'createdDate']),
    systemField('updated', 'Updated', 'datetime', ['updated', 'updatedDate']),
    systemField('resolutiondate', 'Resolved', 'datetime', ['resolutiondate', 'resolved']),
    systemField('security', 'Security Level', 'securitylevel', ['level']),
    systemField('fixVersions', 'Fix versions', 'array', ['fixVersion'], 'version'),
    systemField('issuelinks', 'Linked Issues', 'array', ['issueLink'], 'issuelinks'),
    customField(FIELD_IDS.sprint, 'Sprint', { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint' }, []),
    customField(
      FIELD_IDS.storyPointEstimate,
      'Story point estimate',
      { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' },
      [],
    ),
    customField(
      FIELD_IDS.storyPoints,
      'Story Points',
      { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' },
      ['Story Points[Number]'],
    ),
    customField(FIELD_IDS.rank, 'Rank', { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank' }, []),
  ];
}
