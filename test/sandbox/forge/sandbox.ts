/**
 * ForgeSandbox: the platform side of Forge's runtime boundary, so the real, unmodified
 * @forge/api, @forge/kvs and @forge/resolver run locally against the Jira simulator and an
 * in-process KVS. See README.md in this folder for how tests set it up.
 */
import type { InvocationKind, InvocationStats } from './invocation';
import { fromJson, INVOCATION_LIMITS, platformTimeoutMs, toJson, type FunctionDeclarations } from './invocation-limits';
import { InvocationRateLimiter, type InvocationRateLimits } from './invocation-rate';
import { PayloadTooLargeError, ResponseTooLargeError } from './errors';
import { scopeRefusal } from './scope-check';
import { createPlatformEndpoint } from './fetch-router';
import { functionBundleDir } from './function-bundle';
import { installGlobals, releaseGlobals } from './globals';
import { invoke, type Installation } from './invoker';
import type { JiraBackend, JiraRequest, JiraResponse } from './jira-boundary';
import { SandboxKvs } from './kvs/sandbox-kvs';
import type { SandboxManifest } from './manifest';
import { ProxyFaults, type ProxyFault } from './proxy-faults';
import { SandboxQueue, type DrainReport } from './queue/async-queue';
import { backendPayload, resolverContext, type ResolverCall, type ResolverHandler, type ResolverRequest, type SiteIdentity } from './resolver-call';
import type { EnvironmentType } from './runtime';
import {
  asyncEvent,
  functionContext,
  invocationEnvelope,
  type AsyncEvent,
  type FunctionContext,
  type TriggerEnvelope,
  type TriggerOptions,
} from './trigger-call';

export { ForgeSandboxError, InvocationRateLimitedError, InvocationTimeoutError, PayloadTooLargeError, ResponseTooLargeError } from './errors';
export type { InvocationRateLimits } from './invocation-rate';
export { INVOCATION_LIMITS } from './invocation-limits';
export type { SandboxErrorCode } from './errors';
export type { InvocationStats, JiraCall } from './invocation';
export type { Caller, JiraBackend, JiraRequest, JiraResponse } from './jira-boundary';
export type { KvsFaults, KvsStats } from './kvs/sandbox-kvs';
export { KVS_QUOTAS, type KvsQuotaLimits, type KvsQuotaStats } from './kvs/quotas';
export type { KvsSnapshot } from './kvs/store';
export type { EntityDeclaration } from './kvs/entity-schema';
export { SandboxKvs } from './kvs/sandbox-kvs';
export type { ProxyFault } from './proxy-faults';
export { QUEUE_LIMITS, SandboxQueue, type DrainReport, type QueuedEvent } from './queue/async-queue';
export type { AccountType, BackendRuntimePayload, ResolverCall, ResolverHandler, ResolverRequest } from './resolver-call';
export type { AsyncEvent, FunctionContext, TriggerEnvelope, TriggerOptions } from './trigger-call';
export { loadManifest, parseManifest, type ManifestFunction, type ManifestModule, type SandboxManifest } from './manifest';

export interface ForgeSandboxOptions {
  jira: JiraBackend;
  /** Persist the KVS to this JSON file across restarts (`npm start`); in memory otherwise. */
  storageFile?: string;
  appId?: string;
  environmentType?: EnvironmentType;
  /** From `loadManifest('manifest.yml')`, or an inline declaration in tests. */
  manifest?: Partial<SandboxManifest>;
  /** Called after every invocation with what it cost (host page log, benchmarks). */
  onInvocation?: (stats: InvocationStats) => void;
  /**
   * The function behind a manifest function key (`npm start` imports `handler` of manifest.yml);
   * queue events reach consumers found here or registered with `registerConsumer`.
   */
  functionHandler?: (functionKey: string) => Promise<ConsumerHandler | undefined>;
}

/** A `consumer` module's function, as Forge calls it. */
export type ConsumerHandler = (event: AsyncEvent, context: FunctionContext) => unknown;

/** A scheduled trigger's request is the envelope alone. */
export type ScheduledTriggerRequest = TriggerEnvelope;

/** One event of a queue, as `Queue.push` took it; delivery ids are generated unless given. */
export interface ConsumerDelivery<B extends Record<string, unknown>> {
  body: B;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  jobId?: string;
  eventId?: string;
  retryContext?: AsyncEvent['retryContext'];
}

export interface ConsumerOptions extends TriggerOptions {
  /** The queue the consumer module listens to; default the module's `queue` or `sandbox-queue`. */
  queueName?: string;
}

