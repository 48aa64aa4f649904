/**
 * Every endpoint @forge/kvs 1.6.5 calls (out/storage-api.js), all `POST` with a JSON body, and
 * how each is metered. Status codes follow what storage-api.js expects: 200 with JSON where it
 * reads a body (EXPECTED), 204 or 200 with JSON for set (OPTIONAL), 204 where it reads none.
 */
import { batchDelete, batchGet, batchSet } from './batch';
import { isRecord } from './body';
import { queryEntities } from './entity-query';
import type { EntitySchema } from './entity-schema';
import { queryKeys } from './key-query';
import type { KvsStore } from './store';
import { deleteOne, getOne, setOne } from './single-ops';
import type { TargetKind } from './target';
import { executeTransaction } from './transaction';

export interface Meter {
  reads: number;
  writes: number;
  deletes: number;
  queries: number;
  transactions: number;
}

export interface RouteContext {
  store: KvsStore;
  schema: EntitySchema;
  meter: Meter;
}

export interface Route {
  /** True when the route changes stored data (the store is then persisted). */
  mutates: boolean;
  /** The JSON body to answer with, or undefined for 204 No Content. */
  run(context: RouteContext, body: unknown): unknown;
}

const itemCount = (body: unknown): number => (Array.isArray(body) ? body.length : 0);
const opCount = (body: unknown, field: 'set' | 'delete'): number => {
  const list = isRecord(body) ? body[field] : undefined;
  return Array.isArray(list) ? list.length : 0;
};

function singleOps(prefix: string, kind: TargetKind): Record<string, Route> {
  return {
    [`${prefix}/get`]: {
      mutates: false,
      run: ({ store, schema, meter }, body) => {
        meter.reads += 1;
        return getOne(store, schema, body, kind);
      },
    },
    [`${prefix}/set`]: {
      mutates: true,
      run: ({ store, schema, meter }, body) => {
        meter.writes += 1;
        return setOne(store, schema, body, kind);
      },
    },
    [`${prefix}/delete`]: {
      mutates: true,
      run: ({ store, schema, meter }, body) => {
        meter.deletes += 1;
        deleteOne(store, schema, body, kind);
        return undefined;
      },
    },
  };
}

export const ROUTES: Readonly<Record<string, Route>> = {
  ...singleOps('/api/v1', 'kv'),
  ...singleOps('/api/v1/secret', 'secret'),
  ...singleOps('/api/v1/entity', 'entity'),
  '/api/v1/query': {
    mutates: false,
    run: ({ store, meter }, body) => {
      meter.queries += 1;
      return queryKeys(store, body);
    },
  },
  '/api/v1/entity/query': {
    mutates: false,
    run: ({ store, schema, meter }, body) => {
      meter.queries += 1;
      return queryEntities(store, schema, body);
    },
  },
  '/api/v1/batch/set': {
    mutates: true,
    run: ({ store, schema, meter }, body) => {
      meter.writes += itemCount(body);
      return batchSet(store, schema, body);
    },
  },
  '/api/v1/batch/get': {
    mutates: false,
    run: ({ store, schema, meter }, body) => {
      meter.reads += itemCount(body);
      return batchGet(store, schema, body);
    },
  },
  '/api/v1/batch/delete': {
    mutates: true,
    run: ({ store, schema, meter }, body) => {
      meter.deletes += itemCount(body);
      return batchDelete(store, schema, body);
    },
  },
  '/api/v1/transaction': {
    mutates: true,
    run: ({ store, schema, meter }, body) => {
      meter.transactions += 1;
      meter.writes += opCount(body, 'set');
      meter.deletes += opCount(body, 'delete');
      executeTransaction(store, schema, body);
      return undefined;
    },
  },
};
