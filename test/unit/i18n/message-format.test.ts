import fc from 'fast-check';
import { formatMessage, mapMessageText, MessageSyntaxError, parseMessage, placeholdersOf } from '../../../src/i18n/message-format';

describe('formatMessage', () => {
  test.each([
    ['Goals & KPIs', {}, 'en-US', 'Goals & KPIs'],
    ['Goal “{title}” created.', { title: 'Grow' }, 'en-US', 'Goal “Grow” created.'],
    ['{count} issues', { count: 12400 }, 'en-US', '12,400 issues'],
    ['{count} Vorgänge', { count: 12400 }, 'de-DE', '12.400 Vorgänge'],
    ['Q{quarter} {year}', { quarter: 3, year: '2026' }, 'de-DE', 'Q3 2026'],
    ['{n, plural, =0 {No KPIs} one {# KPI} other {# KPIs}}', { n: 0 }, 'en-US', 'No KPIs'],
    ['{n, plural, =0 {No KPIs} one {# KPI} other {# KPIs}}', { n: 1 }, 'en-US', '1 KPI'],
    ['{n, plural, =0 {No KPIs} one {# KPI} other {# KPIs}}', { n: 1500 }, 'en-US', '1,500 KPIs'],
    ['{n, plural, other {# 件}}', { n: 1 }, 'ja-JP', '1 件'],
    ['{kind, select, quarter {By quarter} other {By {date}}}', { kind: 'date', date: 'May 1' }, 'en-US', 'By May 1'],
    ['{kind, select, quarter {By quarter} other {By {date}}}', { kind: 'quarter' }, 'en-US', 'By quarter'],
    ['Saved {when}', {}, 'en-US', 'Saved {when}'],
  ])('%s with %j in %s', (pattern, params, locale, expected) => {
    expect(formatMessage(pattern, params, locale)).toBe(expected);
  });

  test.each(['{', 'a}', '{n, plural, one {x}}', '{n, choice, other {x}}', '{n, plural, other {x} other {y}}', '{ }'])('refuses %s', (pattern) => {
    expect(() => parseMessage(pattern)).toThrow(MessageSyntaxError);
  });

  test('placeholders include plural and select names and nested values', () => {
    expect([...placeholdersOf('{a} {n, plural, one {# {b}} other {{c}}} {k, select, x {{d}} other {}}')].sort()).toEqual(['a', 'b', 'c', 'd', 'k', 'n']);
  });

  test('any text without braces is itself, whatever the params', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/[{}]/.test(s)), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), (text, params) => {
        expect(formatMessage(text, params, 'de-DE')).toBe(text);
      }),
    );
  });

  test('rewriting text parts keeps the syntax and the values', () => {
    const pattern = 'Moved {title} {n, plural, =0 {nowhere} one {# lane} other {# lanes}} {k, select, a {A} other {B}}';
    const rewritten = mapMessageText(pattern, (text) => text.toUpperCase());
    expect(placeholdersOf(rewritten)).toEqual(placeholdersOf(pattern));
    expect(formatMessage(rewritten, { title: 'x', n: 2, k: 'a' }, 'en-US')).toBe('MOVED x 2 LANES A');
  });
});