export interface ScriptOptions {
  /** Run as this user (`asUser()` works); without it only `asApp()` and storage do. */
  accountId?: string;
  moduleKey?: string;
  timeoutMs?: number;
}

const DEFAULT_APP_ID = '5d1f4a3e-7b2c-4c8e-9f60-2a7e1b9c4d10';
const ENVIRONMENT_ID = '8c3b2e1a-4f5d-4a6b-8c7d-9e0f1a2b3c4d';
const INSTALLATION_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

export class ForgeSandbox {
  readonly kvs: SandboxKvs;
  readonly jira: JiraBackend;
  readonly appId: string;
  readonly environmentId = ENVIRONMENT_ID;
  readonly installationId = INSTALLATION_ID;
  readonly environmentType: EnvironmentType;
  /**
   * What Forge's proxy lets the app call: manifest.yml `permissions.scopes`. Undefined when the
   * sandbox was built without a manifest declaring scopes: then nothing is checked.
   */
  readonly grantedScopes: readonly string[] | undefined;
  private readonly faults = new ProxyFaults();
  private readonly rateLimiter = new InvocationRateLimiter();
  private readonly declared: FunctionDeclarations | undefined;
  private readonly installation: Installation;
  private last: InvocationStats | undefined;
  /** Async events pushed by the app (`@forge/events`), delivered to the manifest's consumers. */
  readonly queue: SandboxQueue;
  private readonly consumers = new Map<string, ConsumerHandler>();
  private readonly functionHandler: ForgeSandboxOptions['functionHandler'];

  constructor(options: ForgeSandboxOptions) {
    this.jira = options.jira;
    this.appId = options.appId ?? options.manifest?.appId ?? DEFAULT_APP_ID;
    this.environmentType = options.environmentType ?? 'DEVELOPMENT';
    this.declared =
      options.manifest?.functions && options.manifest.modules ? { functions: options.manifest.functions, modules: options.manifest.modules } : undefined;
    this.grantedScopes = options.manifest?.scopes;
    this.kvs = new SandboxKvs({
      entities: options.manifest?.entities ?? [],
      ...(options.storageFile ? { storageFile: options.storageFile } : {}),
    });
    this.functionHandler = options.functionHandler;
    this.queue = new SandboxQueue((event) => this.deliverQueued(event));
    this.installation = {
      endpoint: createPlatformEndpoint({
        jira: this.jira,
        kvs: this.kvs,
        queue: this.queue,
        faults: this.faults,
        ...(this.grantedScopes ? { scopes: this.grantedScopes } : {}),
      }),
      appId: this.appId,
      environmentId: this.environmentId,
      environmentType: this.environmentType,
      installationId: this.installationId,
      cloudId: this.jira.site.cloudId,
      scopes: options.manifest?.scopes ?? [],
      // What `forge deploy` bundles from the manifest's `translations`: @forge/api's i18n reads it.
      ...(options.manifest?.translations ? { appCodeDir: functionBundleDir(options.manifest.translations) } : {}),
      onEnd: (stats) => {
        this.last = stats;
        options.onInvocation?.(stats);
      },
    };
  }

  /** `ari:cloud:jira::site/<cloudId>`: the installation's context, as Forge passes it. */
  get installContext(): string {
    return `ari:cloud:jira::site/${this.jira.site.cloudId}`;
  }

  /** What the last invocation cost: Jira requests (and which), storage operations, time. */
  get lastInvocation(): InvocationStats | undefined {
    return this.last;
  }

  /**
   * Defines `globalThis.__forge_fetch__` and the per-invocation `globalThis.__forge_runtime__`,
   * and makes this sandbox serve platform calls made outside invocations (seeding storage in a
   * test). Idempotent; safe before or after @forge/* is imported.
   */
  install(): void {
    installGlobals(this.installation.endpoint);
  }

  /** Stops serving calls made outside invocations (the globals stay for other sandboxes). */
  uninstall(): void {
    releaseGlobals(this.installation.endpoint);
  }

  /**
   * A product request from outside a function (Custom UI's `requestJira`, the host's curl
   * surface): the same scope check as `__forge_fetch__`, then Jira.
   */
  async productRequest(request: JiraRequest): Promise<JiraResponse> {
    return scopeRefusal(this.grantedScopes, request.method, request.path) ?? this.jira.handle(request);
  }

  /** Make the Forge proxy fail (`forge-proxy-error`) for Jira, storage or every call; undefined heals it. */
  setProxyFault(fault: ProxyFault | undefined): void {
    this.faults.set(fault);
  }

  /**
   * Arms Forge's per-user (1,200) and per-installation (5,000) invocations per minute for
   * user-led invocations (`callResolver`); lower numbers reach them quickly. Undefined disarms.
   */
  setInvocationRateLimits(limits: InvocationRateLimits | undefined): void {
    this.rateLimiter.set(limits);
  }

