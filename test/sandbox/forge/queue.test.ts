import { jest } from '@jest/globals';
import { getAppContext } from '@forge/api';
import { InternalServerError, InvocationError, InvocationErrorCode, Queue, RateLimitError, TooManyEventsError } from '@forge/events';
import { ForgeSandbox, QUEUE_LIMITS, type AsyncEvent, type FunctionContext } from './sandbox';
import { offlineJira } from './test-fixtures';

const sandbox = new ForgeSandbox({
  jira: offlineJira,
  manifest: {
    scopes: [],
    entities: [],
    functions: { 'sync-fn': { handler: 'index.sync' }, 'long-fn': { handler: 'index.long', timeoutSeconds: 900 } },
    modules: [
      { type: 'consumer', key: 'sync-consumer', functionKey: 'sync-fn', queue: 'sync-queue' },
      { type: 'consumer', key: 'long-consumer', functionKey: 'long-fn', queue: 'long-queue' },
    ],
  },
});

interface Delivery {
  event: AsyncEvent;
  context: FunctionContext;
  remainingMs: number;
  moduleKey: string;
}

let deliveries: Delivery[] = [];
let answer: (event: AsyncEvent) => unknown = () => undefined;
const record = (event: AsyncEvent, context: FunctionContext) => {
  deliveries.push({ event, context, remainingMs: getRemainingMs(), moduleKey: getAppContext().moduleKey });
  return answer(event);
};

function getRemainingMs(): number {
  const runtime = (globalThis as { __forge_runtime__?: { lambdaContext: { getRemainingTimeInMillis(): number } } }).__forge_runtime__;
  return runtime?.lambdaContext.getRemainingTimeInMillis() ?? -1;
}

beforeAll(() => {
  sandbox.install();
  sandbox.registerConsumer('sync-consumer', record);
  sandbox.registerConsumer('long-consumer', record);
});
beforeEach(() => {
  deliveries = [];
  answer = () => undefined;
  sandbox.queue.clear();
});

const push = (key: string, events: Parameters<Queue['push']>[0]) => sandbox.run(() => new Queue({ key }).push(events));

