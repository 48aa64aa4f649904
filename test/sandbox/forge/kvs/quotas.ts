/**
 * Forge's storage quotas per installation, counted on every request and, once armed, enforced the
 * way the platform answers: 429 with `RATE_LIMIT_EXCEEDED`.
 *
 * "KVS and Custom Entity Store limits" (developer.atlassian.com/platform/forge/limits-kvs-ce/,
 * updated Dec 1, 2025), "Operation limits per installation":
 *   Request rate (RPS) 1000; Read (10KB request per min) 4000; Write (10KB request per min) 4000.
 *   "Request sizes are rounded up to the nearest 10KB. Requests that are 10KB or smaller are counted
 *   as 1 request … a request with a payload of 65KB will be rounded up to 70KB … 7 requests."
 * "Any request that exceeds a quota or limit will return a 429 status with an error code of
 * RATE_LIMIT_EXCEEDED" (platform/forge/rest/intro/).
 *
 * Stricter readings where the page is silent: the per-minute windows slide (a burst at the end of
 * one minute and the start of the next is not let through twice); a read is sized by its answer,
 * a write (set, delete, batch, transaction) by its request body; deletes count as writes; a refused
 * request still counts towards the request rate.
 */
export const KVS_QUOTAS = {
  requestsPerSecond: 1000,
  readUnitsPerMinute: 4000,
  writeUnitsPerMinute: 4000,
  unitBytes: 10 * 1024,
} as const;

export type KvsQuotaLimits = { requestsPerSecond: number; readUnitsPerMinute: number; writeUnitsPerMinute: number };

export interface KvsQuotaStats {
  requests: number;
  readUnits: number;
  writeUnits: number;
  /** Requests answered 429 RATE_LIMIT_EXCEEDED. */
  refused: number;
  /** Highest request count seen in any one-second window, and units in any one-minute window. */
  peakRequestsPerSecond: number;
  peakReadUnitsPerMinute: number;
  peakWriteUnitsPerMinute: number;
}

export const emptyQuotaStats = (): KvsQuotaStats => ({
  requests: 0,
  readUnits: 0,
  writeUnits: 0,
  refused: 0,
  peakRequestsPerSecond: 0,
  peakReadUnitsPerMinute: 0,
  peakWriteUnitsPerMinute: 0,
});

export const unitsOf = (bytes: number): number => Math.max(1, Math.ceil(bytes / KVS_QUOTAS.unitBytes));

/** Sliding windows of (time, amount). */
class Window {
  private entries: Array<[number, number]> = [];
  private total = 0;
  constructor(private readonly spanMs: number) {}
  sum(now: number): number {
    while (this.entries.length > 0 && this.entries[0]![0] <= now - this.spanMs) this.total -= this.entries.shift()![1];
    return this.total;
  }
  add(now: number, amount: number): void {
    this.entries.push([now, amount]);
    this.total += amount;
  }
}

export class KvsQuotaMeter {
  private limits: KvsQuotaLimits | undefined;
  stats: KvsQuotaStats = emptyQuotaStats();
  private requests = new Window(1000);
  private reads = new Window(60_000);
  private writes = new Window(60_000);

  constructor(private readonly now: () => number) {}

  /** Arms the quotas (`KVS_QUOTAS`, or lower figures in tests); undefined only counts. */
  arm(limits: KvsQuotaLimits | undefined): void {
    this.limits = limits;
  }

  get armed(): KvsQuotaLimits | undefined {
    return this.limits;
  }

  reset(): void {
    this.stats = emptyQuotaStats();
    this.requests = new Window(1000);
    this.reads = new Window(60_000);
    this.writes = new Window(60_000);
  }

  /** Before a request runs: a refusal message when a quota is spent, else undefined (the request is counted). */
  admit(kind: 'read' | 'write', requestBytes: number): string | undefined {
    const now = this.now();
    this.requests.add(now, 1);
    this.stats.requests += 1;
    const rps = this.requests.sum(now);
    this.stats.peakRequestsPerSecond = Math.max(this.stats.peakRequestsPerSecond, rps);
    const limits = this.limits;
    if (limits && rps > limits.requestsPerSecond) return this.refuse(`Storage request rate over ${limits.requestsPerSecond} per second for this installation`);
    if (kind === 'write') {
      const units = unitsOf(requestBytes);
      if (limits && this.writes.sum(now) + units > limits.writeUnitsPerMinute) return this.refuse(`Storage writes over ${limits.writeUnitsPerMinute} units of 10KB per minute for this installation`);
      this.writes.add(now, units);
      this.stats.writeUnits += units;
      this.stats.peakWriteUnitsPerMinute = Math.max(this.stats.peakWriteUnitsPerMinute, this.writes.sum(now));
    } else if (limits && this.reads.sum(now) >= limits.readUnitsPerMinute) {
      return this.refuse(`Storage reads over ${limits.readUnitsPerMinute} units of 10KB per minute for this installation`);
    }
    return undefined;
  }

  /** After a read answered: its size is what it cost. */
  charged(responseBytes: number): void {
    const now = this.now();
    const units = unitsOf(responseBytes);
    this.reads.add(now, units);
    this.stats.readUnits += units;
    this.stats.peakReadUnitsPerMinute = Math.max(this.stats.peakReadUnitsPerMinute, this.reads.sum(now));
  }

  private refuse(message: string): string {
    this.stats.refused += 1;
    return message;
  }
}
