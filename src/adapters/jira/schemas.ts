/**
 * Loose schemas of the Jira answers the app reads. Loose on purpose: unknown keys pass through and
 * enum-like strings stay strings, because Jira adds fields and values without notice and the app
 * must keep working when it does. Only what the app relies on is required.
 */
import { z } from 'zod';

/** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post */
export const searchPageSchema = z.looseObject({
  issues: z.array(
    z.looseObject({
      id: z.string(),
      key: z.string(),
      fields: z.record(z.string(), z.unknown()).optional(),
      properties: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});
export type SearchPage = z.infer<typeof searchPageSchema>;
export type SearchedIssue = SearchPage['issues'][number];

export const approximateCountSchema = z.looseObject({ count: z.number() });

export const statusFieldSchema = z.looseObject({
  name: z.string(),
  statusCategory: z.looseObject({ key: z.string() }).optional(),
});

export const issueTypeFieldSchema = z.looseObject({ id: z.union([z.string(), z.number()]), hierarchyLevel: z.number().optional() });

export const parentFieldSchema = z.looseObject({ id: z.string(), key: z.string() });

/** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-mypermissions-get */
export const myPermissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

export const projectSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  style: z.string().optional(),
  simplified: z.boolean().optional(),
});

/** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-projectid-hierarchy-get */
export const projectHierarchySchema = z.looseObject({
  hierarchy: z.array(
    z.looseObject({
      level: z.number(),
      name: z.string().optional(),
      issueTypes: z.array(z.looseObject({ id: z.number().or(z.string()), name: z.string() })),
    }),
  ),
});

/** Agile pages use startAt / maxResults / isLast. */
export const boardPageSchema = z.looseObject({
  values: z.array(z.looseObject({ id: z.number(), name: z.string(), type: z.string() })),
  isLast: z.boolean().optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});

export const sprintSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  state: z.string(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  completeDate: z.string().optional(),
  // A sprint without a goal answers `goal: null` on real sites (the OpenAPI document says string).
  goal: z.string().nullish(),
  originBoardId: z.number().optional(),
});

export const sprintPageSchema = z.looseObject({
  values: z.array(sprintSchema),
  isLast: z.boolean().optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
});
