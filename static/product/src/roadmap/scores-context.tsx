/**
 * The product's scoring and every item's score, computed once per roadmap change and read by the
 * cards, the filter bar and the Priority list (a board of 1,000 cards must not score per card).
 */
import { createContext, useContext } from 'react';
import type { ItemScore, ScoringMethod } from '../../../../src/domain/scoring';

export interface RoadmapScores {
  method: ScoringMethod;
  byItem: ReadonlyMap<string, ItemScore>;
}

export const ScoresContext = createContext<RoadmapScores>({ method: 'none', byItem: new Map() });

export const useScores = (): RoadmapScores => useContext(ScoresContext);
