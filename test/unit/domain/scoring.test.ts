import { compareByScore, meetsMinScore, scoreItem } from '../../../src/domain/scoring';
import type { ItemScore, ScoreFacts, ScoreInputs, ScoringMethod } from '../../../src/domain/scoring';

const live = { source: 'live' } as const;
const entered = (value: number) => ({ source: 'entered', value }) as const;
const facts: ScoreFacts = { evidence: { count: 380, label: 'support requests' }, remainingPoints: 14.5 };

describe('scoreItem: RICE', () => {
  test.each<[string, ScoreInputs, ScoreFacts, number]>([
    ['live reach and effort (the issue’s example)', { reach: live, impact: 2, confidence: 80, effort: live }, facts, (380 * 2 * 0.8) / 14.5],
    ['entered reach and effort', { reach: entered(1000), impact: 1, confidence: 50, effort: entered(5) }, {}, 100],
    ['entered reach, live effort', { reach: entered(200), impact: 3, confidence: 100, effort: live }, facts, (200 * 3) / 14.5],
    ['live reach, entered effort', { reach: live, impact: 0.25, confidence: 100, effort: entered(2) }, facts, (380 * 0.25) / 2],
    ['entered wins over facts that exist', { reach: entered(10), impact: 1, confidence: 100, effort: entered(1) }, facts, 10],
    ['zero reach scores 0', { reach: entered(0), impact: 2, confidence: 80, effort: entered(4) }, {}, 0],
    ['zero confidence scores 0', { reach: entered(100), impact: 2, confidence: 0, effort: entered(4) }, {}, 0],
    ['bounds: largest reach over smallest effort', { reach: entered(1e9), impact: 3, confidence: 100, effort: entered(0.1) }, {}, 3e10],
    ['live reach of zero evidence', { reach: live, impact: 1, confidence: 100, effort: entered(1) }, { evidence: { count: 0 } }, 0],
  ])('%s', (_name, inputs, given, expected) => {
    const score = scoreItem('rice', inputs, given);
    expect(score.kind).toBe('scored');
    expect(score.kind === 'scored' && score.score).toBeCloseTo(expected, 9);
  });

  test('the terms say where each input came from, in RICE order', () => {
    const score = scoreItem('rice', { reach: live, impact: 2, confidence: 80, effort: live }, facts);
    expect(score).toEqual({
      kind: 'scored',
      method: 'rice',
      score: expect.any(Number),
      terms: [
        { input: 'reach', value: 380, source: 'evidence', label: 'support requests' },
        { input: 'impact', value: 2, source: 'entered' },
        { input: 'confidence', value: 80, source: 'entered' },
        { input: 'effort', value: 14.5, source: 'epics' },
      ],
    });
  });

  test.each<[string, ScoreInputs | undefined, ScoreFacts, ItemScore]>([
    ['nothing entered', undefined, facts, { kind: 'missing', method: 'rice', missing: ['reach', 'impact', 'confidence', 'effort'] }],
    ['live reach without evidence', { reach: live, impact: 1, confidence: 50, effort: entered(3) }, {}, { kind: 'missing', method: 'rice', missing: ['reach'] }],
    ['live effort while roll-ups load', { reach: entered(5), impact: 1, confidence: 50, effort: live }, { evidence: { count: 3 } }, { kind: 'missing', method: 'rice', missing: ['effort'] }],
    ['confidence missing', { reach: entered(5), impact: 1, effort: entered(3) }, {}, { kind: 'missing', method: 'rice', missing: ['confidence'] }],
  ])('missing inputs: %s', (_name, inputs, given, expected) => {
    expect(scoreItem('rice', inputs, given)).toEqual(expected);
  });

  test('zero effort left (live): no score, and says so rather than dividing by zero', () => {
    const score = scoreItem('rice', { reach: entered(5), impact: 1, confidence: 50, effort: live }, { remainingPoints: 0 });
    expect(score.kind).toBe('no-effort');
  });

  test('zero effort entered (only an import could store it): no score either', () => {
    expect(scoreItem('rice', { reach: entered(5), impact: 1, confidence: 50, effort: entered(0) }, {}).kind).toBe('no-effort');
  });
});

describe('scoreItem: value ÷ effort', () => {
  test.each<[string, ScoreInputs, ScoreFacts, ItemScore['kind'], number | undefined]>([
    ['entered value, live effort', { value: 8, effort: live }, facts, 'scored', 8 / 14.5],
    ['entered value and effort', { value: 9, effort: entered(3) }, {}, 'scored', 3],
    ['reach and impact are ignored', { value: 4, effort: entered(2), reach: entered(1000), impact: 3 }, {}, 'scored', 2],
    ['value missing', { effort: entered(2) }, {}, 'missing', undefined],
    ['live effort unknown', { value: 4, effort: live }, {}, 'missing', undefined],
    ['zero effort left', { value: 4, effort: live }, { remainingPoints: 0 }, 'no-effort', undefined],
    ['zero value scores 0', { value: 0, effort: entered(2) }, {}, 'scored', 0],
  ])('%s', (_name, inputs, given, kind, expected) => {
    const score = scoreItem('value-effort', inputs, given);
    expect(score.kind).toBe(kind);
    if (expected !== undefined) expect(score.kind === 'scored' && score.score).toBeCloseTo(expected, 9);
  });

  test('missing lists only what value ÷ effort reads', () => {
    expect(scoreItem('value-effort', {}, facts)).toEqual({ kind: 'missing', method: 'value-effort', missing: ['value', 'effort'] });
  });
});

describe('scoreItem: no method', () => {
  test.each<ScoreInputs | undefined>([undefined, { reach: entered(1), impact: 1, confidence: 1, effort: entered(1), value: 1 }])('is off whatever the inputs (%j)', (inputs) => {
    expect(scoreItem('none' as ScoringMethod, inputs, facts)).toEqual({ kind: 'off' });
  });
});

describe('priority order and the score filter', () => {
  const scored = (score: number): ItemScore => ({ kind: 'scored', method: 'rice', score, terms: [] });
  const missing: ItemScore = { kind: 'missing', method: 'rice', missing: ['reach'] };
  test('highest first, unscored last by rank, ties by rank', () => {
    const items = [
      { id: 'a', rank: '0|a', score: missing },
      { id: 'b', rank: '0|b', score: scored(3) },
      { id: 'c', rank: '0|c', score: scored(10) },
      { id: 'd', rank: '0|d', score: scored(3) },
      { id: 'e', rank: '0|0', score: { kind: 'no-effort', method: 'rice', terms: [] } as ItemScore },
      { id: 'f', rank: '0|e', score: scored(0) },
    ];
    expect([...items].sort(compareByScore).map((item) => item.id)).toEqual(['c', 'b', 'd', 'f', 'e', 'a']);
  });

  test.each<[ItemScore, number | undefined, boolean]>([
    [scored(5), undefined, true],
    [missing, undefined, true],
    [scored(5), 5, true],
    [scored(4.99), 5, false],
    [missing, 0, false],
    [scored(0), 0, true],
  ])('%j at least %s: %s', (score, min, expected) => {
    expect(meetsMinScore(score, min)).toBe(expected);
  });
});
