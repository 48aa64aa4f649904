import type { SimField, SimIssue, SimSite, SimSprint, SimVersion } from '../../model';
import { SIM_LINK_TYPES } from '../../model';
import type { SiteIndex } from '../site-index';
import {
  issueTypeBean,
  jiraDateTime,
  priorityBean,
  projectRef,
  statusBean,
  statusCategoryBean,
  userBean,
} from './common';

const SPRINT_FIELD = 'com.pyxis.greenhopper.jira:gh-sprint';
const RANK_FIELD = 'com.pyxis.greenhopper.jira:gh-lexo-rank';

/** Fields that exist for JQL but never appear under an issue's `fields` (the key is top-level). */
const NOT_IN_FIELDS = new Set(['issuekey']);

export interface FieldSelection {
  /** Field ids to render, in the site's field order. */
  fieldIds: string[];
  /** Only `id` was asked for: Jira then returns `{id}` and nothing else. */
  idOnly: boolean;
}

/**
 * Jira's `fields` parameter: `*all`, `*navigable`, field ids, `-id` to exclude; `id` and `key` are not
 * fields. Only exclusions → start from the navigable fields. Unknown ids are ignored, as Jira does.
 * Every field this site has is navigable, so `*all` and `*navigable` select the same.
 */
export function selectFields(site: SimSite, tokens: string[], defaults: string[]): FieldSelection {
  const requested = tokens.length > 0 ? tokens : defaults;
  const renderable = site.fields.map((f) => f.id).filter((id) => !NOT_IN_FIELDS.has(id));
  const included = new Set<string>();
  const excluded = new Set<string>();
  let onlyExclusions = true;
  for (const token of requested) {
    if (token.startsWith('-')) {
      excluded.add(token.slice(1));
      continue;
    }
    onlyExclusions = false;
    if (token === '*all' || token === '*navigable') renderable.forEach((id) => included.add(id));
    else included.add(token);
  }
  if (onlyExclusions) renderable.forEach((id) => included.add(id));
  const fieldIds = renderable.filter((id) => included.has(id) && !excluded.has(id));
  const idOnly = fieldIds.length === 0 && !requested.some((t) => t === 'key');
  return { fieldIds, idOnly };
}

/** A sprint as the sprint custom field shows it (REST v3): `boardId`, not the agile API's `originBoardId`. */
export function sprintFieldValue(sprint: SimSprint): Record<string, unknown> {
  return {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    boardId: sprint.boardId,
    goal: sprint.goal ?? '',
    ...(sprint.startDate ? { startDate: new Date(sprint.startDate).toISOString() } : {}),
    ...(sprint.endDate ? { endDate: new Date(sprint.endDate).toISOString() } : {}),
    ...(sprint.completeDate ? { completeDate: new Date(sprint.completeDate).toISOString() } : {}),
  };
}

export function parentBean(index: SiteIndex, parent: SimIssue): Record<string, unknown> {
  const baseUrl = index.site.baseUrl;
  const status = index.status(parent.statusId);
  const type = index.issueType(parent.issueTypeId);
  return {
    id: parent.id,
    key: parent.key,
    self: `${baseUrl}/rest/api/3/issue/${parent.id}`,
    fields: {
      summary: parent.summary,
      ...(status ? { status: statusBean(baseUrl, status) } : {}),
      priority: priorityBean(baseUrl, parent.priorityName),
      ...(type ? { issuetype: issueTypeBean(baseUrl, type) } : {}),
    },
  };
}

/** A field the issue leaves out altogether (rather than showing as null). */
const ABSENT = Symbol('absent');

function userOrNull(index: SiteIndex, accountId: string | undefined): unknown {
  const user = index.user(accountId);
  return user ? userBean(index.site.baseUrl, user) : null;
}

