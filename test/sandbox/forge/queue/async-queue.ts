/**
 * Forge's async events, platform side: what `new Queue({key}).push(…)` of @forge/events 3.x sends
 * through `__forge_fetch__` (`{type:'fpp', provider:'app', remote:'stargate'}`, `POST
 * /webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}`, 201 expected), kept
 * and delivered to the manifest's `consumer` module of that queue as an invocation of its own.
 * @see https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
 * @see https://developer.atlassian.com/platform/forge/limits-async-events/
 *
 * Events are held in memory: a restart of `npm start` loses the ones not yet delivered (Forge keeps
 * them). Apps must not rely on delivery anyway, only on redelivery after a failure, which this models.
 */
import { randomUUID } from 'node:crypto';
import type { AsyncEvent } from '../trigger-call';

/** Async events limits (per push request) and the retry rules, as published. */
export const QUEUE_LIMITS = {
  eventsPerPush: 50,
  /** Combined payload of one push, in KB of JSON (the SDK checks it too). */
  pushPayloadKb: 200,
  maxDelaySeconds: 900,
  /** `retryData` of an InvocationError: 4 KB. */
  retryDataBytes: 4_096,
  /**
   * Redeliveries after the first attempt. The async events page says failed events are retried; we
   * model at most 4 retries (5 attempts), the lower reading (unverified figure), so an app that
   * needs more must re-push on its own.
   */
  maxRetries: 4,
  /** `retryAfter` of an InvocationError is clamped to 1…900 s. */
  minRetryAfterSeconds: 1,
  maxRetryAfterSeconds: 900,
} as const;

/** Consumer invocations `npm start` runs at once (Forge publishes no figure; concurrency keys still apply). */
const autoParallel = 8;

export const PUBLISH_PATH = '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}';
export const STATS_PATH = '/webhook/queue/stats/{contextAri}/{environmentId}/{appId}/{appVersion}';
export const CANCEL_PATH = '/webhook/queue/cancel/{contextAri}/{environmentId}/{appId}/{appVersion}';

const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;

export interface QueuedEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  /** Epoch ms from which it may be delivered. */
  dueAt: number;
  retryContext?: NonNullable<AsyncEvent['retryContext']>;
  firstPushedAt: number;
}

/**
 * Runs the consumer for one event; resolves with its (JSON-crossed) result, rejects when it threw or
 * timed out. `undefined` when no consumer module listens to the queue.
 */
export type Deliver = (event: AsyncEvent) => Promise<{ result: unknown } | { error: unknown } | undefined>;

export interface DrainReport {
  /** Consumer invocations made. */
  deliveries: number;
  succeeded: number;
  retried: number;
  /** Gave up after the last retry. */
  failed: number;
  /** No consumer module for their queue: kept, never delivered. */
  undeliverable: number;
}

interface JobCounts {
  success: number;
  inProgress: number;
  failed: number;
}

interface Reply {
  status: number;
  body: string;
}

export class SandboxQueue {
  private pending: QueuedEvent[] = [];
  private readonly jobs = new Map<string, JobCounts>();
  /** Events that used up their retries, newest last (inspection in tests). */
  readonly failed: QueuedEvent[] = [];
  readonly stats = { pushes: 0, events: 0, deliveries: 0, retries: 0, failures: 0 };
  private timer: NodeJS.Timeout | undefined;
  private auto = false;
  private delivering = false;
  private refusal: { status: number; times: number } | undefined;

  constructor(
    private readonly deliver: Deliver,
    private readonly now: () => number = Date.now,
  ) {}

  /** Events waiting (delayed, retrying or never delivered yet). */
  get size(): number {
    return this.pending.length;
  }

  snapshot(): readonly QueuedEvent[] {
    return this.pending.map((event) => ({ ...event }));
  }

  /** The next `times` pushes answer `status` (429 → RateLimitError, 5xx → InternalServerError). */
  failPushes(status: number, times = 1): void {
    this.refusal = times > 0 ? { status, times } : undefined;
  }

