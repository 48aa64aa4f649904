import { formatNumber, formatPercent, formatQuantity } from '../../../src/domain/number-format';

// Intl puts a no-break space (U+00A0) or narrow no-break space (U+202F) where English has none.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers in sentences', () => {
  test.each([
    [0, '0', '0', '0'],
    [42, '42', '42', '42'],
    [0.1 + 0.2, '0.3', '0,3', '0.3'],
    [12.345, '12.35', '12,35', '12.35'],
    [-3.5, '-3.5', '-3,5', '-3.5'],
    [1234.5, '1,235', '1.235', '1,235'],
    [0.045678, '0.0457', '0,0457', '0.0457'],
    [1e9, '1,000,000,000', '1.000.000.000', '1,000,000,000'],
  ])('%d reads %s in en-US, %s in de-DE, %s in ja-JP', (value, english, german, japanese) => {
    expect(formatNumber(value, 'en-US')).toBe(english);
    expect(formatNumber(value, 'de-DE')).toBe(german);
    expect(formatNumber(value, 'ja-JP')).toBe(japanese);
  });

  test('units follow the number; a percent is the locale’s percent sign', () => {
    expect(formatQuantity(12, 'bugs', 'en-US')).toBe('12 bugs');
    expect(formatQuantity(12, '%', 'en-US')).toBe('12%');
    expect(formatQuantity(12.5, '%', 'en-US')).toBe('12.5%');
    expect(plain(formatQuantity(12, '%', 'de-DE'))).toBe('12 %');
    expect(formatQuantity(12, '', 'en-US')).toBe('12');
    expect(formatPercent(0.554, 'en-US')).toBe('55%');
    expect(plain(formatPercent(0.554, 'de-DE'))).toBe('55 %');
    expect(formatPercent(0.554, 'ja-JP')).toBe('55%');
  });
});
