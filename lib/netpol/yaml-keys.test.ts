import fc from 'fast-check';
import { parseAllDocuments, parseDocument } from 'yaml';
import { duplicateKeyOffsets, errorsWithDuplicateKeys } from './yaml-keys';

/** What the yaml package itself reports with `uniqueKeys: true` (the quadratic check this module replaces). */
function packageErrors(text: string): string[][] {
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  return (Array.isArray(docs) ? docs : []).map((d) => d.errors.map((e) => `${e.code}@${e.pos[0]}: ${e.message}`));
}

function linearErrors(text: string): string[][] {
  const docs = parseAllDocuments(text, { uniqueKeys: false, keepSourceTokens: true, prettyErrors: false });
  return (Array.isArray(docs) ? docs : []).map((d) => errorsWithDuplicateKeys(d).map((e) => `${e.code}@${e.offset}: ${e.message}`));
}

const SHAPES: [string, string][] = [
  ['top level', 'a: 1\nb: 2\na: 3\n'],
  ['nested', 'spec:\n  podSelector:\n    matchLabels:\n      app: a\n      app: b\n'],
  ['in a sequence item', 'ingress:\n- from: []\n  ports: []\n  from: []\n'],
  ['flow mapping', 'x: {a: 1, b: 2, a: 3}\n'],
  ['flow mapping, keys only', '{a, a}'],
  ['quoted and plain keys are the same string', '"a": 1\n\'a\': 2\na: 3\n'],
  ['merge keys (`<<` is an ordinary key in YAML 1.2)', 'base: &b {x: 1}\nm:\n  <<: *b\n  <<: *b\n'],
  ['numbers equal after resolution', '1: a\n1.0: b\n0x1: c\n'],
  ['null keys', 'null: 1\n~: 2\n'],
  ['empty keys', ': 1\n: 2\n'],
  ['explicit keys', '? a\n: 1\n? a\n: 2\n'],
  ['tagged and anchored keys', '!!str a: 1\n&x a: 2\n'],
  ['three times, each repeat reported', 'a: 1\na: 2\na: 3\n'],
  ['inner before outer', 'a:\n  x: 1\n  x: 2\na: 3\n'],
  ['several documents', 'a: 1\na: 2\n---\nb: 1\n---\nc: 1\nc: 2\n'],
  ['with a syntax error at the same offset', 'a: [1\na: 2\n'],
  ['with syntax errors around it', 'x: [1\na: 1\nb: {y: 1, y: 2\na: 2\n'],
];

describe('errorsWithDuplicateKeys: the yaml package’s uniqueKeys errors, in linear time', () => {
  test.each(SHAPES)('%s', (_name, text) => {
    const expected = packageErrors(text);
    expect(expected.flat().some((e) => e.startsWith('DUPLICATE_KEY@'))).toBe(true);
    expect(linearErrors(text)).toEqual(expected);
  });

  it.each([
    ['different keys', 'a: 1\nb: 2\n'],
    ['string and number', '1: a\n"1": b\n'],
    ['NaN is never equal to itself', '.nan: 1\n.NaN: 2\n'],
    ['collection keys compare by identity', '? [a]\n: 1\n? [a]\n: 2\n'],
    ['alias keys compare by identity', 'x: &k a\n*k : 1\n*k : 2\n'],
    ['one key per flow-sequence pair', '[a: 1, a: 2]'],
  ])('no duplicate: %s (as the package)', (_name, text) => {
    expect(packageErrors(text).flat().filter((e) => e.startsWith('DUPLICATE_KEY@'))).toEqual([]);
    expect(linearErrors(text)).toEqual(packageErrors(text));
  });

  it('gives the offsets in document order', () => {
    expect(duplicateKeyOffsets(parseDocument('a:\n  x: 1\n  x: 2\na: 3\nb: {y: 1, y: 2}\n', { uniqueKeys: false }))).toEqual([12, 17, 32]);
  });

  // The package reports a few errors (a block collection inside a flow one, a key without a value) after the node
  // they point into; among those a duplicate-key error may be listed elsewhere, so there the errors are compared
  // as a multiset.
  it('matches the package on generated documents with repeated keys and stray syntax', () => {
    const key = fc.constantFrom('a', 'b', '"a"', "'b'", '1', '1.0', '~', 'null', '!!str a', '&x a', '? a\n', '<<');
    const value = fc.constantFrom('1', 'x', '{a: 1, a: 2}', '[1, 2]', '{a, b, a}', '', '*x', '[', '}', '"unclosed');
    const line = fc.tuple(fc.integer({ min: 0, max: 2 }), key, value).map(([indent, k, v]) => `${'  '.repeat(indent)}${k}: ${v}`);
    const doc = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 3 }), (docs) => {
        const text = docs.join('\n---\n');
        const expected = packageErrors(text);
        const actual = linearErrors(text);
        expect(actual.length).toBe(expected.length);
        expected.forEach((errs, i) => {
          if (errs.every((e) => e.startsWith('DUPLICATE_KEY@'))) expect(actual[i]).toEqual(errs);
          else expect([...actual[i]].sort()).toEqual([...errs].sort());
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('gives exactly the package’s list on well-formed documents with repeated keys', () => {
    const key = fc.constantFrom('a', 'b', '"a"', '1', '0x1', '~', '!!str b', '&x a', '<<', "'<<'");
    const value = fc.constantFrom('1', 'x', '', '{a: 1, a: 2}', '{a, b, a}', '{? a : 1, b: 2}', '[a: 1, a: 2]', '# note');
    const entry = fc.tuple(key, value, fc.boolean()).map(([k, v, nested]) => (nested ? `${k}:\n  k: 1\n  k: ${v || '2'}` : `${k}: ${v}`));
    fc.assert(
      fc.property(fc.array(fc.array(entry, { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 3 }), (docs) => {
        const text = docs.map((d) => d.join('\n')).join('\n---\n');
        const expected = packageErrors(text);
        expect(expected.flat().every((e) => e.startsWith('DUPLICATE_KEY@'))).toBe(true);
        expect(linearErrors(text)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
