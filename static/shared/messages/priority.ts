/**
 * Owners, scoring and the Priority view of the roadmap (issue 15). A score's one-sentence
 * explanation is the score-explanation catalog's.
 */
import type { ScoringMethod } from '../../../src/domain/scoring';
import { formatPoints } from '../format';
import english from './priority.en-US.json';
import { catalog, textGroup } from './runtime';

const t = catalog('priority', english);

const scoringMethods = ['none', 'rice', 'value-effort'] as const satisfies readonly ScoringMethod[];
const methods = textGroup(scoringMethods, (method) => t(`methods.${method}`));

/** The option labels of the impact scale, by its values (src/domain/scoring impactScale). */
const impactWords: Readonly<Record<number, 'massive' | 'high' | 'medium' | 'low' | 'minimal'>> = { 3: 'massive', 2: 'high', 1: 'medium', 0.5: 'low', 0.25: 'minimal' };

export const priority = {
  // Owners
  get owner() { return t('owner'); },
  ownerLine: (name: string) => t('ownerLine', { name }),
  get noOwner() { return t('noOwner'); },
  get ownerSection() { return t('ownerSection'); },
  ownerSaved: (title: string, name: string | undefined) => (name ? t('ownerSaved', { title, name }) : t('ownerRemoved', { title })),
  get groupByOwner() { return t('groupByOwner'); },
  get ownerLanesReadOnly() { return t('ownerLanesReadOnly'); },
  get mine() { return t('mine'); },
  // Scoring method
  get methodLegend() { return t('methodLegend'); },
  methods,
  methodHelp: textGroup(scoringMethods, (method) => t(`methodHelp.${method}`)),
  methodSaved: (method: ScoringMethod) => (method === 'none' ? t('methodOff') : t('methodSaved', { method: methods[method] })),
  get methodConflict() { return t('methodConflict'); },
  // Score inputs
  get scoreHeading() { return t('scoreHeading'); },
  get reach() { return t('reach'); },
  get impact() { return t('impact'); },
  get confidence() { return t('confidence'); },
  get value() { return t('value'); },
  get effort() { return t('effort'); },
  fromEvidence: (requests: number | undefined) => (requests === undefined ? t('fromEvidenceNone') : t('fromEvidence', { requests })),
  fromEpics: (points: number | undefined) => (points === undefined ? t('fromEpicsUnknown') : t('fromEpics', { points: formatPoints(points) })),
  get entered() { return t('entered'); },
  /** By the impact scale's values; a value off the scale has no entry (the caller shows the number). */
  impactScale: textGroup(['3', '2', '1', '0.5', '0.25'], (value) => t(`impactScale.${impactWords[Number(value)]!}`)) as Readonly<Record<number, string>>,
  get notSet() { return t('notSet'); },
  get saveInputs() { return t('saveInputs'); },
  inputsSaved: (title: string) => t('inputsSaved', { title }),
  get scoreOff() { return t('scoreOff'); },
  // Card and list
  cardScore: (text: string) => t('cardScore', { score: text }),
  /** The card score's accessible name: the score, then its one-sentence explanation. */
  cardScoreLabel: (score: string, explanation: string) => t('cardScoreLabel', { score, explanation }),
  get priorityView() { return t('priorityView'); },
  get priorityHeading() { return t('priorityHeading'); },
  get priorityIntro() { return t('priorityIntro'); },
  // A rank is a position, not an amount: a string, so #1000 is not grouped.
  rank: (n: number) => t('rank', { rank: String(n) }),
  get minScore() { return t('minScore'); },
  scoredCount: (scored: number, total: number) => t('scoredCount', { scored, total }),
  get listEmpty() { return t('listEmpty'); },
};
