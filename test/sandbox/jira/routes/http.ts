/** Who is calling: a person (asUser), nobody (anonymous browsing) or the app itself (asApp). */
export type Caller = { kind: 'user'; accountId: string } | { kind: 'anonymous' } | { kind: 'app' };

export interface JiraRequest {
  method: string;
  /** Path with its query string: '/rest/api/3/search/jql?jql=project%3DTHR&fields=summary'. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  caller: Caller;
}

export interface JiraResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The content type Jira Cloud answers its REST API with. */
export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): JiraResponse {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}

export function ok(body: unknown): JiraResponse {
  return json(200, body);
}

/** 204, and the 200/201 of a property PUT: Jira sends no body. */
export function empty(status: number): JiraResponse {
  return { status, headers: {}, body: '' };
}

/** Jira's error shape (ErrorCollection): messages about the request plus messages by field. */
export function jiraError(status: number, errorMessages: string[], errors: Record<string, string> = {}): JiraResponse {
  return json(status, { errorMessages, errors });
}

/**
 * Thrown by parameter and body parsing deep inside a handler when the request cannot be answered
 * (a 400 or 404 that Jira itself would send); the router turns it into that response.
 */
export class RequestRejected extends Error {
  constructor(readonly response: JiraResponse) {
    super(`Rejected with ${response.status}`);
    this.name = 'RequestRejected';
  }
}

export function reject(status: number, ...errorMessages: string[]): never {
  throw new RequestRejected(jiraError(status, errorMessages));
}

export const MESSAGES = {
  notAuthenticated: 'Client must be authenticated to access this resource.',
  invalidPayload: 'Invalid request payload. Refer to the REST API documentation and try again.',
  issueNotFound: 'Issue does not exist or you do not have permission to see it.',
  boardNotFound: 'Board does not exist or you do not have permission to see it.',
  sprintNotFound: 'Sprint does not exist or you do not have permission to see it.',
  boardWithoutSprints: 'The board does not support sprints',
  projectNotFoundByKey: (key: string) => `No project could be found with key '${key}'.`,
  projectNotFoundById: (id: string) => `No project could be found with id '${id}'.`,
  propertyNotFound: (key: string) => `The property with key '${key}' does not exist.`,
  noEditPermission: 'You do not have permission to edit issue properties.',
  propertyTooLong: 'The property value exceeds the maximum length of 32768 characters.',
  propertyKeyTooLong: 'The property key cannot be longer than 255 characters.',
  tooManyProperties: 'You can request at most 5 issue properties.',
  searchRemoved:
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
} as const;
