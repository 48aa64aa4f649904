/**
 * A priority score in one sentence, in the reader's language: "RICE 42: reach 380 (support
 * requests) × impact 2 × 80% ÷ effort 14.5 pts remaining". The domain (src/domain/scoring.ts) gives
 * the score and its terms as data; the words are this catalog's, the numbers Intl's in the reader's
 * locale (`locale` pins it, for tests), the list of missing inputs Intl.ListFormat's.
 */
import type { ItemScore, ScoreInputName, ScoreTerm, ScoringMethod } from '../../../src/domain/scoring';
import { formatLocale } from '../format';
import english from './score-explanation.en-US.json';
import { catalog, textLocale } from './runtime';

const t = catalog('scoreExplanation', english);

type Scored = Extract<ItemScore, { kind: 'scored' | 'no-effort' }>;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberIn(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

const readerLocale = (locale: string | undefined) => locale ?? formatLocale().locale;

/** A score as people read it: whole above 10 (42), one decimal below (4.2), two below 1 (0.55). */
export function formatScore(score: number, locale?: string): string {
  const digits = Math.abs(score) >= 10 ? 0 : Math.abs(score) >= 1 ? 1 : 2;
  return numberIn(readerLocale(locale), { maximumFractionDigits: digits }).format(score);
}

const methodName = (method: Exclude<ScoringMethod, 'none'>) => t(`method.${method}`);
const inputName = (input: ScoreInputName) => t(`input.${input}`);

function termText(term: ScoreTerm, locale: string | undefined): string {
  const value = numberIn(locale, { maximumFractionDigits: 2 }).format(term.value);
  switch (term.input) {
    case 'confidence':
      return t('term.confidence', { value: numberIn(locale, { style: 'percent', maximumFractionDigits: 0 }).format(term.value / 100) });
    case 'reach':
      return term.source === 'evidence' ? t('term.reachFrom', { value, source: term.label ?? t('term.evidence') }) : t('term.reach', { value });
    case 'effort':
      return t(term.source === 'epics' ? 'term.effortRemaining' : 'term.effort', { value });
    case 'impact':
      return t('term.impact', { value });
    case 'value':
      return t('term.value', { value });
  }
}

/** The score in one sentence; unscored items say what is missing instead. */
export function scoreSentence(score: ItemScore, locale?: string): string {
  if (score.kind === 'off') return t('off');
  const numbers = readerLocale(locale);
  const method = methodName(score.method);
  if (score.kind === 'missing') {
    // The list's "and" is the language's: the texts' locale, not the numbers'.
    const inputs = new Intl.ListFormat(textLocale(), { type: 'conjunction' }).format(score.missing.map(inputName));
    return t('missing', { method, inputs, count: score.missing.length });
  }
  const scored = score as Scored;
  const effort = scored.terms.find((term) => term.input === 'effort');
  const factors = scored.terms
    .filter((term) => term.input !== 'effort')
    .map((term) => termText(term, numbers))
    .join(' × ');
  const formula = t('formula', { factors, effort: effort ? termText(effort, numbers) : inputName('effort') });
  if (score.kind === 'no-effort') return t('noEffort', { method, formula });
  return t('scored', { method, score: formatScore(score.score, numbers), formula });
}
