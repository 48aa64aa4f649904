/**
 * The roadmap's background crawl, how far it got: what the page polls while roll-ups fill in, so it
 * loads the whole roadmap again only when there is something new to show. Storage only (the crawl
 * record and its parts), after the same permission check as the roadmap itself.
 */
import type { RoadmapCrawl } from '../../contract';
import { crawlStatus } from '../../adapters/delivery/rollup-crawl';
import type { CrawlStatus } from '../../adapters/delivery/rollup-crawl';
import { readCrawl } from '../../adapters/storage/rollup-crawl-store';
import { ok } from '../results';
import { viewerCall } from '../calls';

export const getRoadmapCrawl = viewerCall('getRoadmapCrawl', async ({ projectId }) => {
  const status = await crawlStatus(await readCrawl(projectId));
  return ok(status ? { crawl: roadmapCrawl(status) } : {});
});

/** What the page is told of a crawl: counts and times, never which epics or issues. */
export function roadmapCrawl(status: CrawlStatus): RoadmapCrawl {
  return {
    done: status.done,
    ...(status.total === undefined ? {} : { total: status.total }),
    startedAt: status.startedAt,
    epicsDone: status.epicsDone,
    epics: status.epics,
    finished: status.finished,
    ...(status.pausedUntil === undefined ? {} : { pausedUntil: status.pausedUntil }),
  };
}
