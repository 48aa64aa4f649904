/** The `{key, value, createdAt?, updatedAt?, expireTime?}` item the storage API answers with. */
import type { StoredRecord } from './store';
import type { MetadataField } from './validation';

export interface ItemView {
  key: string;
  value: unknown;
  createdAt?: number;
  updatedAt?: number;
  expireTime?: string;
}

/**
 * Metadata only when asked for: query results reach app code exactly as sent (storage-api.js
 * passes `rs.data` through), so extra fields would leak into `results`.
 */
export function itemView(key: string, record: StoredRecord, fields: readonly MetadataField[]): ItemView {
  const view: ItemView = { key, value: record.value };
  // Epoch milliseconds: the SDK's tests use both seconds and Date.now(); the unit is unverified.
  if (fields.includes('CREATED_AT')) view.createdAt = record.createdAt;
  if (fields.includes('UPDATED_AT')) view.updatedAt = record.updatedAt;
  if (fields.includes('EXPIRE_TIME') && record.expiresAt !== undefined) {
    view.expireTime = new Date(record.expiresAt).toISOString();
  }
  return view;
}
