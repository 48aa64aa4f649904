/**
 * Which projects have Throughline data, read from the records the app keeps anyway rather than a
 * registry of its own (nothing to keep in step, nothing to rebuild): a project has a vision when
 * its board's version 1 exists, goals when its `product` record exists, a roadmap when its
 * `roadmap-setup` record exists. Three index queries, one row per project each.
 */
import { entities, queryPageSize } from './entities';
import { allRows } from './paging';

export async function projectsWithData(): Promise<string[]> {
  const [visions, products, roadmaps] = await Promise.all([
    allRows((cursor) => {
      const query = entities.visionVersion.query().index('first-versions', { partition: [1] }).limit(queryPageSize);
      return (cursor ? query.cursor(cursor) : query).getMany();
    }),
    allRows((cursor) => {
      const query = entities.product.query().index('by-created').limit(queryPageSize);
      return (cursor ? query.cursor(cursor) : query).getMany();
    }),
    allRows((cursor) => {
      const query = entities.roadmapSetup.query().index('by-project-id').limit(queryPageSize);
      return (cursor ? query.cursor(cursor) : query).getMany();
    }),
  ]);
  return [...new Set([...visions, ...products, ...roadmaps].map((row) => row.projectId))].sort();
}
