import { memo } from 'react';
import type { RoadmapItemView } from '../../../../src/contract';
import { messages } from '../../../shared/messages';
import { formatScore, scoreSentence } from '../../../shared/messages/score-explanation';
import { useScores } from './scores-context';
import './priority.css';

const p = messages.priority;

/**
 * The card's owner and priority score: "Maya Okafor · RICE 42". The score's sentence is its
 * tooltip and its accessible description; nothing shows while the product scores nothing.
 */
export const CardScore = memo(function CardScore({ item }: { item: RoadmapItemView }) {
  const { byItem } = useScores();
  const score = byItem.get(item.id);
  const scored = score?.kind === 'scored' ? score : undefined;
  if (!item.owner && !scored) return null;
  return (
    <span className="rm-line pr-card-line" data-testid={`card-priority-${item.id}`}>
      {item.owner ? <span className="pr-owner">{item.owner.displayName}</span> : null}
      {scored ? (
        <span className="pr-score" title={scoreSentence(scored)} aria-label={p.cardScoreLabel(formatScore(scored.score), scoreSentence(scored))}>
          {p.methods[scored.method]} {formatScore(scored.score)}
        </span>
      ) : null}
    </span>
  );
});
