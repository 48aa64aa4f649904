import { formatNumber, formatPercent, formatQuantity } from '../../../src/domain/number-format';

describe('numbers in sentences', () => {
  test.each([
    [0, '0'],
    [42, '42'],
    [0.1 + 0.2, '0.3'],
    [12.345, '12.35'],
    [-3.5, '-3.5'],
    [1234.5, '1235'],
    [0.045678, '0.0457'],
    [1e9, '1000000000'],
  ])('%d reads %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  test('units follow the number; a percent sign sticks to it', () => {
    expect(formatQuantity(12, 'bugs')).toBe('12 bugs');
    expect(formatQuantity(12, '%')).toBe('12%');
    expect(formatQuantity(12, '')).toBe('12');
    expect(formatPercent(0.554)).toBe('55%');
  });
});
