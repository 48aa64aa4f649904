import type { RoadmapItemView } from '../../../../src/contract';
import { requestCount } from '../../../../src/domain/evidence';
import { evidence as m } from '../../../shared/messages/evidence';
import { useJqlCounts } from './evidence-counts';

/**
 * The card's evidence line, "38 requests · 5 notes": issues linked by key and the saved searches'
 * live counts (asked once for the whole board after it renders), and the notes. Nothing when the
 * item has no evidence.
 */
export function CardEvidence({ item }: { item: RoadmapItemView }) {
  const summary = item.evidence;
  const counts = useJqlCounts(summary && summary.jql.length > 0 ? item.id : undefined);
  if (!summary) return null;
  const counting = summary.jql.length > 0 && counts === undefined;
  const jql = summary.jql.map((query) => ({ count: counts?.[query.id] ?? query.count }));
  const parts: string[] = [];
  if (summary.issues > 0 || summary.jql.length > 0) parts.push(counting ? m.requestsCounting(summary.issues) : m.requests(requestCount({ issues: summary.issues, jql })));
  if (summary.notes > 0) parts.push(m.notes(summary.notes));
  if (parts.length === 0) return null;
  return (
    <span className="rm-line rm-evidence" aria-label={m.cardLabel(parts)} data-testid={`card-evidence-${item.id}`}>
      {m.cardSummary(parts)}
    </span>
  );
}
