import { JqlError, parseJql } from './index';
import type { JqlNode, JqlQuery } from './index';

function parseError(text: string): string[] {
  try {
    parseJql(text);
  } catch (error) {
    if (error instanceof JqlError) return error.messages;
    throw error;
  }
  throw new Error(`expected ${text} not to parse`);
}

function where(text: string): JqlNode | undefined {
  return parseJql(text).where;
}

describe('parseJql', () => {
  it('reads a single clause into field, operator and operand', () => {
    expect(where('project = THR')).toEqual({
      kind: 'clause',
      field: { kind: 'name', name: 'project' },
      operator: '=',
      operand: { kind: 'string', value: 'THR', quoted: false },
      position: { line: 1, character: 1 },
    });
  });

  it.each([
    ['an empty query', ''],
    ['a query of whitespace only', '  \n '],
  ])('accepts %s as "every issue"', (_, text) => {
    expect(parseJql(text)).toEqual<JqlQuery>({ jql: text, orderBy: [] });
  });

  it('accepts a bare ORDER BY', () => {
    const query = parseJql('order by key desc');
    expect(query.where).toBeUndefined();
    expect(query.orderBy).toEqual([
      { field: { kind: 'name', name: 'key' }, direction: 'desc', position: { line: 1, character: 10 } },
    ]);
  });

  it.each<[string, string, string]>([
    ['equals', 'a = b', '='],
    ['not equals', 'a != b', '!='],
    ['contains', 'a ~ b', '~'],
    ['does not contain', 'a !~ b', '!~'],
    ['less than', 'a < 1', '<'],
    ['at most', 'a <= 1', '<='],
    ['greater than', 'a > 1', '>'],
    ['at least', 'a >= 1', '>='],
    ['in, case-insensitively', 'a In (b)', 'in'],
    ['not in', 'a NOT in (b)', 'not in'],
    ['is', 'a is EMPTY', 'is'],
    ['is not', 'a IS NOT empty', 'is not'],
  ])('reads the operator %s', (_, text, operator) => {
    expect(where(text)).toMatchObject({ kind: 'clause', operator });
  });

  it.each([
    ['double-quoted', '"In Progress"', { kind: 'string', value: 'In Progress', quoted: true }],
    ['single-quoted', "'In Progress'", { kind: 'string', value: 'In Progress', quoted: true }],
    ['escaped quotes inside', '"say \\"hi\\" it\'s"', { kind: 'string', value: 'say "hi" it\'s', quoted: true }],
    ['unicode escapes', '"caf\\u00e9"', { kind: 'string', value: 'café', quoted: true }],
    ['an escaped space in a word', 'In\\ Progress', { kind: 'string', value: 'In Progress', quoted: false }],
    ['a word with dashes and dots', 'THR-12.a', { kind: 'string', value: 'THR-12.a', quoted: false }],
    ['a relative date', '-30d', { kind: 'string', value: '-30d', quoted: false }],
    ['an integer', '10016', { kind: 'number', value: '10016' }],
    ['a negative integer', '-3', { kind: 'number', value: '-3' }],
    ['EMPTY', 'EMPTY', { kind: 'empty' }],
    ['NULL as EMPTY', 'null', { kind: 'empty' }],
    ['a function without arguments', 'currentUser()', { kind: 'function', name: 'currentUser', args: [] }],
    ['a function with an argument', 'startOfDay(-7d)', { kind: 'function', name: 'startOfDay', args: ['-7d'] }],
    ['a function with a quoted argument', 'startOfDay("+1")', { kind: 'function', name: 'startOfDay', args: ['+1'] }],
    [
      'a list',
      '(THR, "OPS", 10000)',
      {
        kind: 'list',
        items: [
          { kind: 'string', value: 'THR', quoted: false },
          { kind: 'string', value: 'OPS', quoted: true },
          { kind: 'number', value: '10000' },
        ],
      },
    ],
    [
      'a list holding a function and EMPTY',
      '(openSprints(), EMPTY)',
      { kind: 'list', items: [{ kind: 'function', name: 'openSprints', args: [] }, { kind: 'empty' }] },
    ],
  ])('reads a value that is %s', (_, operand, expected) => {
    expect(where(`f = ${operand}`)).toMatchObject({ operand: expected });
  });

  it.each([
    ['a custom field id', 'cf[10016] > 3', { kind: 'customField', id: '10016' }],
    ['a quoted field name', '"Story Points" > 3', { kind: 'name', name: 'Story Points' }],
    [
      'an issue property with a dotted key',
      'issue.property[throughline.links].goalIds = g-1',
      { kind: 'property', entity: 'issue.property', key: 'throughline.links', path: 'goalIds' },
    ],
    [
      'an issue property with a quoted key and a nested path',
      "issue.property['throughline links'].a.b = 1",
      { kind: 'property', entity: 'issue.property', key: 'throughline links', path: 'a.b' },
    ],
  ])('reads a field that is %s', (_, text, field) => {
    expect(where(text)).toMatchObject({ kind: 'clause', field });
  });

  describe('precedence', () => {
    it('binds AND tighter than OR', () => {
      expect(where('a = 1 OR b = 2 AND c = 3')).toMatchObject({
        kind: 'or',
        children: [{ kind: 'clause' }, { kind: 'and', children: [{ kind: 'clause' }, { kind: 'clause' }] }],
      });
    });

    it('binds NOT tighter than AND', () => {
      expect(where('NOT a = 1 AND b = 2')).toMatchObject({
        kind: 'and',
        children: [{ kind: 'not', child: { kind: 'clause' } }, { kind: 'clause' }],
      });
    });

    it('lets parentheses override both', () => {
      expect(where('!(a = 1 or b = 2) and c = 3')).toMatchObject({
        kind: 'and',
        children: [{ kind: 'not', child: { kind: 'or' } }, { kind: 'clause' }],
      });
    });

    it.each([
      ['&&', 'a = 1 && b = 2', 'and'],
      ['&', 'a = 1 & b = 2', 'and'],
      ['||', 'a = 1 || b = 2', 'or'],
      ['|', 'a = 1 | b = 2', 'or'],
    ])('reads %s as Jira does', (_, text, kind) => {
      expect(where(text)).toMatchObject({ kind });
    });
  });

  it('reads several ORDER BY fields with and without directions', () => {
    expect(parseJql('project = THR ORDER BY Rank ASC, created, "Story Points" desc').orderBy).toMatchObject([
      { field: { kind: 'name', name: 'Rank' }, direction: 'asc' },
      { field: { kind: 'name', name: 'created' } },
      { field: { kind: 'name', name: 'Story Points' }, direction: 'desc' },
    ]);
  });

  it('reports positions on later lines', () => {
    expect(where('project = THR\nAND   status = Done')).toMatchObject({
      children: [{ position: { line: 1, character: 1 } }, { position: { line: 2, character: 7 } }],
    });
  });

  describe('syntax errors, in Jira’s words', () => {
    const P = 'Error in the JQL Query: ';
    it.each([
      ['two clauses without a connective', 'project = THR status = Done', `${P}Expecting either 'OR' or 'AND' but got 'status'. (line 1, character 15)`],
      ['a dangling AND', 'project = THR AND', `${P}Expecting a field name at the end of the query.`],
      ['a missing operator', 'project', `${P}Expecting operator before the end of the query. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.`],
      ['a word where the operator goes', 'a blah >', `${P}Expecting operator but got 'blah'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 3)`],
      ['a missing value', 'project =', `${P}Expecting either a value, list or function before the end of the query.`],
      ['a symbol as the value', 'a=!', `${P}Expecting either a value, list or function but got '!'. You must surround '!' in quotation marks to use it as a value. (line 1, character 3)`],
      ['an empty list', 'a in ()', `${P}Expecting either a value, list or function but got ')'. You must surround ')' in quotation marks to use it as a value. (line 1, character 7)`],
      ['an unclosed list', 'a in (b, c', `${P}Expecting ')' before the end of the query.`],
      ['a list missing a comma', 'abc IN ((foo) abc = a', `${P}Expecting ')' but got 'abc'. (line 1, character 15)`],
      ['an unclosed parenthesis', '(a=b and c = d', `${P}Expecting ')' before the end of the query.`],
      ['NOT IS', 'a =a and j not is empty', `${P}Expecting 'IN' but got 'is'. (line 1, character 16)`],
      ['IS !', 'a =a and j is ! empty', `${P}Expecting 'NOT' but got '!'. (line 1, character 15)`],
      ['a keyword as the field', ', a = b', `${P}Expecting a field name but got ','. You must surround ',' in quotation marks to use it as a field name. (line 1, character 1)`],
      ['a bracket as the field', '[78] = q', `${P}Expecting a field name but got '['. Did you mean 'cf['? (line 1, character 1)`],
      ['an empty field name', "'' = c", `${P}A field name cannot be empty. (line 1, character 1)`],
      ['an empty function name', "a = ''()", `${P}A function name cannot be empty. (line 1, character 5)`],
      ['cf without a bracket', 'cf = 6', `${P}Expecting '[' but got '='. (line 1, character 4)`],
      ['cf without an id', 'cf[] = 1', `${P}Expecting a custom field id (a positive number) but got ']'. (line 1, character 4)`],
      ['cf with a negative id', 'cf[-29829] = 1', `${P}Expecting a custom field id (a positive number) but got '-29829'. (line 1, character 4)`],
      ['cf without a closing bracket', 'cf[29829 = world', `${P}Expecting ']' but got '='. (line 1, character 10)`],
      ['an unclosed function', 'a = func(', `${P}Expecting ')' before the end of the query.`],
      ['a function with an empty argument', 'bas=func(bad,)', `${P}Function argument must be specified. (line 1, character 14)`],
      ['a function ending after a comma', 'bas=func(bad,', `${P}Expecting a function argument at the end of the query.`],
      ['a symbol inside a function', 'k = func(abc, jk!)', `${P}Expecting ')' or ',' but got '!'. (line 1, character 17)`],
      ['ORDER without BY', 'a = b order', `${P}Expecting 'by' before the end of the query.`],
      ['ORDER followed by a word', 'a =b order summary', `${P}Expecting 'by' but got 'summary'. (line 1, character 12)`],
      ['ORDER BY without a field', 'a =b order by', `${P}Expecting a field name at the end of the query.`],
      ['ORDER BY a keyword', 'a =b order by asc', `${P}Expecting a field name but got 'asc'. You must surround 'asc' in quotation marks to use it as a field name. (line 1, character 15)`],
      ['a word after a sort field', 'a =b order by ajsks blah', `${P}Expecting either 'ASC' or 'DESC' but got 'blah'. (line 1, character 21)`],
      ['a word after a sort direction', 'order by a desc d', `${P}Expecting ',' but got 'd'. (line 1, character 17)`],
      ['an unterminated string', "summary ~ 'test", `${P}The quoted string 'test' has not been completed. (line 1, character 11)`],
      ['an unterminated empty string', "summary ~ '", `${P}The quoted string has not been completed. (line 1, character 11)`],
      ['an illegal escape', 'comme\\unt ~ test', `${P}'\\un' is an illegal JQL escape sequence. The valid escape sequences are \\', \\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX. (line 1, character 6)`],
      ['a reserved character', 'mine{www = qwwr', `${P}The character '{' is a reserved JQL character. You must enclose it in a string or use the escape '\\u007b' instead. (line 1, character 5)`],
      ['an unquoted slash date', 'created > 2025/01/01', `${P}The character '/' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002f' instead. (line 1, character 15)`],
      ['a reserved word', 'project = DO', `${P}'DO' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 11)`],
      ['a number beyond 64 bits', 'aaaaa=-3482094382084092840932809482', `${P}'-3482094382084092840932809482' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807. (line 1, character 7)`],
      ['a control character', 'minewww =\u007fqwwr', `${P}The character 'U+007F' on line 1 at position 10 must be escaped. Use the escape '\\u007f' instead. (line 1, character 10)`],
    ])('rejects %s', (_, text, message) => {
      expect(parseError(text)).toEqual([message]);
    });

    it('accepts a reserved word once it is quoted', () => {
      expect(where('project = "DO"')).toMatchObject({ operand: { value: 'DO', quoted: true } });
    });
  });

  describe('syntax outside the subset', () => {
    it.each([
      ['WAS', 'status WAS Done'],
      ['CHANGED', 'status CHANGED'],
    ])('refuses the history operator %s as unsupported', (_, text) => {
      const messages = parseError(text);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/^Unsupported by the sandbox JQL subset: the .* operator/);
    });

    it('marks the error as a subset limit', () => {
      expect(() => parseJql('status was Done')).toThrow(expect.objectContaining({ unsupported: true }));
    });
  });
});
