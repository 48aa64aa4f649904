/**
 * What the runtime needs from the Jira side: the simulator's request interface (shared types
 * from ../jira/simulator). Declared structurally so a test can also hand in a boundary that
 * must never be reached.
 */
import type { JiraRequest, JiraResponse } from '../jira/simulator';

export type { Caller, JiraRequest, JiraResponse } from '../jira/simulator';

export interface JiraBackend {
  readonly site: { readonly cloudId: string; readonly baseUrl: string };
  handle(request: JiraRequest): Promise<JiraResponse>;
}