  /**
   * Lifts Forge's 5 MB response limit (a larger number) or restores it (undefined). For the
   * browser render bench only, which must get a board past what one `getRoadmap` may answer and
   * says so in its rows; everything else runs with Forge's limit.
   */
  setResponseLimitForBenchmark(bytes: number | undefined): void {
    this.responseLimitBytes = bytes ?? INVOCATION_LIMITS.maxResponseBytes;
  }
  private responseLimitBytes: number = INVOCATION_LIMITS.maxResponseBytes;

  /**
   * A Custom UI `invoke(functionKey, payload)` reaching the app's resolver: payload and result
   * cross as JSON, within 500 KB / 5 MB, and the function is stopped after 25 s.
   */
  async callResolver(handler: ResolverHandler, call: ResolverCall): Promise<unknown> {
    this.rateLimiter.admit(call.accountId ?? 'anonymous');
    const payload = toJson(call.payload);
    if (payload.bytes > INVOCATION_LIMITS.maxPayloadBytes) {
      throw new PayloadTooLargeError(payload.bytes, INVOCATION_LIMITS.maxPayloadBytes);
    }
    const request: ResolverRequest = {
      call: { functionKey: call.functionKey, ...(payload.text === undefined ? {} : { payload: fromJson(payload.text) }) },
      context: fromJson(toJson(resolverContext(call, this.siteIdentity())).text) as Record<string, unknown>,
    };
    const backend = backendPayload(call, this.installContext);
    return invoke(
      this.installation,
      {
        kind: 'resolver',
        moduleKey: call.moduleKey,
        functionKey: call.functionKey,
        user: call.accountId ? { kind: 'user', accountId: call.accountId } : { kind: 'anonymous' },
        timeoutMs: this.timeoutMs('resolver', call.moduleKey, call.timeoutMs),
        ...(call.license ? { license: call.license } : {}),
        ...(call.installation === undefined ? {} : { installation: call.installation }),
      },
      async () => acrossPlatform(await handler(request, backend), this.responseLimitBytes),
    );
  }

  /** A product event (e.g. `issueEvent(site, {eventType: 'avi:jira:updated:issue', …})`) reaching a trigger function. */
  fireTrigger<E extends object>(
    handler: (event: E & TriggerEnvelope, context: FunctionContext) => unknown,
    event: E,
    options: TriggerOptions = {},
  ): Promise<unknown> {
    const moduleKey = options.moduleKey ?? 'sandbox-trigger';
    const delivered = fromJson(toJson({ ...event, ...invocationEnvelope(this.jira.site.cloudId, moduleKey) }).text) as E & TriggerEnvelope;
    return this.runTrigger('trigger', moduleKey, options, () => handler(delivered, functionContext(options, this.installContext)));
  }

  /** A `scheduledTrigger` firing: `handler({context: {cloudId, moduleKey}, contextToken}, context)`, no user. */
  fireScheduledTrigger(
    handler: (request: ScheduledTriggerRequest, context: FunctionContext) => unknown,
    options: TriggerOptions = {},
  ): Promise<unknown> {
    const moduleKey = options.moduleKey ?? 'sandbox-scheduled-trigger';
    const request = invocationEnvelope(this.jira.site.cloudId, moduleKey);
    return this.runTrigger('scheduled-trigger', moduleKey, options, () => handler(request, functionContext(options, this.installContext)));
  }

  /**
   * A queue event reaching a `consumer` function: `handler({body, queueName, jobId, eventId,
   * retryContext?}, context)`, no user unless given, 55 s or the function's `timeoutSeconds`.
   */
  fireConsumer<B extends Record<string, unknown>>(
    handler: (event: AsyncEvent<B>, context: FunctionContext) => unknown,
    delivery: ConsumerDelivery<B>,
    options: ConsumerOptions = {},
  ): Promise<unknown> {
    const moduleKey = options.moduleKey ?? 'sandbox-consumer';
    const queueName = options.queueName ?? this.declared?.modules.find((module) => module.key === moduleKey)?.queue ?? 'sandbox-queue';
    const { jobId, eventId, retryContext, ...pushed } = delivery;
    const event = fromJson(
      toJson(
        asyncEvent(queueName, pushed, {
          ...(jobId ? { jobId } : {}),
          ...(eventId ? { eventId } : {}),
          ...(retryContext ? { retryContext } : {}),
        }),
      ).text,
    ) as AsyncEvent<B>;
    return this.runTrigger('consumer', moduleKey, options, () => handler(event, functionContext(options, this.installContext)));
  }

