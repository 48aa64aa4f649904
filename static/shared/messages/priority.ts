/**
 * Owners, priority scores and the Priority view of the roadmap (issue 15). Numbers are formatted
 * with Intl in the reader's locale (`locale` is a parameter so tests can pin it).
 */
import type { ItemScore, ScoreInputName, ScoreTerm, ScoringMethod } from '../../../src/domain/scoring';
import { plural } from './goals';

type Scored = Extract<ItemScore, { kind: 'scored' | 'no-effort' }>;

const numberIn = (locale: string | undefined, options: Intl.NumberFormatOptions = {}) => new Intl.NumberFormat(locale, options);

/** A score as people read it: whole above 10 (42), one decimal below (4.2), two below 1 (0.55). */
export function formatScore(score: number, locale?: string): string {
  const digits = Math.abs(score) >= 10 ? 0 : Math.abs(score) >= 1 ? 1 : 2;
  return numberIn(locale, { maximumFractionDigits: digits }).format(score);
}

const methodName: Record<Exclude<ScoringMethod, 'none'>, string> = { rice: 'RICE', 'value-effort': 'Value ÷ effort' };
const inputName: Record<ScoreInputName, string> = { reach: 'reach', impact: 'impact', confidence: 'confidence', value: 'value', effort: 'effort' };

function termText(term: ScoreTerm, locale?: string): string {
  const n = (value: number) => numberIn(locale, { maximumFractionDigits: 2 }).format(value);
  switch (term.input) {
    case 'confidence':
      return numberIn(locale, { style: 'percent', maximumFractionDigits: 0 }).format(term.value / 100);
    case 'reach':
      return `reach ${n(term.value)}${term.source === 'evidence' ? ` (${term.label ?? 'evidence'})` : ''}`;
    case 'effort':
      return `effort ${n(term.value)} pts${term.source === 'epics' ? ' remaining' : ''}`;
    default:
      return `${inputName[term.input]} ${n(term.value)}`;
  }
}

/**
 * The score in one sentence: "RICE 42: reach 380 (support requests) × impact 2 × 80% ÷ effort
 * 14.5 pts remaining". Unscored items say what is missing instead.
 */
export function scoreSentence(score: ItemScore, locale?: string): string {
  if (score.kind === 'off') return 'This product scores nothing yet.';
  const name = methodName[score.method];
  if (score.kind === 'missing') return `No ${name} score yet: ${score.missing.map((input) => inputName[input]).join(', ')} ${score.missing.length === 1 ? 'is' : 'are'} missing.`;
  const scored = score as Scored;
  const effort = scored.terms.find((term) => term.input === 'effort');
  const factors = scored.terms.filter((term) => term.input !== 'effort').map((term) => termText(term, locale));
  const formula = `${factors.join(' × ')} ÷ ${effort ? termText(effort, locale) : 'effort'}`;
  if (score.kind === 'no-effort') return `No ${name} score: ${formula}, and nothing divides by 0 effort.`;
  return `${name} ${formatScore(score.score, locale)}: ${formula}`;
}

export const priority = {
  // Owners
  owner: 'Owner',
  ownerLine: (name: string) => `Owner: ${name}`,
  noOwner: 'No owner',
  ownerSection: 'Owner and priority',
  ownerChange: 'Change owner',
  ownerSaved: (title: string, name: string | undefined) => (name ? `${name} now owns “${title}”.` : `“${title}” has no owner now.`),
  groupByOwner: 'Lanes by owner',
  ownerLanesReadOnly: 'Lanes show owners here: cards don’t move between people. Change an item’s owner in its details.',
  mine: 'Mine',
  // Scoring method
  methodLegend: 'Scoring',
  methods: { none: 'None', rice: 'RICE', 'value-effort': 'Value ÷ effort' } satisfies Record<ScoringMethod, string>,
  methodHelp: {
    none: 'Items are not scored.',
    rice: 'Reach × impact × confidence ÷ effort.',
    'value-effort': 'Value ÷ effort.',
  } satisfies Record<ScoringMethod, string>,
  methodSaved: (method: ScoringMethod) => (method === 'none' ? 'Scoring turned off.' : `Items are now scored by ${methodName[method]}.`),
  methodConflict: 'Someone else changed the scoring method meanwhile; theirs is shown. Choose again if needed.',
  // Score inputs
  scoreHeading: 'Score inputs',
  reach: 'Reach',
  impact: 'Impact',
  confidence: 'Confidence (%)',
  value: 'Value (0–1,000)',
  effort: 'Effort (points)',
  fromEvidence: (requests: number | undefined) => (requests === undefined ? 'From evidence (none yet)' : `From evidence (${requests} now)`),
  fromEpics: (points: number | undefined) => (points === undefined ? 'From epics’ remaining points (not known yet)' : `From epics’ remaining points (${points} now)`),
  entered: 'Entered',
  impactScale: { 3: '3 – massive', 2: '2 – high', 1: '1 – medium', 0.5: '0.5 – low', 0.25: '0.25 – minimal' } as Record<number, string>,
  notSet: 'Not set',
  saveInputs: 'Save score inputs',
  inputsSaved: (title: string) => `Score inputs of “${title}” saved.`,
  scoreOff: 'Choose a scoring method in the Priority view to score items.',
  // Card and list
  cardScore: (text: string) => `Priority score ${text}`,
  priorityView: 'Priority',
  priorityHeading: 'Priority',
  priorityIntro: 'The roadmap ranked by score, highest first. Items without a score come last, in roadmap order.',
  rank: (n: number) => `#${n}`,
  minScore: 'Score at least',
  scoredCount: (scored: number, total: number) => `${scored} of ${plural(total, 'item', 'items')} scored`,
  listEmpty: 'No item matches.',
  scoreSentence,
  formatScore,
};
