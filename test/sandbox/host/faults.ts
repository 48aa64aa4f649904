/**
 * `POST /__sandbox/faults`: one body arms the simulator's Jira faults, the Forge proxy fault, the
 * KVS faults and Forge's invocation rate limits at once, replacing whatever was armed. Validated here so a typo answers 400
 * instead of silently arming nothing.
 */
import { z } from 'zod';
import type { JiraFaults } from '../jira/simulator';
import type { InvocationRateLimits, KvsFaults, ProxyFault } from '../forge/sandbox';
import { HttpError } from './http-util';
import type { World } from './world';

const count = z.number().int().min(0);
const match = z.string().optional();

const jiraFaultsSchema = z
  .object({
    latency: z.union([z.object({ fixedMs: z.number().min(0) }).strict(), z.object({ minMs: z.number().min(0), maxMs: z.number().min(0) }).strict()]).optional(),
    rateLimit: z
      .object({
        count,
        match,
        signal: z.enum(['retry-after', 'reset', 'both', 'none']).optional(),
        retryAfterSeconds: z.number().min(0).optional(),
        reason: z.enum(['jira-quota-global-based', 'jira-burst-based', 'jira-per-issue-on-write']).optional(),
      })
      .strict()
      .optional(),
    serverError: z.object({ count, status: z.union([z.literal(500), z.literal(503)]), match, retryAfterSeconds: z.number().min(0).optional() }).strict().optional(),
    malformed: z.object({ count, kind: z.enum(['truncated-json', 'html']), match, status: z.number().int().optional() }).strict().optional(),
  })
  .strict();

const proxyFaultSchema = z
  .object({ remote: z.enum(['jira', 'kvs', 'any']).optional(), error: z.string().optional(), status: z.number().int().optional(), times: count.optional() })
  .strict();

const kvsFaultsSchema = z
  .object({
    latencyMs: z.number().min(0).optional(),
    failure: z
      .object({ status: z.number().int(), code: z.string(), message: z.string().optional(), times: count.optional(), paths: z.array(z.string()).optional() })
      .strict()
      .optional(),
  })
  .strict();

// Forge's 1,200 per user / 5,000 per installation a minute when a number is left out; `{}` arms both.
const invocationLimitsSchema = z.object({ perUser: count.optional(), perInstallation: count.optional() }).strict();

const faultsBodySchema = z
  .object({ jira: jiraFaultsSchema.optional(), proxy: proxyFaultSchema.optional(), kvs: kvsFaultsSchema.optional(), invocations: invocationLimitsSchema.optional() })
  .strict();

export interface ArmedFaults {
  jira: JiraFaults;
  proxy?: ProxyFault;
  kvs: KvsFaults;
  invocations?: InvocationRateLimits;
}

/**
 * Accepts `{jira, proxy, kvs}` or, as a shorthand, Jira faults alone (`{"rateLimit": {"count": 3}}`).
 * `{}` disarms everything.
 */
export function parseFaults(body: Record<string, unknown>): ArmedFaults {
  const grouped = ['jira', 'proxy', 'kvs', 'invocations'].some((key) => key in body);
  const parsed = faultsBodySchema.safeParse(grouped ? body : { jira: body });
  if (!parsed.success) {
    throw new HttpError(400, 'invalid-faults', z.prettifyError(parsed.error));
  }
  const { jira = {}, proxy, kvs = {}, invocations } = parsed.data;
  const armed: ArmedFaults = { jira: jira satisfies JiraFaults, kvs: kvs satisfies KvsFaults };
  if (proxy) armed.proxy = proxy satisfies ProxyFault;
  if (invocations) armed.invocations = invocations satisfies InvocationRateLimits;
  return armed;
}

export function armFaults(world: World, faults: ArmedFaults): void {
  world.jira.setFaults(faults.jira);
  world.forge.setProxyFault(faults.proxy);
  world.forge.kvs.setFaults(faults.kvs);
  world.forge.setInvocationRateLimits(faults.invocations);
}
