import { estimateDepth, parseDocuments, positionOf } from './parse';
import { parsePolicies } from './policies';

const POLICY = (name: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
spec:
  podSelector: {}
`;

describe('parseDocuments', () => {
  it('reads several documents and skips empty ones', () => {
    const r = parseDocuments(`${POLICY('a')}---\n---\n# only a comment\n---\n${POLICY('b')}`);
    expect(r.diagnostics).toEqual([]);
    expect(r.objects.map((o) => [o.document, (o.value as { metadata: { name: string } }).metadata.name])).toEqual([
      [0, 'a'],
      [3, 'b'],
    ]);
  });

  it('records 1-based positions of keys and sequence items', () => {
    const r = parseDocuments('a:\n  b:\n  - x: 1\n  - y: [2, 3]\n');
    expect(r.objects[0].positions).toEqual({
      '': { line: 1, column: 1 },
      a: { line: 1, column: 1 },
      'a.b': { line: 2, column: 3 },
      'a.b[0]': { line: 3, column: 5 },
      'a.b[0].x': { line: 3, column: 5 },
      'a.b[1]': { line: 4, column: 5 },
      'a.b[1].y': { line: 4, column: 5 },
      'a.b[1].y[0]': { line: 4, column: 9 },
      'a.b[1].y[1]': { line: 4, column: 12 },
    });
    expect(positionOf(r.objects[0].positions, 'a.b[1].y[1].missing.deeper')).toEqual({ line: 4, column: 12 });
  });

  it('unpacks kind: List and NetworkPolicyList with positions relative to each item', () => {
    for (const kind of ['List', 'NetworkPolicyList']) {
      const text = `apiVersion: v1\nkind: ${kind}\nitems:\n- ${POLICY('a').split('\n').join('\n  ')}\n- ${POLICY('b').split('\n').join('\n  ')}`;
      const r = parseDocuments(text);
      expect(r.objects.map((o) => [o.item, o.prefix, o.positions['metadata.name']?.line])).toEqual([
        [0, 'items[0]', 7],
        [1, 'items[1]', 14],
      ]);
    }
    const p = parsePolicies(`apiVersion: v1\nkind: List\nitems:\n- ${POLICY('a').split('\n').join('\n  ')}\n- ${POLICY('B').split('\n').join('\n  ')}`);
    expect(p.policies.map((x) => [x.name, x.source.item])).toEqual([['a', 0]]);
    expect(p.diagnostics).toEqual([expect.objectContaining({ path: 'metadata.name', line: 14, column: 5, document: 0 })]);
  });

  it('reports syntax errors with line and column, and keeps the other documents', () => {
    const r = parseDocuments(`${POLICY('a')}---\nkey: [unclosed\n---\n${POLICY('c')}`);
    expect(r.objects.map((o) => o.document)).toEqual([0, 2]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toEqual(expect.objectContaining({ severity: 'error', type: 'Syntax', document: 1 }));
    // The yaml parser notices the unclosed `[` where the document ends (line 9), right after line 8.
    expect(r.diagnostics[0].line).toBeGreaterThanOrEqual(8);
    expect(r.diagnostics[0].message).toMatch(/^yaml: /);
  });

  it('reports duplicate keys (strict decoding refuses them too)', () => {
    const r = parseDocuments('a: 1\na: 2\n');
    expect(r.diagnostics).toEqual([expect.objectContaining({ type: 'Syntax', message: 'yaml: duplicate key: map keys must be unique', line: 2, column: 1 })]);
  });

  // The exact diagnostics the fallback reader gave when it asked the yaml package for unique keys (checked
  // against the previous parse.ts before the linear check replaced it): message, line, column, path, document.
  it.each([
    ['top level', 'a: 1\nb: 2\na: 3\n', [[3, 1, 0]]],
    ['nested, in a policy', 'kind: NetworkPolicy\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n      tier: db\n      app: api\n', [[7, 7, 0]]],
    ['in a sequence item', 'ingress:\n- from: []\n  ports: []\n  from: []\n', [[4, 3, 0]]],
    ['flow mapping', 'matchLabels: {app: web, app: api}\n', [[1, 25, 0]]],
    ['quoted and plain spellings of one key', '"app": 1\n\'app\': 2\n', [[2, 1, 0]]],
    ['merge keys (YAML 1.2: `<<` is an ordinary key)', 'b: &b {x: 1}\nm:\n  <<: *b\n  <<: *b\n', [[4, 3, 0]]],
    ['after an empty value (the error points at the end of that line)', 'a:\na: 1\n', [[1, 3, 0]]],
    ['each repeat, in several documents', 'a: 1\n---\nb: 1\nb: 2\nb: 3\n---\n{c: 1, c: 2}\n', [[4, 1, 1], [5, 1, 1], [7, 8, 2]]],
  ] as [string, string, [number, number, number][]][])('reports duplicate keys as before: %s', (_name, text, at) => {
    for (const fastPath of [true, false]) {
      const r = parseDocuments(text, { fastPath });
      expect(r.diagnostics).toEqual(at.map(([line, column, document]) => ({ severity: 'error', type: 'Syntax', path: '', message: 'yaml: duplicate key: map keys must be unique', line, column, document })));
      // A document with a repeated key yields no object; the others still do.
      expect(r.objects.map((o) => o.document)).toEqual([...new Set(text.split('\n---\n').map((_, i) => i))].filter((i) => !at.some(([, , d]) => d === i)));
    }
  });

  it('reports a duplicate key next to the syntax errors of its document, first ten in order', () => {
    const r = parseDocuments('x: [1\na: 1\nb: {y: 1, y: 2\na: 2\n');
    expect(r.diagnostics.map((d) => [d.message, d.line, d.column])).toEqual([
      ['yaml: flow sequence in block collection must be sufficiently indented and end with a ]', 2, 1],
      ['yaml: duplicate key: map keys must be unique', 3, 11],
      ['yaml: flow map in block collection must be sufficiently indented and end with a }', 4, 1],
      ['yaml: duplicate key: map keys must be unique', 4, 1],
    ]);
  });

  it('expands aliases within the budget', () => {
    const r = parseDocuments('base: &b {app: web}\nsel: *b\n');
    expect(r.objects[0].value).toEqual({ base: { app: 'web' }, sel: { app: 'web' } });
  });

  it('a `__proto__` key is data, not a prototype', () => {
    const r = parseDocuments('__proto__: {polluted: true}\n');
    const v = r.objects[0].value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseDocuments: hostile input is refused, never a hang', () => {
  it('size cap (default 256 KiB, configurable)', () => {
    const r = parseDocuments('a'.repeat(256 * 1024 + 1));
    expect(r.diagnostics).toEqual([expect.objectContaining({ type: 'Limit', message: 'input is too large: 262145 bytes, the limit is 262144 bytes' })]);
    expect(parseDocuments('a: 1', { maxBytes: 3 }).diagnostics[0].type).toBe('Limit');
    // Multi-byte characters count as UTF-8 bytes.
    expect(parseDocuments('é'.repeat(100), { maxBytes: 150 }).diagnostics[0].message).toBe('input is too large: 200 bytes, the limit is 150 bytes');
  });

  it('alias expansion cap (billion laughs)', () => {
    const lol = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [k, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g']]) {
      lol.push(`${k}: &${k} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const started = Date.now();
    const r = parseDocuments(lol.join('\n'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.objects).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ type: 'Limit', message: 'too many alias expansions: the limit is 100' })]);
  });

  it('nesting depth cap, exact after parsing and estimated before it', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(parseDocuments(deep(60)).diagnostics).toEqual([]);
    expect(parseDocuments(deep(70)).diagnostics).toEqual([expect.objectContaining({ type: 'Limit', message: 'nesting is too deep: the limit is 64 levels' })]);
    for (const hostile of [deep(100000), `${'- '.repeat(100000)}x`, `${'{a: '.repeat(50000)}`]) {
      const r = parseDocuments(hostile);
      expect(r.diagnostics).toEqual([expect.objectContaining({ type: 'Limit' })]);
    }
    expect(estimateDepth('a:\n  b:\n    - - c\n')).toBeGreaterThanOrEqual(4);
  });

  it('keys per mapping cap (default 1000, configurable), on both readers, with the mapping\'s path and line', () => {
    const labels = (n: number) => Array.from({ length: n }, (_, i) => `      k${i}: v`).join('\n');
    const policy = (n: number) => `kind: NetworkPolicy\nspec:\n  podSelector:\n    matchLabels:\n${labels(n)}\n`;
    for (const fastPath of [true, false]) {
      const tagged = (text: string) => (fastPath ? text : text.replace('k0: v', 'k0: !!str v'));
      expect(parseDocuments(tagged(policy(1000)), { fastPath }).diagnostics).toEqual([]);
      const r = parseDocuments(tagged(policy(1001)), { fastPath });
      expect(r.objects).toEqual([]);
      expect(r.diagnostics).toEqual([{ severity: 'error', type: 'Limit', path: 'spec.podSelector.matchLabels', message: 'spec.podSelector.matchLabels: Too many: 1001: must have at most 1000 keys', line: 4, column: 5, document: 0 }]);
      // The top-level mapping, a List item, and the other documents kept.
      expect(parseDocuments('a: 1\nb: 2\nc: 3\n---\nx: 1\n', { fastPath, maxMappingKeys: 2 })).toEqual({
        objects: [expect.objectContaining({ document: 1, value: { x: 1 } })],
        diagnostics: [{ severity: 'error', type: 'Limit', path: '', message: 'Too many: 3: must have at most 2 keys', line: 1, column: 1, document: 0 }],
      });
      expect(parseDocuments('kind: List\nitems:\n- a: 1\n- {a: 1, b: 2, c: 3}\n', { fastPath, maxMappingKeys: 2 }).diagnostics).toEqual([
        { severity: 'error', type: 'Limit', path: 'items[1]', message: 'items[1]: Too many: 3: must have at most 2 keys', line: 4, column: 3, document: 0 },
      ]);
    }
  });

  it('document count cap', () => {
    const r = parseDocuments(Array(20).fill('a: 1').join('\n---\n'), { maxDocuments: 10 });
    expect(r.diagnostics).toEqual([expect.objectContaining({ type: 'Limit', message: 'too many documents: 20, the limit is 10' })]);
  });
});
