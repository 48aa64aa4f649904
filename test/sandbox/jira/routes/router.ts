import type { RouteContext } from './context';
import type { JiraResponse } from './http';
import { jiraError, json } from './http';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route {
  method: HttpMethod;
  /** e.g. '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}' */
  template: string;
  handle(ctx: RouteContext): JiraResponse;
}

export type RouteMatch =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: HttpMethod[]; template: string }
  | { kind: 'none' };

function matchTemplate(template: string, pathname: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = pathname.replace(/\/+$/, '').split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith('{') && w.endsWith('}')) {
      if (g === '') return undefined;
      try {
        params[w.slice(1, -1)] = decodeURIComponent(g);
      } catch {
        return undefined;
      }
    } else if (w !== g) return undefined;
  }
  return params;
}

/** First matching template wins: list literal paths (`/project/search`) before parameters (`/project/{id}`). */
export function matchRoute(routes: Route[], method: string, pathname: string): RouteMatch {
  const allowed: HttpMethod[] = [];
  let template: string | undefined;
  for (const route of routes) {
    const params = matchTemplate(route.template, pathname);
    if (!params) continue;
    if (route.method === method) return { kind: 'route', route, params };
    allowed.push(route.method);
    template ??= route.template;
  }
  return template ? { kind: 'wrong-method', allowed, template } : { kind: 'none' };
}

export function notFoundRoute(method: string, pathname: string): JiraResponse {
  return jiraError(404, [`No Jira REST resource for ${method} ${pathname} (the simulator serves the endpoints the app uses).`]);
}

export function methodNotAllowed(allowed: HttpMethod[]): JiraResponse {
  return json(405, { errorMessages: ['Method Not Allowed'], errors: {} }, { allow: [...new Set(allowed)].join(', ') });
}
