/**
 * `POST /api/v1/entity/query`: `kvs.entity(e).query().index(i, {partition}).where(range)
 * .filters(f).sort(s).limit(n).cursor(c).getMany()`.
 *
 * Items are ordered by the index's range attribute, then key. An item missing the range or a
 * partition attribute is not in the index (sparse indexes, as in the DynamoDB store behind Forge).
 * As in DynamoDB, `limit` counts the index items a page reads *before* filters apply, so a
 * filtered page can hold fewer than `limit` results, even none, and still return a cursor:
 * callers must follow cursors rather than stop at a short page.
 */
import { asRecord, isRecord, type JsonRecord } from './body';
import { compareValues, matchesFilters, parseCondition, parseFilters, RANGE_CONDITIONS, testCondition } from './conditions';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor';
import type { EntityDefinition, EntityIndex, EntitySchema } from './entity-schema';
import { itemView, type ItemView } from './item-view';
import { badRequest } from './kvs-error';
import { entitySpace, type KvsStore, type StoredRecord } from './store';
import { parseLimit, parseMetadataFields } from './validation';

interface IndexedItem {
  key: string;
  range: unknown;
  record: StoredRecord;
  attributes: JsonRecord;
}

export function queryEntities(store: KvsStore, schema: EntitySchema, rawBody: unknown): { data: ItemView[]; cursor?: string } {
  const body = asRecord(rawBody, 'body');
  const entity = schema.entity(body.entityName);
  const index = entity.index(body.indexName);
  const partition = parsePartition(index, body.partition);
  const range = body.range === undefined ? undefined : parseCondition(body.range, RANGE_CONDITIONS, 'range');
  const filters = parseFilters(body.filters, entity, 'filters');
  const direction = parseSort(body.sort);
  const limit = parseLimit(body.limit);
  const after = decodeCursor(body.cursor);
  // The SDK sends metadata fields as `options.metadataFields` (entity-query.js), its types say top level.
  const fields = parseMetadataFields(isRecord(body.options) ? body.options.metadataFields : body.metadataFields);

  const remaining = indexedItems(store, entity, index, partition).filter(
    (item) => (range === undefined || testCondition(item.range, range)) && (after === undefined || direction * compareItems(item, after) > 0),
  );
  // Only the page is ordered: the first `limit` of (range, key), picked without sorting the whole
  // partition, so a query over a large entity costs what it would in a store with a real index.
  const page = firstInOrder(remaining, limit, (a, b) => direction * compareItems(a, b));
  const last = page[page.length - 1];
  return {
    data: page
      .filter((item) => matchesFilters(item.attributes, filters))
      .map((item) => itemView(item.key, item.record, fields)),
    ...(last && remaining.length > limit ? { cursor: encodeCursor({ key: last.key, range: last.range }) } : {}),
  };
}

/** The `count` smallest items by `compare`, in order (keys are unique, so the order is total). */
function firstInOrder<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === count && compare(item, best[best.length - 1]!) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(best[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}

function indexedItems(store: KvsStore, entity: EntityDefinition, index: EntityIndex, partition: unknown[]): IndexedItem[] {
  const items: IndexedItem[] = [];
  for (const [key, record] of store.liveEntries(entitySpace(entity.name))) {
    if (!isRecord(record.value)) continue;
    const value = record.value;
    const range = value[index.range];
    if (range === undefined) continue;
    if (!index.partition.every((attribute, i) => value[attribute] !== undefined && value[attribute] === partition[i])) continue;
    items.push({ key, range, record, attributes: value });
  }
  return items;
}

function compareItems(a: CursorPosition, b: CursorPosition): number {
  const byRange = compareValues(a.range, b.range) ?? 0;
  if (byRange !== 0) return byRange;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** "If your index's partition has multiple attributes, then you must set a value for each attribute." */
function parsePartition(index: EntityIndex, raw: unknown): unknown[] {
  const values = raw === undefined ? [] : raw;
  if (!Array.isArray(values) || values.length !== index.partition.length) {
    throw badRequest(
      'INVALID_PARTITION',
      index.partition.length === 0
        ? `Index '${index.name}' has no partition`
        : `Index '${index.name}' needs a partition value for each of [${index.partition.join(', ')}]`,
    );
  }
  return values;
}

function parseSort(raw: unknown): 1 | -1 {
  if (raw === undefined || raw === 'ASC') return 1;
  if (raw === 'DESC') return -1;
  throw badRequest('BAD_REQUEST', `sort must be ASC or DESC, got ${JSON.stringify(raw)}`);
}
