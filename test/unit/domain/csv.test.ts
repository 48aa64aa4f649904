import { csvDocument, csvField, csvText, utf8Bom } from '../../../src/domain/csv';

describe('csvField', () => {
  test.each([
    ['plain text stays as it is', 'Checkout', 'Checkout'],
    ['a comma makes the field quoted', 'Pay, then ship', '"Pay, then ship"'],
    ['quotes are doubled inside quotes', 'The "fast" path', '"The ""fast"" path"'],
    ['a line feed is kept inside quotes', 'one\ntwo', '"one\ntwo"'],
    ['a carriage return and line feed are kept inside quotes', 'one\r\ntwo', '"one\r\ntwo"'],
    ['text that would start a formula is shown as text', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a leading minus or at-sign is guarded too', '-1+2', "'-1+2"],
    ['accents and emoji pass through untouched', 'Café ☕ 日本', 'Café ☕ 日本'],
    ['an empty string is an empty field', '', ''],
  ])('%s', (_, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test.each([
    [3, '3'],
    [-2.5, '-2.5'],
    [0, '0'],
    [Number.NaN, ''],
    [null, ''],
    [undefined, ''],
  ])('the number or blank %p is written as %p', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('csvText and csvDocument', () => {
  test('every record ends in CRLF, fields are joined by commas', () => {
    expect(csvText([['Epic', 'Points'], ['THR-1', 5], ['THR-2', null]])).toBe('Epic,Points\r\nTHR-1,5\r\nTHR-2,\r\n');
  });

  test('a document starts with the UTF-8 byte order mark, which encodes as EF BB BF', () => {
    const document = csvDocument([['Goal'], ['Croissant ü']]);
    expect(document.startsWith(utf8Bom)).toBe(true);
    expect([...new TextEncoder().encode(document).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(document.slice(1)).toBe('Goal\r\nCroissant ü\r\n');
  });

  test('no rows is an empty file after the mark', () => {
    expect(csvDocument([])).toBe(utf8Bom);
  });

  test('every record is as wide as the header (RFC 4180): shorter rows get empty trailing fields', () => {
    expect(csvDocument([['Section', 'Epic', 'Goal', 'Points'], ['Goal with no work', '', 'Grow'], ['Epic', 'THR-1', 'Grow', 5]]).slice(1)).toBe(
      'Section,Epic,Goal,Points\r\nGoal with no work,,Grow,\r\nEpic,THR-1,Grow,5\r\n',
    );
  });

  test('a row wider than its header is a bug, not a file', () => {
    expect(() => csvDocument([['One'], ['a', 'b']])).toThrow('CSV row 1 has 2 fields under a 1-field header');
  });
});

