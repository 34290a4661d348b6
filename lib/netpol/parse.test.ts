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

  it('document count cap', () => {
    const r = parseDocuments(Array(20).fill('a: 1').join('\n---\n'), { maxDocuments: 10 });
    expect(r.diagnostics).toEqual([expect.objectContaining({ type: 'Limit', message: 'too many documents: 20, the limit is 10' })]);
  });
});