  /** The function of the `consumer` module `moduleKey` (tests; `npm start` finds it through `functionHandler`). */
  registerConsumer(moduleKey: string, handler: ConsumerHandler): void {
    this.consumers.set(moduleKey, handler);
  }

  /** Delivers every queued event, retries included, as if their delays had passed (see SandboxQueue.drain). */
  drainQueue(options?: { maxDeliveries?: number; parallel?: number; dueOnly?: boolean }): Promise<DrainReport> {
    return this.queue.drain(options);
  }

  /** One queued event to the consumer module of its queue, as a consumer invocation; undefined when none listens. */
  private async deliverQueued(event: AsyncEvent): Promise<{ result: unknown } | { error: unknown } | undefined> {
    const module = this.declared?.modules.find((candidate) => candidate.type === 'consumer' && candidate.queue === event.queueName);
    const moduleKey = module?.key ?? [...this.consumers.keys()].find((key) => key === event.queueName);
    if (!moduleKey) return undefined;
    const handler =
      this.consumers.get(moduleKey) ?? (module?.functionKey && this.functionHandler ? await this.functionHandler(module.functionKey) : undefined);
    if (!handler) return undefined;
    const delivered = fromJson(toJson(event).text) as AsyncEvent;
    try {
      return { result: await this.runTrigger('consumer', moduleKey, {}, () => handler(delivered, functionContext({}, this.installContext))) };
    } catch (error) {
      return { error };
    }
  }

  /** Runs any code inside an invocation (scripts, seeding data as a user through app adapters). */
  run<T>(fn: () => T | Promise<T>, options: ScriptOptions = {}): Promise<T> {
    return invoke(
      this.installation,
      {
        kind: 'script',
        moduleKey: options.moduleKey ?? 'sandbox-script',
        user: options.accountId ? { kind: 'user', accountId: options.accountId } : { kind: 'none' },
        timeoutMs: this.timeoutMs('script', options.moduleKey ?? 'sandbox-script', options.timeoutMs),
      },
      fn,
    );
  }

  /** The platform's limit for this module; a test's `timeoutMs` may only shorten it. */
  private timeoutMs(kind: InvocationKind, moduleKey: string, requested: number | undefined): number {
    this.checkModuleKind(kind, moduleKey);
    const limit = platformTimeoutMs(kind, moduleKey, this.declared);
    return requested === undefined ? limit : Math.min(requested, limit);
  }

  /**
   * Forge invokes a module only as what the manifest declares it to be; firing a declared scheduled
   * trigger as a product event (or the reverse) is a mistake in the test, so it throws.
   */
  private checkModuleKind(kind: InvocationKind, moduleKey: string): void {
    const module = this.declared?.modules.find((candidate) => candidate.key === moduleKey);
    if (!module) return;
    const fits =
      kind === 'resolver' ? module.type.includes(':') : kind === 'script' || MODULE_TYPE_OF_KIND[kind] === module.type;
    if (!fits) throw new Error(`manifest.yml declares ${moduleKey} as a ${module.type} module; it cannot be invoked as a ${kind}`);
  }

  private runTrigger(kind: 'trigger' | 'scheduled-trigger' | 'consumer', moduleKey: string, options: TriggerOptions, fn: () => unknown): Promise<unknown> {
    return invoke(
      this.installation,
      {
        kind,
        moduleKey,
        user: options.accountId ? { kind: 'user', accountId: options.accountId } : { kind: 'none' },
        timeoutMs: this.timeoutMs(kind, moduleKey, options.timeoutMs),
        ...(options.license ? { license: options.license } : {}),
      },
      async () => acrossPlatform(await fn()),
    );
  }

  private siteIdentity(): SiteIdentity {
    return {
      appId: this.appId,
      environmentId: this.environmentId,
      environmentType: this.environmentType,
      cloudId: this.jira.site.cloudId,
      siteUrl: this.jira.site.baseUrl,
    };
  }
}

const MODULE_TYPE_OF_KIND: Record<Exclude<InvocationKind, 'resolver' | 'script'>, string> = {
  trigger: 'trigger',
  'scheduled-trigger': 'scheduledTrigger',
  consumer: 'consumer',
  'web-trigger': 'webtrigger',
};

/** A function's result leaves the platform as JSON, at most 5 MB of it. */
function acrossPlatform(result: unknown, limitBytes: number = INVOCATION_LIMITS.maxResponseBytes): unknown {
  const response = toJson(result);
  if (response.bytes > limitBytes) {
    throw new ResponseTooLargeError(response.bytes, limitBytes);
  }
  return fromJson(response.text);
}
