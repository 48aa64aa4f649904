import type { z } from 'zod';
import type { SimSite } from '../model';
import type { Access } from './access';
import type { Caller } from './http';
import type { SearchIndex } from './search-index';
import { MESSAGES, reject } from './http';
import type { SiteIndex } from './site-index';

/** Everything a route handler gets: the request, taken apart, and the site seen by this caller. */
export interface RouteContext {
  site: SimSite;
  index: SiteIndex;
  /** What JQL sees: the site as last indexed (writes show after the simulator's index lag). */
  searchIndex: SearchIndex;
  /** The site changes only through the simulator: search lookups stand until its next write (see JiraSimulatorOptions). */
  writesThroughSimulatorOnly?: boolean;
  access: Access;
  caller: Caller;
  now: Date;
  /** Path parameters by their template name, URL-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  body: string | undefined;
}

export function param(ctx: RouteContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`Route has no path parameter {${name}}`);
  return value;
}

/** A list parameter, given repeated (`fields=a&fields=b`), comma-separated (`fields=a,b`) or both. */
export function listParam(ctx: RouteContext, name: string): string[] {
  return ctx.query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function intParam(ctx: RouteContext, name: string, fallback: number): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) reject(400, `The '${name}' parameter must be an integer, not '${raw}'.`);
  return Number(raw);
}

export function boolParam(ctx: RouteContext, name: string): boolean {
  return ctx.query.get(name)?.toLowerCase() === 'true';
}

/** A JSON body checked against the documented request bean; Jira rejects unknown properties too. */
export function jsonBody<T>(ctx: RouteContext, schema: z.ZodType<T>): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.body ?? '');
  } catch {
    reject(400, MESSAGES.invalidPayload);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) reject(400, MESSAGES.invalidPayload);
  return result.data;
}

/** A numeric path id (boards, sprints): anything else names no resource. */
export function numericParam(ctx: RouteContext, name: string, notFound: string): number {
  const raw = param(ctx, name);
  if (!/^\d+$/.test(raw)) reject(404, notFound);
  return Number(raw);
}