  clear(): void {
    this.pending = [];
    this.failed.length = 0;
    this.jobs.clear();
  }

  /** The stargate end of `__forge_fetch__` for `/webhook/queue/…`. */
  handle(path: string, body: string | undefined): Reply {
    if (this.refusal) {
      const { status } = this.refusal;
      this.refusal = this.refusal.times > 1 ? { status, times: this.refusal.times - 1 } : undefined;
      return json(status, { message: 'Sandbox queue fault' });
    }
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(body ?? '') as Record<string, unknown>;
    } catch {
      return json(400, { message: 'Body is not JSON' });
    }
    if (path === PUBLISH_PATH) return this.publish(request);
    if (path === STATS_PATH || path === CANCEL_PATH) {
      const job = typeof request.jobId === 'string' ? this.jobs.get(request.jobId) : undefined;
      if (!job) return json(404, { message: 'Job not found' });
      if (path === STATS_PATH) return json(200, job);
      const jobId = request.jobId as string;
      const cancelled = this.pending.filter((event) => event.jobId === jobId).length;
      this.pending = this.pending.filter((event) => event.jobId !== jobId);
      job.inProgress -= cancelled;
      return { status: 204, body: '' };
    }
    return json(404, { message: `No queue endpoint ${path}` });
  }

  private publish(request: Record<string, unknown>): Reply {
    const { queueName, jobId, payload } = request;
    if (typeof queueName !== 'string' || !QUEUE_NAME.test(queueName)) return json(400, { message: 'Invalid queue name' });
    if (typeof jobId !== 'string' || jobId.length === 0) return json(400, { message: 'jobId is required' });
    if (!Array.isArray(payload) || payload.length === 0) return json(400, { message: 'No events pushed' });
    if (payload.length > QUEUE_LIMITS.eventsPerPush) return json(400, { message: `At most ${QUEUE_LIMITS.eventsPerPush} events a push` });
    if (Buffer.byteLength(JSON.stringify(payload)) / 1024 > QUEUE_LIMITS.pushPayloadKb) {
      return json(413, { errorMessage: `The maximum payload size is ${QUEUE_LIMITS.pushPayloadKb}KB.` });
    }
    const at = this.now();
    const events: QueuedEvent[] = [];
    for (const raw of payload) {
      const event = raw as Record<string, unknown>;
      if (typeof event !== 'object' || event === null || typeof event.body !== 'object' || event.body === null || Array.isArray(event.body)) {
        return json(400, { message: 'Event body must be an object.' });
      }
      const delay = event.delayInSeconds;
      if (delay !== undefined && (typeof delay !== 'number' || delay < 0 || delay > QUEUE_LIMITS.maxDelaySeconds)) {
        return json(400, { message: 'The delayInSeconds setting must be between 0 and 900.' });
      }
      events.push({
        queueName,
        jobId,
        eventId: randomUUID(),
        body: event.body as Record<string, unknown>,
        ...(typeof delay === 'number' ? { delayInSeconds: delay } : {}),
        ...(isConcurrency(event.concurrency) ? { concurrency: event.concurrency } : {}),
        dueAt: at + (typeof delay === 'number' ? delay * 1000 : 0),
        firstPushedAt: at,
      });
    }
    this.pending.push(...events);
    this.jobs.set(jobId, { success: 0, inProgress: events.length, failed: 0 });
    this.stats.pushes += 1;
    this.stats.events += events.length;
    this.schedule();
    return json(201, { jobId });
  }

  /**
   * Delivers every event, retries included, as if their delays had passed: the earliest due first,
   * one at a time, until none is left that a consumer can take. For tests.
   */
  async drain(options: { maxDeliveries?: number; parallel?: number; dueOnly?: boolean } = {}): Promise<DrainReport> {
    // `dueOnly` (in parallel): stop when only delayed events are left instead of waiting for them.
    if ((options.parallel ?? 1) > 1) return this.drainInParallel(options.parallel!, options.maxDeliveries ?? 10_000, options.dueOnly ?? false);
    const report: DrainReport = { deliveries: 0, succeeded: 0, retried: 0, failed: 0, undeliverable: 0 };
    const limit = options.maxDeliveries ?? 10_000;
    const skipped = new Set<string>();
    while (report.deliveries < limit) {
      const next = this.earliest((event) => !skipped.has(event.eventId));
      if (!next) break;
      const outcome = await this.deliverOne(next);
      if (outcome === 'no-consumer') {
        skipped.add(next.eventId);
        continue;
      }
      report.deliveries += 1;
      report[outcome] += 1;
    }
    report.undeliverable = skipped.size;
    return report;
  }

  /**
   * Like `drain`, with up to `parallel` consumer invocations at once, as Forge runs them: events
   * pushed with a `concurrency` key never run more than its `limit` at a time, and an event is
   * delivered only once its delay has passed (waiting in real time for it). Forge does not publish
   * how many invocations of one queue it runs at once; tests and the bench choose.
   */
  private async drainInParallel(parallel: number, maxDeliveries: number, dueOnly = false): Promise<DrainReport> {
    const report: DrainReport = { deliveries: 0, succeeded: 0, retried: 0, failed: 0, undeliverable: 0 };
    const inFlight = new Set<QueuedEvent>();
    const skipped = new Set<string>();
    const running = new Map<string, number>();
    const mayStart = (event: QueuedEvent) =>
      !inFlight.has(event) && !skipped.has(event.eventId) && (!event.concurrency || (running.get(event.concurrency.key) ?? 0) < event.concurrency.limit);
    await new Promise<void>((resolve, reject) => {
      const pump = (): void => {
        if (report.deliveries + inFlight.size >= maxDeliveries && inFlight.size === 0) return resolve();
        while (inFlight.size < parallel && report.deliveries + inFlight.size < maxDeliveries) {
          const next = this.earliest(mayStart);
          if (!next) break;
          const wait = next.dueAt - this.now();
          if (wait > 0) {
            if (inFlight.size === 0 && !dueOnly) setTimeout(pump, wait);
            else if (inFlight.size === 0) return resolve();
            break;
          }
          inFlight.add(next);
          const key = next.concurrency?.key;
          if (key) running.set(key, (running.get(key) ?? 0) + 1);
          void this.deliverOne(next).then((outcome) => {
            inFlight.delete(next);
            if (key) running.set(key, (running.get(key) ?? 1) - 1);
            if (outcome === 'no-consumer') skipped.add(next.eventId);
            else {
              report.deliveries += 1;
              report[outcome] += 1;
            }
            pump();
          }, reject);
        }
        if (inFlight.size === 0 && !this.earliest(mayStart)) resolve();
      };
      pump();
    });
    report.undeliverable = skipped.size;
    return report;
  }

  /** `npm start`: deliver each event when it is due, in the background, until `stop()`. */
  start(): void {
    this.auto = true;
    this.schedule();
  }

  stop(): void {
    this.auto = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (!this.auto || this.delivering) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.earliest(() => true);
    if (!next) return;
    this.timer = setTimeout(() => void this.tick(), Math.max(0, next.dueAt - this.now()));
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.delivering = true;
    try {
      // Several at once, as Forge runs a queue's invocations side by side (within concurrency keys).
      await this.drainInParallel(autoParallel, Number.POSITIVE_INFINITY, true);
    } finally {
      this.delivering = false;
      this.schedule();
    }
  }

  private earliest(include: (event: QueuedEvent) => boolean): QueuedEvent | undefined {
    let best: QueuedEvent | undefined;
    for (const event of this.pending) if (include(event) && (!best || event.dueAt < best.dueAt)) best = event;
    return best;
  }

  private async deliverOne(event: QueuedEvent): Promise<'succeeded' | 'retried' | 'failed' | 'no-consumer'> {
    const delivered: AsyncEvent = {
      body: event.body,
      ...(event.delayInSeconds === undefined ? {} : { delayInSeconds: event.delayInSeconds }),
      ...(event.concurrency ? { concurrency: event.concurrency } : {}),
      queueName: event.queueName,
      jobId: event.jobId,
      eventId: event.eventId,
      ...(event.retryContext ? { retryContext: event.retryContext } : {}),
    };
    const answer = await this.deliver(delivered);
    if (!answer) return 'no-consumer';
    this.stats.deliveries += 1;
    this.pending = this.pending.filter((queued) => queued !== event);
    const outcome = interpret(answer);
    const job = this.jobs.get(event.jobId);
    if (outcome.kind === 'done') {
      if (job) {
        job.inProgress -= 1;
        job.success += 1;
      }
      return 'succeeded';
    }
    const retryCount = (event.retryContext?.retryCount ?? 0) + 1;
    if (retryCount > QUEUE_LIMITS.maxRetries || !Number.isFinite(outcome.afterSeconds)) {
      this.failed.push(event);
      this.stats.failures += 1;
      if (job) {
        job.inProgress -= 1;
        job.failed += 1;
      }
      return 'failed';
    }
    const at = this.now();
    this.stats.retries += 1;
    this.pending.push({
      ...event,
      dueAt: at + outcome.afterSeconds * 1000,
      retryContext: {
        retryCount,
        retryReason: outcome.reason,
        retryData: outcome.data,
        retentionWindow: { startTime: new Date(event.firstPushedAt).toISOString(), remainingTimeMs: Math.max(0, event.firstPushedAt + 24 * 3_600_000 - at) },
      },
    });
    return 'retried';

    function interpret(result: { result: unknown } | { error: unknown }): { kind: 'done' } | { kind: 'retry'; reason: string; afterSeconds: number; data?: unknown } {
      if ('error' in result) {
        const timedOut = (result.error as { code?: string } | undefined)?.code === 'INVOCATION_TIMEOUT';
        // Forge's own backoff after a failed invocation is not published: grow it per attempt.
        return { kind: 'retry', reason: timedOut ? 'FUNCTION_TIME_OUT' : 'FUNCTION_PLATFORM_UNKNOWN_ERROR', afterSeconds: 2 ** ((event.retryContext?.retryCount ?? 0) + 1) };
      }
      const value = result.result as { _retry?: unknown; retryOptions?: { retryAfter?: unknown; retryReason?: unknown; retryData?: unknown } } | null;
      if (!value || typeof value !== 'object' || value._retry !== true) return { kind: 'done' };
      const options = value.retryOptions ?? {};
      const after = typeof options.retryAfter === 'number' ? options.retryAfter : QUEUE_LIMITS.minRetryAfterSeconds;
      const data = options.retryData;
      if (data !== undefined && Buffer.byteLength(JSON.stringify(data)) > QUEUE_LIMITS.retryDataBytes) {
        // Over 4 KB of retryData, Forge does not retry the event (CHANGE-2508, enforced since Nov 2025).
        return { kind: 'retry', reason: 'RETRY_DATA_TOO_LARGE', afterSeconds: Number.POSITIVE_INFINITY };
      }
      return {
        kind: 'retry',
        reason: typeof options.retryReason === 'string' ? options.retryReason : 'FUNCTION_RETRY_REQUEST',
        afterSeconds: Math.min(QUEUE_LIMITS.maxRetryAfterSeconds, Math.max(QUEUE_LIMITS.minRetryAfterSeconds, after)),
        ...(data === undefined ? {} : { data }),
      };
    }
  }
}

function isConcurrency(value: unknown): value is { key: string; limit: number } {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string' && typeof (value as { limit?: unknown }).limit === 'number';
}

function json(status: number, body: unknown): Reply {
  return { status, body: JSON.stringify(body) };
}
