import type { SimIssue } from '../../model';
import type { SiteIndex } from '../site-index';
import type { FieldSelection } from './fields';
import { fieldNames, fieldSchemas, renderFields } from './fields';

/** What Jira lists in an issue's `expand` attribute: the expansions it could have made. */
const ISSUE_EXPANDS = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

export interface IssueShapeOptions {
  selection: FieldSelection;
  /** Issue property keys to inline (`properties` parameter). */
  properties: string[];
  /** `names` and `schema` are the expansions served; the others are accepted and ignored. */
  expand: string[];
  /** The agile API links issues to /rest/agile/1.0/issue/{id}. */
  api?: 'platform' | 'agile';
  /** Extra fields computed by the caller's API (the agile API's sprint, closedSprints, flagged). */
  extraFields?: Record<string, unknown>;
  /** Whether the caller sees another issue: `issuelinks` leaves out links to the others (none when absent). */
  canSee?: (issue: SimIssue) => boolean;
}

function inlineProperties(issue: SimIssue, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => Object.hasOwn(issue.properties, k)).map((k) => [k, issue.properties[k]]));
}

/** IssueBean, as GET issue, bulk fetch and search return it. */
export function issueBean(index: SiteIndex, issue: SimIssue, options: IssueShapeOptions): Record<string, unknown> {
  const hasProperties = options.properties.length > 0;
  if (options.selection.idOnly && !hasProperties && !options.extraFields) return { id: issue.id };
  const self =
    options.api === 'agile'
      ? `${index.site.baseUrl}/rest/agile/1.0/issue/${issue.id}`
      : `${index.site.baseUrl}/rest/api/3/issue/${issue.id}`;
  const fieldIds = options.selection.fieldIds;
  return {
    expand: ISSUE_EXPANDS,
    id: issue.id,
    self,
    key: issue.key,
    ...(options.expand.includes('names') ? { names: fieldNames(index, fieldIds) } : {}),
    ...(options.expand.includes('schema') ? { schema: fieldSchemas(index, fieldIds) } : {}),
    fields: { ...renderFields(index, issue, fieldIds, options.canSee), ...options.extraFields },
    ...(hasProperties ? { properties: inlineProperties(issue, options.properties) } : {}),
  };
}
