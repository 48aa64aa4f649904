/** Builders for the simulator's tests: a fresh demo site per simulator, callers by role, one-line requests. */
import { buildDemoSite, DEMO_USERS } from '../demo';
import type { DemoUserRole } from '../demo';
import type { SimIssue, SimSite } from './model';
import type { Caller, JiraResponse, JiraSimulatorOptions } from './simulator';
import { JiraSimulator } from './simulator';

export function asUser(role: DemoUserRole): Caller {
  return { kind: 'user', accountId: DEMO_USERS[role] };
}

export const ANONYMOUS: Caller = { kind: 'anonymous' };
export const APP: Caller = { kind: 'app' };

export function demoSimulator(options: JiraSimulatorOptions & { site?: SimSite } = {}): JiraSimulator {
  return new JiraSimulator(options.site ?? buildDemoSite(), options);
}

export interface Call {
  method?: string;
  path: string;
  body?: unknown;
  caller?: Caller;
}

/** Sends a request (the product manager by default), JSON-encoding the body. */
export function send(sim: JiraSimulator, call: Call): Promise<JiraResponse> {
  return sim.handle({
    method: call.method ?? 'GET',
    path: call.path,
    caller: call.caller ?? asUser('productManager'),
    ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
  });
}

/** The parsed body, typed by the test that reads it (the contract test checks the real shapes). */
export function bodyOf<T>(response: JiraResponse): T {
  return JSON.parse(response.body) as T;
}

/** An issue of the site by key; a test that names a missing one is wrong, so it throws. */
export function issueNamed(site: SimSite, key: string): SimIssue {
  const issue = site.issues.find((i) => i.key === key);
  if (!issue) throw new Error(`No issue ${key} on the site`);
  return issue;
}

export function jql(text: string): string {
  return encodeURIComponent(text);
}

export interface SearchPage {
  issues: Array<{ id: string; key?: string; fields?: Record<string, unknown>; properties?: Record<string, unknown> }>;
  nextPageToken?: string;
  isLast: boolean;
}

export interface ErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}
