/**
 * `POST /api/v1/query`: `kvs.query().where('key', WhereConditions.beginsWith(p)).limit(n).cursor(c)`.
 * Only plain KVS keys are queried (never secrets or entities), in key order.
 */
import { asRecord, isRecord, optionalArray } from './body';
import { decodeCursor, encodeCursor } from './cursor';
import { itemView, type ItemView } from './item-view';
import { badRequest } from './kvs-error';
import { KV, type KvsStore } from './store';
import { parseLimit, parseMetadataFields } from './validation';

export function queryKeys(store: KvsStore, rawBody: unknown): { data: ItemView[]; cursor?: string } {
  const body = asRecord(rawBody, 'body');
  const limit = parseLimit(body.limit);
  const after = decodeCursor(body.after);
  const prefix = parsePrefix(optionalArray(body.where, 'where'));
  const fields = parseMetadataFields(isRecord(body.options) ? body.options.metadataFields : undefined);

  const matching = store
    .entries(KV)
    .filter(([key]) => (prefix === undefined || key.startsWith(prefix)) && (after === undefined || key > after.key));
  const page = matching.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map(([key, record]) => itemView(key, record, fields)),
    ...(last && matching.length > limit ? { cursor: encodeCursor({ key: last[0] }) } : {}),
  };
}

/** "Queries can only target the key field … a single where condition … beginsWith." */
function parsePrefix(where: unknown[] | undefined): string | undefined {
  if (where === undefined || where.length === 0) return undefined;
  const [clause, ...rest] = where;
  if (
    rest.length > 0 ||
    !isRecord(clause) ||
    clause.property !== 'key' ||
    clause.condition !== 'BEGINS_WITH' ||
    !Array.isArray(clause.values) ||
    typeof clause.values[0] !== 'string'
  ) {
    throw badRequest('INVALID_CONDITION', "A key-value query takes one where clause: ('key', beginsWith(<string>))");
  }
  return clause.values[0];
}
