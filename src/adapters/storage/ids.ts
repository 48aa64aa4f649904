import { randomUUID } from 'node:crypto';

/** A new record key: a short prefix saying what it is, then a UUID (storage keys are global). */
export const newId = (prefix: 'goal' | 'kpi' | 'm' | 'item' | 'lane'): string => `${prefix}-${randomUUID()}`;
