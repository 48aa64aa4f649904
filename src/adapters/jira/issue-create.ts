/**
 * Creating an issue as the user, and what Jira's create metadata says a create needs. Both read
 * and write as the client's actor, so Jira applies that person's Create Issues permission and the
 * project's field configuration (required fields differ per project and issue type).
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-createmeta-projectidorkey-issuetypes-get
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-createmeta-projectidorkey-issuetypes-issuetypeid-get
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './client';

export interface CreatableIssueType {
  id: string;
  name: string;
  hierarchyLevel: number;
}

export interface CreateField {
  fieldId: string;
  /** The field's name as Jira shows it on the create screen ("Component/s", "Team"). */
  name: string;
  required: boolean;
  hasDefaultValue: boolean;
}

/** Jira caps both createmeta pages at 200 (a larger `maxResults` is a 400). */
const metaPageSize = 200;
/** Enough pages for any real create screen; a site answering more is not read further. */
const maxMetaPages = 10;

const issueTypesPageSchema = z.looseObject({
  issueTypes: z.array(z.looseObject({ id: z.union([z.string(), z.number()]), name: z.string(), hierarchyLevel: z.number().optional(), subtask: z.boolean().optional() })).optional(),
  total: z.number().optional(),
});

const fieldSchema = z.looseObject({ fieldId: z.string(), name: z.string(), required: z.boolean(), hasDefaultValue: z.boolean().optional() });
// The OpenAPI document names the list `fields` and also `results`: read whichever Jira sends.
const fieldsPageSchema = z.looseObject({ fields: z.array(fieldSchema).optional(), results: z.array(fieldSchema).optional(), total: z.number().optional() });

/** The issue types the actor may create in the project (none without Create Issues there). */
export async function creatableIssueTypes(client: JiraClient, projectId: string): Promise<CreatableIssueType[]> {
  const types: CreatableIssueType[] = [];
  for (let page = 0; page < maxMetaPages; page += 1) {
    const startAt = page * metaPageSize;
    const answer = await client.send({
      path: route`/rest/api/3/issue/createmeta/${projectId}/issuetypes?startAt=${startAt}&maxResults=${metaPageSize}`,
      schema: issueTypesPageSchema,
    });
    const listed = answer.issueTypes ?? [];
    types.push(...listed.map((type) => ({ id: String(type.id), name: type.name, hierarchyLevel: type.hierarchyLevel ?? (type.subtask ? -1 : 0) })));
    if (listed.length === 0 || answer.total === undefined || startAt + listed.length >= answer.total) break;
  }
  return types;
}

/** The fields of the project's create screen for one issue type, with whether each is required. */
export async function createFields(client: JiraClient, projectId: string, issueTypeId: string): Promise<CreateField[]> {
  const fields: CreateField[] = [];
  for (let page = 0; page < maxMetaPages; page += 1) {
    const startAt = page * metaPageSize;
    const answer = await client.send({
      path: route`/rest/api/3/issue/createmeta/${projectId}/issuetypes/${issueTypeId}?startAt=${startAt}&maxResults=${metaPageSize}`,
      schema: fieldsPageSchema,
    });
    const listed = answer.fields ?? answer.results ?? [];
    fields.push(...listed.map((field) => ({ fieldId: field.fieldId, name: field.name, required: field.required, hasDefaultValue: field.hasDefaultValue ?? false })));
    if (listed.length === 0 || answer.total === undefined || startAt + listed.length >= answer.total) break;
  }
  return fields;
}

/**
 * Required fields a create with only `supplied` fields would leave empty. A field with a default
 * value (the reporter, a default priority) is filled by Jira and needs nothing from the form.
 */
export function missingRequiredFields(fields: readonly CreateField[], supplied: ReadonlySet<string>): CreateField[] {
  return fields.filter((field) => field.required && !field.hasDefaultValue && !supplied.has(field.fieldId));
}

export interface NewIssue {
  projectId: string;
  issueTypeId: string;
  summary: string;
  /** Plain text; sent as an Atlassian Document (v3 refuses a plain string here). */
  description?: string;
  /** Issue properties set in the same write as the issue itself (IssueUpdateDetails.properties). */
  properties?: Array<{ key: string; value: unknown }>;
}

const createdIssueSchema = z.looseObject({ id: z.string(), key: z.string() });

/** Creates the issue as the client's actor; Jira's 400 (with its field messages) arrives as a JiraError. */
export async function createIssue(client: JiraClient, issue: NewIssue): Promise<{ id: string; key: string }> {
  return client.send({
    method: 'POST',
    path: route`/rest/api/3/issue`,
    body: {
      fields: {
        project: { id: issue.projectId },
        issuetype: { id: issue.issueTypeId },
        summary: issue.summary,
        ...(issue.description ? { description: adfParagraphs(issue.description) } : {}),
      },
      ...(issue.properties?.length ? { properties: issue.properties } : {}),
    },
    schema: createdIssueSchema,
  });
}

/** Plain text as an Atlassian Document: one paragraph per line, empty lines kept as empty paragraphs. */
export function adfParagraphs(text: string): { type: 'doc'; version: 1; content: unknown[] } {
  return {
    type: 'doc',
    version: 1,
    content: text.split(/\r?\n/).map((line) => (line === '' ? { type: 'paragraph', content: [] } : { type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}
