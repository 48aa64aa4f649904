/**
 * The platform side of Forge's Key-Value Store and Custom Entity Store: answers the HTTP requests
 * that the real @forge/kvs sends through `__forge_fetch__`, keeps the data in memory (or in a JSON
 * file for `npm start`), meters every request, and can inject latency and failures.
 */
import type { EntityDeclaration } from './entity-schema';
import { EntitySchema } from './entity-schema';
import { invalidBody, KvsError } from './kvs-error';
import { readSnapshot, writeSnapshot } from './persistence';
import { ROUTES, type Meter } from './routes';
import { KvsStore, type KvsSnapshot } from './store';
import { KvsQuotaMeter, type KvsQuotaLimits, type KvsQuotaStats } from './quotas';

export interface KvsStats extends Meter {
  /** Every request that reached the store, failed ones included. */
  operations: number;
}

export interface KvsHttpResponse {
  status: number;
  /** JSON text, absent for 204 No Content. */
  body?: string;
}

export interface KvsFailure {
  status: number;
  code: string;
  message?: string;
  /** How many requests fail before the store recovers; every request when omitted. */
  times?: number;
  /** Only these endpoints fail, e.g. ['/api/v1/transaction']; all when omitted. */
  paths?: string[];
  /** This many matching requests succeed first (a store failing part-way through a job). */
  after?: number;
}

export interface KvsFaults {
  latencyMs?: number;
  failure?: KvsFailure;
}

export interface SandboxKvsOptions {
  /** `app.storage.entities` of the manifest. */
  entities?: readonly EntityDeclaration[];
  /** Persist to this JSON file after every write and load it at start. */
  storageFile?: string;
  /** Epoch milliseconds; TTLs and metadata use it. */
  now?: () => number;
}

const emptyStats = (): KvsStats => ({ reads: 0, writes: 0, deletes: 0, queries: 0, transactions: 0, operations: 0 });

export class SandboxKvs {
  private readonly store: KvsStore;
  private readonly schema: EntitySchema;
  private readonly storageFile: string | undefined;
  private meter: KvsStats = emptyStats();
  private faults: KvsFaults = {};
  /** Forge's per-installation storage quotas (quotas.ts): always counted, enforced once armed. */
  private readonly quotaMeter: KvsQuotaMeter;

  constructor(options: SandboxKvsOptions = {}) {
    // Looked up per call, so a faked clock (jest.setSystemTime) applies.
    this.store = new KvsStore(options.now ?? (() => Date.now()));
    this.quotaMeter = new KvsQuotaMeter(options.now ?? (() => Date.now()));
    this.schema = new EntitySchema(options.entities ?? []);
    this.storageFile = options.storageFile;
    const saved = this.storageFile === undefined ? undefined : readSnapshot(this.storageFile);
    if (saved) this.store.load(saved);
  }

  get stats(): Readonly<KvsStats> {
    return { ...this.meter };
  }

  get entityNames(): string[] {
    return this.schema.names;
  }

  resetStats(): void {
    this.meter = emptyStats();
    this.quotaMeter.reset();
  }

  /** Requests and 10 KB units against Forge's quotas, with the peaks reached and the refusals. */
  get quotaStats(): Readonly<KvsQuotaStats> {
    return { ...this.quotaMeter.stats };
  }

  /**
   * Arms Forge's storage quotas (`KVS_QUOTAS`, or lower figures to reach them quickly): past them
   * every request answers 429 RATE_LIMIT_EXCEEDED. Undefined: counted only (the default, so tests
   * on a frozen clock are not throttled by a minute that never ends).
   */
  setQuotas(limits: KvsQuotaLimits | undefined): void {
    this.quotaMeter.arm(limits);
  }

  /** A deep copy of everything stored (expired records left out). */
  snapshot(): KvsSnapshot {
    return this.store.toSnapshot();
  }

  /** Replace everything stored with a snapshot. */
  restore(snapshot: KvsSnapshot): void {
    this.store.load(snapshot);
    this.persist();
  }

  clear(): void {
    this.store.clear();
    this.persist();
  }

  setFaults(faults: KvsFaults): void {
    this.faults = { ...faults, ...(faults.failure ? { failure: { ...faults.failure } } : {}) };
  }

  async handle(path: string, bodyText: string | undefined): Promise<KvsHttpResponse> {
    this.meter.operations += 1;
    if (this.faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));
    const injected = this.takeFailure(path);
    if (injected) return injected;

    const route = ROUTES[path];
    if (!route) return errorResponse(new KvsError(404, 'BAD_REQUEST', `No storage endpoint POST ${path}`));
    const refusal = this.quotaMeter.admit(route.mutates ? 'write' : 'read', Buffer.byteLength(bodyText ?? ''));
    if (refusal) return errorResponse(new KvsError(429, 'RATE_LIMIT_EXCEEDED', refusal));
    try {
      const result = route.run({ store: this.store, schema: this.schema, meter: this.meter }, parseBody(bodyText));
      if (route.mutates) this.persist();
      const body = result === undefined ? undefined : JSON.stringify(result);
      if (!route.mutates) this.quotaMeter.charged(Buffer.byteLength(body ?? ''));
      return body === undefined ? { status: 204 } : { status: 200, body };
    } catch (error) {
      if (error instanceof KvsError) return errorResponse(error);
      throw error;
    }
  }

  private takeFailure(path: string): KvsHttpResponse | undefined {
    const failure = this.faults.failure;
    if (!failure || (failure.paths && !failure.paths.includes(path))) return undefined;
    if (failure.after !== undefined && failure.after > 0) {
      failure.after -= 1;
      return undefined;
    }
    if (failure.times !== undefined) {
      if (failure.times <= 0) return undefined;
      failure.times -= 1;
    }
    return {
      status: failure.status,
      body: JSON.stringify({ code: failure.code, message: failure.message ?? `Injected storage failure ${failure.code}` }),
    };
  }

  private persist(): void {
    if (this.storageFile !== undefined) writeSnapshot(this.storageFile, this.store.toSnapshot());
  }
}

function parseBody(text: string | undefined): unknown {
  if (text === undefined || text === '') throw invalidBody('a JSON body is required');
  try {
    return JSON.parse(text);
  } catch {
    throw invalidBody('not valid JSON');
  }
}

function errorResponse(error: KvsError): KvsHttpResponse {
  return { status: error.status, body: JSON.stringify(error.toBody()) };
}
