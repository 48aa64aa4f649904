import type { EntityPropertyIndex, SimField, SimIssue, SimSite } from '../model';
import type { JqlFieldRef } from './ast';
import { fieldDisplayName } from './ast';
import { messages, unsupported } from './errors';

export type PropertyValueType = EntityPropertyIndex['values'][number]['type'];

export type ResolvedField = { name: string } & (
  | {
      kind:
        | 'project'
        | 'issuetype'
        | 'status'
        | 'statusCategory'
        | 'issuekey'
        | 'parent'
        | 'sprint'
        | 'labels'
        | 'priority'
        | 'resolution'
        | 'summary'
        | 'text'
        | 'rank';
    }
  | { kind: 'date'; get: (issue: SimIssue) => string | undefined }
  | { kind: 'user'; get: (issue: SimIssue) => string | undefined }
  | { kind: 'number'; fieldIds: string[] }
  /** `type` is absent for a property path no `jira:entityProperty` module indexes. */
  | { kind: 'property'; key: string; path: string; type?: PropertyValueType }
  | { kind: 'error'; message: string }
);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type SystemSpec = DistributiveOmit<Exclude<ResolvedField, { kind: 'number' | 'property' | 'error' }>, 'name'>;

const created: SystemSpec = { kind: 'date', get: (i) => i.created };
const updated: SystemSpec = { kind: 'date', get: (i) => i.updated };
const resolved: SystemSpec = { kind: 'date', get: (i) => i.resolutiondate };
const issuekey: SystemSpec = { kind: 'issuekey' };

/** JQL clause names are case-insensitive; these are Jira's names and aliases for the fields we serve. */
const SYSTEM_FIELDS: Record<string, SystemSpec> = {
  project: { kind: 'project' },
  issuetype: { kind: 'issuetype' },
  type: { kind: 'issuetype' },
  status: { kind: 'status' },
  statuscategory: { kind: 'statusCategory' },
  key: issuekey,
  issuekey,
  id: issuekey,
  issue: issuekey,
  parent: { kind: 'parent' },
  sprint: { kind: 'sprint' },
  created,
  createddate: created,
  updated,
  updateddate: updated,
  resolved,
  resolutiondate: resolved,
  labels: { kind: 'labels' },
  assignee: { kind: 'user', get: (i) => i.assigneeAccountId },
  reporter: { kind: 'user', get: (i) => i.reporterAccountId },
  priority: { kind: 'priority' },
  resolution: { kind: 'resolution' },
  summary: { kind: 'summary' },
  text: { kind: 'text' },
  rank: { kind: 'rank' },
};

/**
 * Real Jira fields the sandbox does not model. Naming them gets a clear "unsupported" rather than
 * Jira's "does not exist", which would mislead whoever reads the failing test.
 */
const KNOWN_UNSUPPORTED_FIELDS = new Set(
  [
    'affectedVersion', 'approvals', 'attachments', 'category', 'comment', 'component', 'creator',
    'description', 'due', 'duedate', 'environment', 'epic link', 'filter', 'request', 'savedFilter',
    'searchRequest', 'fixVersion', 'issueLink', 'issueLinkType', 'lastViewed', 'level',
    'originalEstimate', 'timeOriginalEstimate', 'remainingEstimate', 'timeEstimate', 'timeSpent',
    'votes', 'voter', 'watchers', 'watcher', 'workRatio', 'worklogAuthor', 'worklogComment',
    'worklogDate', 'statusCategoryChangedDate', 'team', 'subtasks', 'flagged', 'epic name',
    'epic status', 'start date', 'startdate', 'project category', 'projectType', 'updatedBy',
    'lastCommentedBy',
  ].map((n) => n.toLowerCase()),
);

const SPRINT_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';
const RANK_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-lexo-rank';

function fromSiteFields(name: string, matched: SimField[]): ResolvedField | undefined {
  if (matched.length === 0) return undefined;
  if (matched.some((f) => f.schema.custom === SPRINT_FIELD_TYPE)) return { name, kind: 'sprint' };
  if (matched.some((f) => f.schema.custom === RANK_FIELD_TYPE)) return { name, kind: 'rank' };
  if (matched.every((f) => f.schema.type === 'number')) {
    return { name, kind: 'number', fieldIds: matched.map((f) => f.id) };
  }
  return { name, kind: 'error', message: unsupported(`searching the field '${name}' (only number custom fields are modelled)`) };
}

export function resolveField(ref: JqlFieldRef, site: SimSite): ResolvedField {
  const name = fieldDisplayName(ref);
  switch (ref.kind) {
    case 'customField': {
      const matched = site.fields.filter(
        (f) =>
          f.custom &&
          (String(f.schema.customId) === ref.id || f.clauseNames.some((c) => c.toLowerCase() === name.toLowerCase())),
      );
      return fromSiteFields(name, matched) ?? { name, kind: 'error', message: messages.fieldDoesNotExist(name) };
    }
    case 'property': {
      if (ref.entity.toLowerCase() !== 'issue.property') {
        return ref.entity.toLowerCase().endsWith('.property')
          ? { name, kind: 'error', message: unsupported(`properties of other entities than issues ('${ref.entity}')`) }
          : { name, kind: 'error', message: messages.fieldDoesNotExist(name) };
      }
      const type = site.entityPropertyIndexes
        .find((index) => index.propertyKey === ref.key)
        ?.values.find((v) => v.path === ref.path)?.type;
      return type ? { name, kind: 'property', key: ref.key, path: ref.path, type } : { name, kind: 'property', key: ref.key, path: ref.path };
    }
    case 'name': {
      const lower = ref.name.toLowerCase();
      const system = SYSTEM_FIELDS[lower];
      if (system) return { name, ...system };
      const custom = fromSiteFields(
        name,
        site.fields.filter((f) => f.custom && f.clauseNames.some((c) => c.toLowerCase() === lower)),
      );
      if (custom) return custom;
      for (const index of site.entityPropertyIndexes) {
        const value = index.values.find((v) => v.searchAlias?.toLowerCase() === lower);
        if (value) return { name, kind: 'property', key: index.propertyKey, path: value.path, type: value.type };
      }
      if (KNOWN_UNSUPPORTED_FIELDS.has(lower)) {
        return { name, kind: 'error', message: unsupported(`the field '${name}'`) };
      }
      return { name, kind: 'error', message: messages.fieldDoesNotExist(name) };
    }
  }
}
