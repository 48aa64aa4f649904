/**
 * A goal's or item's check-in state in a few words: its latest check-in's status, "Update due",
 * and a flag when the status disagrees with the facts (the sentence itself is said to screen
 * readers). Plain elements and one stylesheet, so the roadmap card, the portfolio, the epic panel
 * and the gadget can all carry it cheaply.
 */
import type { CheckInSummary } from '../../src/contract';
import { checkIns as m } from './messages/check-ins';
import './check-in-badge.css';

export function CheckInBadges({ checkIn, showStatus = true, testIdPrefix = 'check-in-badges' }: { checkIn: CheckInSummary | undefined; showStatus?: boolean; testIdPrefix?: string }) {
  if (!checkIn) return null;
  const latest = showStatus ? checkIn.latest : undefined;
  if (!latest && !checkIn.updateDue && checkIn.disagreements.length === 0) return null;
  return (
    <span className="ci-badges" data-testid={`${testIdPrefix}-${checkIn.target.id}`}>
      {latest ? (
        <span className="ci-pill" data-status={latest.status}>
          <span className="ci-hidden">{m.latestLabel('')}</span>
          {m.status[latest.status]}
        </span>
      ) : null}
      {checkIn.updateDue ? (
        <span className="ci-pill" data-due="true">
          {m.updateDue}
        </span>
      ) : null}
      {checkIn.disagreements.length > 0 ? (
        <span className="ci-flag" title={checkIn.disagreements.join(' ')}>
          <span aria-hidden="true">⚠ {m.disagreementShort}</span>
          <span className="ci-hidden">{checkIn.disagreements.join(' ')}</span>
        </span>
      ) : null}
    </span>
  );
}

/** The portfolio's and gadget's count: "3 updates due". */
export function UpdatesDue({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <div>
      <span className="ci-pill" data-due="true" data-testid="updates-due">
        <span aria-hidden="true">{m.updatesDue(count)}</span>
        <span className="ci-hidden">{m.updatesDueLabel(count)}</span>
      </span>
    </div>
  );
}
