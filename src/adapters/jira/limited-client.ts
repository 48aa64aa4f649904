import type { JiraClient } from './client';

/**
 * The same client with at most `limit` requests in flight, however many callers share it: a ratio
 * KPI asks two counts at once, so bounding KPIs alone would not bound requests. Retries happen
 * inside `send`, so a request keeps its slot while it backs off, which is what a burst limit wants.
 */
export function withRequestLimit(client: JiraClient, limit: number): JiraClient {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  let inFlight = 0;
  const waiting: Array<() => void> = [];
  const acquire = async (): Promise<void> => {
    if (inFlight < limit) {
      inFlight += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next(); // the slot passes straight to the next request
    else inFlight -= 1;
  };
  return {
    actor: client.actor,
    async send(request) {
      await acquire();
      try {
        return await client.send(request);
      } finally {
        release();
      }
    },
  };
}
