/** Entity queries return at most 100 rows a page; these follow the cursor to the end. */
import type { ListResult } from '@forge/kvs';
import type { Keyed } from './records';

export async function allRows<T>(page: (cursor: string | undefined) => Promise<ListResult<T>>): Promise<Array<Keyed<T>>> {
  const rows: Array<Keyed<T>> = [];
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    rows.push(...result.results.map((row) => ({ ...row.value, id: row.key })));
    cursor = result.nextCursor;
  } while (cursor);
  return rows;
}
