/**
 * Drops a project's roll-up cache (`epic-rollup` facts and summary records, and the `rollup-sync`
 * marker). The cache is derived from Jira: without the marker the next roadmap load crawls the
 * project afresh. Returns the epics dropped (facts records).
 */
import { kvs } from '@forge/kvs';
import { rollupEntityNames, rollupSyncKey } from './epic-rollups';
import { allRows } from './paging';
import { inBatches } from '../concurrency';

export async function dropProjectRollups(projectId: string): Promise<number> {
  const rowsOf = (index: 'by-project' | 'summaries') =>
    allRows((cursor) => {
      let q = kvs.entity<Record<string, unknown>>(rollupEntityNames.epic).query().index(index, { partition: [projectId] }).limit(100);
      if (cursor) q = q.cursor(cursor);
      return q.getMany();
    });
  const [rows, summaries] = await Promise.all([rowsOf('by-project'), rowsOf('summaries')]);
  // The marker first: a load that starts meanwhile then does a full crawl rather than trust half a cache.
  await kvs.entity(rollupEntityNames.sync).delete(rollupSyncKey(projectId));
  for (const batch of inBatches([...rows, ...summaries], 25)) {
    await kvs.batchDelete(batch.map((row) => ({ key: row.id, entityName: rollupEntityNames.epic })));
  }
  return rows.length;
}