/** A version as an issue's `fixVersions` field shows it (no `overdue`: that is the versions API's). */
function fixVersionValue(baseUrl: string, version: SimVersion): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/version/${version.id}`,
    id: version.id,
    description: version.description,
    name: version.name,
    archived: version.archived,
    released: version.released,
    ...(version.releaseDate ? { releaseDate: version.releaseDate } : {}),
  };
}

/**
 * `issuelinks`: each link once, from this issue's side (`outwardIssue` when this issue is the
 * outward end: "this blocks that"). Links to issues the caller may not see are left out, as Jira does.
 */
function issueLinksValue(index: SiteIndex, issue: SimIssue, canSee: (other: SimIssue) => boolean): unknown[] {
  const baseUrl = index.site.baseUrl;
  const linked = (other: SimIssue) => {
    const status = index.status(other.statusId);
    const type = index.issueType(other.issueTypeId);
    return {
      id: other.id,
      key: other.key,
      self: `${baseUrl}/rest/api/3/issue/${other.id}`,
      fields: {
        summary: other.summary,
        ...(status ? { status: statusBean(baseUrl, status) } : {}),
        priority: priorityBean(baseUrl, other.priorityName),
        ...(type ? { issuetype: issueTypeBean(baseUrl, type) } : {}),
      },
    };
  };
  return (index.site.issueLinks ?? []).flatMap((link) => {
    const outward = link.outwardIssueId === issue.id;
    if (!outward && link.inwardIssueId !== issue.id) return [];
    const other = index.issueById(outward ? link.inwardIssueId : link.outwardIssueId);
    if (!other || !canSee(other)) return [];
    const type = SIM_LINK_TYPES[link.typeName];
    return [
      {
        id: link.id,
        self: `${baseUrl}/rest/api/3/issueLink/${link.id}`,
        type: { ...type, self: `${baseUrl}/rest/api/3/issueLinkType/${type.id}` },
        [outward ? 'outwardIssue' : 'inwardIssue']: linked(other),
      },
    ];
  });
}

function systemValue(index: SiteIndex, issue: SimIssue, id: string, canSee: (other: SimIssue) => boolean): unknown {
  const baseUrl = index.site.baseUrl;
  const status = index.status(issue.statusId);
  switch (id) {
    case 'summary':
      return issue.summary;
    case 'status':
      return status ? statusBean(baseUrl, status) : null;
    case 'statusCategory':
      return status ? statusCategoryBean(baseUrl, status.category) : null;
    case 'issuetype': {
      const type = index.issueType(issue.issueTypeId);
      return type ? issueTypeBean(baseUrl, type) : null;
    }
    case 'parent': {
      // Jira leaves `parent` out (rather than null) when the issue has none.
      const parent = issue.parentId === undefined ? undefined : index.issueById(issue.parentId);
      return parent ? parentBean(index, parent) : ABSENT;
    }
    case 'project': {
      const project = index.project(issue.projectId);
      return project ? projectRef(baseUrl, project) : null;
    }
    case 'labels':
      return issue.labels;
    case 'fixVersions': {
      const versions = index.site.versions ?? [];
      return (issue.fixVersionIds ?? []).flatMap((versionId) => versions.filter((v) => v.id === versionId)).map((v) => fixVersionValue(baseUrl, v));
    }
    case 'issuelinks':
      return issueLinksValue(index, issue, canSee);
    case 'assignee':
      return userOrNull(index, issue.assigneeAccountId);
    case 'reporter':
      return userOrNull(index, issue.reporterAccountId);
    case 'priority':
      return priorityBean(baseUrl, issue.priorityName);
    case 'created':
      return jiraDateTime(issue.created);
    case 'updated':
      return jiraDateTime(issue.updated);
    case 'resolutiondate':
      return issue.resolutiondate ? jiraDateTime(issue.resolutiondate) : null;
    case 'security': {
      // SecurityLevel bean; null when the issue has none (every project browser sees it).
      const level = issue.securityLevelId === undefined ? undefined : index.site.securityLevels?.find((l) => l.id === issue.securityLevelId);
      return level ? { self: `${baseUrl}/rest/api/3/securitylevel/${level.id}`, id: level.id, name: level.name, description: level.description } : null;
    }
    default:
      return null;
  }
}

function customValue(index: SiteIndex, issue: SimIssue, field: SimField): unknown {
  if (field.schema.custom === SPRINT_FIELD) {
    const sprints = issue.sprintIds.map((id) => index.sprint(id)).filter((s): s is SimSprint => s !== undefined);
    return sprints.length > 0 ? sprints.map(sprintFieldValue) : null;
  }
  if (field.schema.custom === RANK_FIELD) return issue.rank;
  return issue.customFields[field.id] ?? null;
}

/** The `fields` object of an issue, for the selected field ids. */
export function renderFields(index: SiteIndex, issue: SimIssue, fieldIds: string[], canSee: (other: SimIssue) => boolean = () => false): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const id of fieldIds) {
    const field = index.field(id);
    if (!field) continue;
    const value = field.custom ? customValue(index, issue, field) : systemValue(index, issue, id, canSee);
    if (value !== ABSENT) fields[id] = value;
  }
  return fields;
}

/** `expand=names`: field id → display name. */
export function fieldNames(index: SiteIndex, fieldIds: string[]): Record<string, string> {
  return Object.fromEntries(fieldIds.map((id) => [id, index.field(id)?.name ?? id]));
}

/** `expand=schema`: field id → JsonTypeBean. */
export function fieldSchemas(index: SiteIndex, fieldIds: string[]): Record<string, unknown> {
  return Object.fromEntries(fieldIds.map((id) => [id, index.field(id)?.schema]));
}