describe('@forge/events pushes reach the queue', () => {
  test('push answers a job id; drain delivers the event to the queue’s consumer as a consumer invocation of 55 s', async () => {
    const { jobId } = await push('sync-queue', { body: { epicId: '10001' } });
    expect(sandbox.queue.size).toBe(1);
    expect(await sandbox.drainQueue()).toEqual({ deliveries: 1, succeeded: 1, retried: 0, failed: 0, undeliverable: 0 });
    expect(deliveries).toHaveLength(1);
    const [delivered] = deliveries;
    expect(delivered?.event).toEqual({ body: { epicId: '10001' }, queueName: 'sync-queue', jobId, eventId: expect.any(String) });
    expect(delivered?.context).toEqual({ principal: undefined, installContext: sandbox.installContext });
    expect(delivered?.moduleKey).toBe('sync-consumer');
    expect(delivered?.remainingMs).toBeGreaterThan(50_000);
    expect(delivered?.remainingMs).toBeLessThanOrEqual(55_000);
    expect(sandbox.lastInvocation).toMatchObject({ kind: 'consumer', moduleKey: 'sync-consumer', outcome: 'ok' });
    expect(await sandbox.run(() => new Queue({ key: 'sync-queue' }).getStats(jobId))).toEqual({ success: 1, inProgress: 0, failed: 0 });
  });

  test('a consumer whose function declares timeoutSeconds: 900 runs up to 900 s', async () => {
    await push('long-queue', { body: { n: 1 } });
    await sandbox.drainQueue();
    expect(deliveries[0]?.remainingMs).toBeGreaterThan(55_000);
    expect(deliveries[0]?.remainingMs).toBeLessThanOrEqual(900_000);
  });

  test('several events of one push are delivered one invocation each, in push order, delays respected in order', async () => {
    await push('sync-queue', [{ body: { n: 1 }, delayInSeconds: 60 }, { body: { n: 2 } }, { body: { n: 3 } }]);
    await sandbox.drainQueue();
    expect(deliveries.map((delivery) => delivery.event.body.n)).toEqual([2, 3, 1]);
    expect(deliveries[2]?.event.delayInSeconds).toBe(60);
  });

  test('a thrown error is redelivered with a growing retry count, and Forge gives up after its last retry', async () => {
    answer = () => {
      throw new Error('Jira is down');
    };
    const { jobId } = await push('sync-queue', { body: { epicId: '10002' } });
    const report = await sandbox.drainQueue();
    expect(report).toEqual({ deliveries: QUEUE_LIMITS.maxRetries + 1, succeeded: 0, retried: QUEUE_LIMITS.maxRetries, failed: 1, undeliverable: 0 });
    expect(deliveries.map((delivery) => delivery.event.retryContext?.retryCount)).toEqual([undefined, 1, 2, 3, 4]);
    expect(deliveries[1]?.event.retryContext).toMatchObject({ retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR', retentionWindow: { startTime: expect.any(String) } });
    expect(new Set(deliveries.map((delivery) => delivery.event.eventId)).size).toBe(1);
    expect(sandbox.queue.failed.map((event) => event.body)).toEqual([{ epicId: '10002' }]);
    expect(sandbox.queue.size).toBe(0);
    expect(await sandbox.run(() => new Queue({ key: 'sync-queue' }).getStats(jobId))).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  test('a returned InvocationError is redelivered after its retryAfter, with its reason and retryData', async () => {
    answer = (event) =>
      event.retryContext ? undefined : new InvocationError({ retryAfter: 30, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED, retryData: { attempt: 1 } });
    await push('sync-queue', { body: { epicId: '10003' } });
    const before = Date.now();
    await sandbox.run(async () => undefined); // no delivery yet outside drain
    expect(deliveries).toHaveLength(0);
    const first = await sandbox.drainQueue({ maxDeliveries: 1 });
    expect(first).toMatchObject({ deliveries: 1, retried: 1 });
    const [waiting] = sandbox.queue.snapshot();
    expect(waiting?.dueAt).toBeGreaterThanOrEqual(before + 30_000);
    await sandbox.drainQueue();
    expect(deliveries[1]?.event.retryContext).toMatchObject({ retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { attempt: 1 } });
    expect(sandbox.queue.size).toBe(0);
  });

  test('a consumer past its time limit is stopped and its event redelivered as FUNCTION_TIME_OUT', async () => {
    const slow = new ForgeSandbox({
      jira: offlineJira,
      manifest: { scopes: [], entities: [], functions: { f: { handler: 'index.f' } }, modules: [{ type: 'consumer', key: 'slow', functionKey: 'f', queue: 'slow-queue' }] },
    });
    slow.install();
    let calls = 0;
    slow.registerConsumer('slow', async (event) => {
      calls += 1;
      if (!event.retryContext) await new Promise((resolve) => setTimeout(resolve, 56_000));
    });
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      await slow.run(() => new Queue({ key: 'slow-queue' }).push({ body: {} }));
      const draining = slow.drainQueue({ maxDeliveries: 1 });
      await jest.advanceTimersByTimeAsync(55_001);
      expect(await draining).toMatchObject({ retried: 1 });
      expect(slow.queue.snapshot()[0]?.retryContext?.retryReason).toBe('FUNCTION_TIME_OUT');
    } finally {
      jest.useRealTimers();
      sandbox.install();
    }
    expect(calls).toBe(1);
  });

  test('an event of a queue no consumer listens to is kept and reported undeliverable', async () => {
    await push('nobody-listens', { body: { n: 1 } });
    expect(await sandbox.drainQueue()).toMatchObject({ deliveries: 0, undeliverable: 1 });
    expect(sandbox.queue.size).toBe(1);
  });

  test('platform refusals reach the app as @forge/events errors', async () => {
    sandbox.queue.failPushes(429);
    await expect(push('sync-queue', { body: {} })).rejects.toBeInstanceOf(RateLimitError);
    sandbox.queue.failPushes(500);
    await expect(push('sync-queue', { body: {} })).rejects.toBeInstanceOf(InternalServerError);
    await expect(push('sync-queue', Array.from({ length: 51 }, () => ({ body: {} })))).rejects.toBeInstanceOf(TooManyEventsError);
    expect(sandbox.queue.size).toBe(0);
  });

  test('the queue itself refuses what Forge refuses, whatever client sends it', async () => {
    const publish = (body: unknown) => sandbox.queue.handle('/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}', JSON.stringify(body));
    expect(publish({ queueName: 'bad name', jobId: 'j', payload: [{ body: {} }] }).status).toBe(400);
    expect(publish({ queueName: 'q', jobId: 'j', payload: [{ body: {}, delayInSeconds: 901 }] }).status).toBe(400);
    expect(publish({ queueName: 'q', jobId: 'j', payload: [{ body: 'text' }] }).status).toBe(400);
    expect(publish({ queueName: 'q', jobId: 'j', payload: [{ body: { big: 'x'.repeat(210 * 1024) } }] }).status).toBe(413);
    expect(sandbox.queue.size).toBe(0);
  });

  test('started (npm start), the queue delivers each event by itself when it is due', async () => {
    sandbox.queue.start();
    try {
      await push('sync-queue', { body: { n: 7 } });
      for (let waited = 0; deliveries.length === 0 && waited < 2_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(deliveries.map((delivery) => delivery.event.body)).toEqual([{ n: 7 }]);
    } finally {
      sandbox.queue.stop();
    }
  });
});
