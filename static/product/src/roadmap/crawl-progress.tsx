import './crawl-progress.css';
import type { RoadmapCrawl } from '../../../../src/contract';
import { formatInstant } from '../../../shared/format';
import { crawl as m } from '../../../shared/messages/crawl';

/**
 * "Counting work: 12,400 of 100,000 issues" with a bar, while a big project's roll-ups are counted
 * in the background; cards fill in as epics are done (use-pending-load.ts polls and reloads).
 * The bar is a native progressbar role with its numbers, so screen readers hear how far it is.
 */
export function CrawlProgress({ crawl }: { crawl: RoadmapCrawl }) {
  const total = crawl.total ?? 0;
  const done = Math.min(crawl.done, total || crawl.done);
  const share = total > 0 ? Math.round((100 * done) / total) : undefined;
  return (
    <div className="rm-crawl" data-testid="roadmap-crawl">
      <span className="rm-crawl-text">{m.countingWork(crawl.done, crawl.total)}</span>
      <div
        className="rm-crawl-bar"
        role="progressbar"
        aria-label={m.progressLabel}
        aria-valuemin={0}
        aria-valuemax={total || undefined}
        aria-valuenow={total ? done : undefined}
        aria-valuetext={m.countingWork(crawl.done, crawl.total)}
      >
        <span className="rm-crawl-bar-done" style={{ width: share === undefined ? '0%' : `${share}%` }} />
      </div>
      {crawl.epics !== undefined && crawl.epicsDone !== undefined ? <span className="rm-crawl-epics">{m.epicsDone(crawl.epicsDone, crawl.epics)}</span> : null}
      {crawl.pausedUntil ? (
        // Said once, politely: the page polls, and a repeated live announcement would be noise.
        <span className="rm-crawl-paused" role="status">
          {m.paused(formatInstant(crawl.pausedUntil))}
        </span>
      ) : null}
    </div>
  );
}

/**
 * Where a card's progress goes while its epics are being counted: the same bar and three lines as
 * the progress that replaces it, so cards keep their height and nothing on the board moves.
 */
export function CardRollupPlaceholder({ label }: { label: string }) {
  return (
    <>
      <div className="rm-bar" aria-hidden="true" />
      <span className="rm-line rm-line-subtlest">{label}</span>
      <span className="rm-line rm-line-placeholder" aria-hidden="true">
        {'\u00a0'}
      </span>
      <span className="rm-line rm-line-placeholder" aria-hidden="true">
        {'\u00a0'}
      </span>
    </>
  );
}
