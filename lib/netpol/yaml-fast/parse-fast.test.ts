/**
 * Differential test of the fast YAML reader: parseDocuments with the fast path must give exactly what the
 * yaml-package path gives (values, positions, YAML 1.1 boolean notes, diagnostics), on a grammar of
 * generated documents, on every YAML file of the corpus (content/, tests/) and the policies embedded in
 * them, and on random mutations of those.
 */
// The differential test reads the corpus; the engine code itself never may (eslint blocks node:*).
// eslint-disable-next-line no-restricted-imports
import { readdirSync, readFileSync, statSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { join } from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { parseDocuments } from '../parse';
import { fastParseDocuments, resolvePlain } from './parse-fast';

const ROOT = join(__dirname, '..', '..', '..');
/** Runs per generated property; `FAST_YAML_RUNS=50000 npx jest lib/netpol/yaml-fast` for a long hunt. */
const RUNS = Number(process.env.FAST_YAML_RUNS ?? 3000);

/** Both paths on one text; the result of the yaml-package path is returned for further checks. */
function same(text: string): ReturnType<typeof parseDocuments> {
  const slow = parseDocuments(text, { fastPath: false });
  const fast = parseDocuments(text);
  // toStrictEqual: key sets, undefined fields, -0 vs 0 and NaN all count.
  expect({ text, result: fast }).toStrictEqual({ text, result: slow });
  // Key order of the values and positions too (JSON output and iteration follow it).
  expect(JSON.stringify(fast.objects.map((o) => [o.value, Object.keys(o.positions)]))).toBe(JSON.stringify(slow.objects.map((o) => [o.value, Object.keys(o.positions)])));
  return slow;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** Multi-line strings inside a YAML file: the embedded policies, clusters and mutants of scenarios. */
function embedded(text: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') { if (v.includes('\n')) out.push(v); }
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const d of parseAllDocuments(text)) if (Array.isArray(d.errors) && d.errors.length === 0) walk(d.toJS());
  return out;
}

const files = [...yamlFiles(join(ROOT, 'content')), ...yamlFiles(join(ROOT, 'tests'))];
const corpus: string[] = [];
for (const f of files) {
  const t = readFileSync(f, 'utf8');
  corpus.push(t, ...embedded(t));
}

describe('fast YAML reader: scalar typing (YAML 1.2 core schema, as the yaml package)', () => {
  it.each([
    ['~', null], ['null', null], ['Null', null], ['NULL', null], ['nULL', 'nULL'],
    ['true', true], ['True', true], ['TRUE', true], ['false', false], ['FALSE', false], ['tRUE', 'tRUE'], ['yes', 'yes'], ['on', 'on'],
    ['0', 0], ['-0', -0], ['+12', 12], ['007', 7], ['0o17', 15], ['0o8', '0o8'], ['0x1F', 31], ['0X1F', '0X1F'], ['-0x1', '-0x1'],
    ['1.5', 1.5], ['1.', 1], ['.5', 0.5], ['-.5', -0.5], ['1e3', 1000], ['1.5E-2', 0.015], ['.inf', Infinity], ['-.Inf', -Infinity], ['.NaN', NaN], ['+.nan', '+.nan'],
    ['1_000', '1_000'], ['80/TCP', '80/TCP'], ['10.0.0.0', '10.0.0.0'], ['123456789012345678901', 123456789012345678901],
  ])('%s', (text, want) => {
    expect(resolvePlain(text)).toStrictEqual(want);
    same(`k: ${text}\n`);
  });
});

describe('fast YAML reader: takes the fast path on everyday policies', () => {
  it('reads the yaml package own output and typical hand-written policies without falling back', () => {
    const policy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'db', namespace: 'prod', labels: { 'app.kubernetes.io/name': 'x' } },
      spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 5432, protocol: 'TCP' }, { port: 'http' }] }] },
    };
    const texts = [
      stringify(policy),
      `${stringify(policy)}---\n${stringify({ ...policy, metadata: { name: 'b' } })}`,
      '# leading comment\napiVersion: networking.k8s.io/v1   # trailing\nkind: NetworkPolicy\nmetadata:\n  name: "quoted"\n  namespace: \'it\'\'s\'\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, "Egress"]\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: a}}\n      podSelector:\n        matchExpressions:\n          - {key: tier, operator: In, values: [web, api]}\n    ports:\n    - port: 80\n  egress: []\n',
      'a: [[1], {b: 2}, {c: [d, "e"], f: {g: h}}]\ncidrs: [fd00::/8, "::1/128", 2001:db8::1:2/64]\n',
      '---\nkind: List\nitems:\n-\n  kind: NetworkPolicy\n  metadata: {name: a}\n- kind: NetworkPolicy\n  metadata:\n    name: b\n\n\n---\n',
    ];
    for (const t of texts) {
      expect(fastParseDocuments(t, 64)).not.toBeNull();
      same(t);
    }
  });

  it('reads most of the corpus policies on the fast path', () => {
    const embeddedPolicies = files.flatMap((f) => embedded(readFileSync(f, 'utf8'))).filter((t) => t.includes('apiVersion:'));
    const fast = embeddedPolicies.filter((t) => fastParseDocuments(t, 64) !== null);
    expect(embeddedPolicies.length).toBeGreaterThan(50);
    // Not all (some use block scalars, anchors or odd spacing on purpose), but the everyday ones.
    expect(fast.length / embeddedPolicies.length).toBeGreaterThan(0.8);
  });
});

describe('fast YAML reader: falls back outside the subset (same results either way)', () => {
  it.each([
    ['anchor and alias', 'a: &x {b: 1}\nc: *x\n'],
    ['tag', 'a: !!str 1\n'],
    ['block scalar', 'a: |\n  x\n'],
    ['folded scalar', 'a: >\n  x\n'],
    ['multi-line plain', 'a: b\n  c\n'],
    ['multi-line quoted', 'a: "b\n  c"\n'],
    ['escape', 'a: "b\\tc"\n'],
    ['complex key', '? a\n: b\n'],
    ['directive', '%YAML 1.2\n---\na: 1\n'],
    ['document end', 'a: 1\n...\n'],
    ['marker with content', '--- {a: 1}\n'],
    ['tab', 'a:\tb\n'],
    ['CRLF', 'a: 1\r\nb: 2\r\n'],
    ['BOM', '\ufeffa: 1\n'],
    ['duplicate key', 'a: 1\na: 2\n'],
    ['duplicate after typing', '1: a\n"1": b\n'],
    ['merge key', '<<: {a: 1}\n'],
    ['null item', '- a\n-\n- b\n'],
    ['compact nested sequence', '- - a\n  - b\n'],
    ['multi-line flow', 'a: [1,\n  2]\n'],
    ['flow trailing comma', 'a: [1, 2,]\n'],
    ['colon before a flow indicator', 'a: [b:, c]\n'],
    ['collection as a flow key', 'a: {[b]: c}\n'],
    ['empty flow value', 'a: {b: }\n'],
    ['dash before a flow indicator', '- [-]\n'],
    ['root scalar', 'hello\n'],
    ['root flow', '{a: 1}\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['map in compact value', 'a: b: c\n'],
    ['sequence among keys', 'a: 1\n- b\n'],
    ['unclosed quote', 'a: "b\n'],
    ['text after quote', 'a: "b" c\n'],
    ['reserved indicator', 'a: @b\n'],
  ])('%s', (_name, text) => {
    expect(fastParseDocuments(text, 64)).toBeNull();
    same(text);
  });

  it('refuses nesting deeper than the limit on the slow path, with its diagnostic', () => {
    const deep = Array.from({ length: 8 }, (_, i) => `${' '.repeat(2 * i)}k${i}:`).join('\n') + ' v\n';
    expect(fastParseDocuments(deep, 4)).toBeNull();
    expect(parseDocuments(deep, { maxDepth: 4 })).toStrictEqual(parseDocuments(deep, { maxDepth: 4, fastPath: false }));
    expect(parseDocuments(deep, { maxDepth: 4 }).diagnostics[0]?.message).toBe('nesting is too deep: the limit is 4 levels');
  });
});

describe('fast YAML reader: the corpus', () => {
  it(`gives the yaml-package results on every YAML file under content/ and tests/ and the documents inside them (${corpus.length} texts)`, () => {
    expect(corpus.length).toBeGreaterThan(100);
    for (const t of corpus) same(t);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated documents
// ---------------------------------------------------------------------------------------------

/** Scalar texts that exercise typing and the plain-scalar rules (many are outside the subset on purpose). */
const scalarText = fc.oneof(
  { arbitrary: fc.constantFrom('web', 'db', 'api', 'x', 'fd00::1/64', '80'), weight: 24 },
  fc.constantFrom('web', 'app', 'kubernetes.io/metadata.name', '10.0.0.0/8', 'TCP', 'Ingress', 'a b', 'x:y', 'a#b', 'a #b', 'http://x', "it's", 'é漢', '-x', '-1', '---', '--- x', '...', ''),
  fc.constantFrom('~', 'null', 'Null', 'true', 'False', 'yes', 'no', 'on', 'Off', 'y', 'N', '0', '-0', '+7', '007', '0o17', '0x1f', '1.5', '1.', '.5', '1e3', '.inf', '-.INF', '.nan', '8080', '65536'),
  fc.stringMatching(/^[a-z0-9 :#\-'"[\]{},&*!|>?%@`~.\\]{1,6}$/),
  fc.stringMatching(/^[a-z0-9:.\-/]{1,8}$/),
);

/** A scalar as written: plain, single- or double-quoted. */
const scalarSyntax = fc.tuple(scalarText, fc.constantFrom('plain', 'plain', 'plain', 'single', 'double')).map(([s, style]) => {
  if (style === 'single') return `'${s.replace(/'/g, "''")}'`;
  if (style === 'double') return `"${s}"`;
  return s;
});

type Tree = { kind: 'scalar'; text: string } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarSyntax.map((text): Tree => ({ kind: 'scalar', text })),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom('apiVersion', 'kind', 'metadata', 'name', 'spec', 'ingress', 'from', 'ports', 'port', 'a', 'b'), scalarSyntax), tie('node')), { minLength: 0, maxLength: 4 }).map((entries): Tree => ({ kind: 'map', entries })),
    fc.array(tie('node'), { minLength: 0, maxLength: 4 }).map((items): Tree => ({ kind: 'seq', items })),
  ),
})).node;

type Style = { indent: number; compactSeq: boolean; flow: boolean; comments: boolean; blank: boolean };

/** Renders a tree as YAML lines at `col`; returns the lines and whether the node fits on the key's line. */
function render(t: Tree, col: number, s: Style, seed: number): { inline?: string; lines?: string[] } {
  const pad = ' '.repeat(col);
  const comment = s.comments && seed % 5 === 0 ? '  # note' : '';
  if (t.kind === 'scalar') return { inline: t.text + comment };
  const scalarsOnly = (t.kind === 'map' ? t.entries.map((e) => e[1]) : t.items).every((x) => x.kind === 'scalar');
  if (s.flow && scalarsOnly && seed % 3 !== 0) {
    if (t.kind === 'map') return { inline: `{${t.entries.map(([k, v]) => `${k}: ${(v as { text: string }).text}`).join(', ')}}${comment}` };
    return { inline: `[${t.items.map((v) => (v as { text: string }).text).join(', ')}]${comment}` };
  }
  if (t.kind === 'map' && t.entries.length === 0) return { inline: '{}' };
  if (t.kind === 'seq' && t.items.length === 0) return { inline: '[]' };
  const lines: string[] = [];
  if (s.blank && seed % 7 === 1) lines.push('');
  if (s.comments && seed % 4 === 1) lines.push(`${pad}# a comment`);
  if (t.kind === 'map') {
    t.entries.forEach(([k, v], i) => {
      const r = render(v, col + s.indent, s, seed * 31 + i);
      if (r.inline !== undefined) lines.push(`${pad}${k}: ${r.inline}`);
      else {
        const seqHere = v.kind === 'seq' && s.compactSeq;
        lines.push(`${pad}${k}:${comment}`);
        lines.push(...(seqHere ? render(v, col, s, seed * 31 + i).lines! : r.lines!));
      }
    });
  } else {
    t.items.forEach((v, i) => {
      const r = render(v, col + 2, s, seed * 17 + i);
      if (r.inline !== undefined) lines.push(`${pad}- ${r.inline}`);
      else if (v.kind === 'map' && seed % 2 === 0) {
        // Compact: the first key on the dash line.
        const [first, ...rest] = r.lines!.filter((l) => l.trim() !== '' && l.trim() !== '# a comment');
        lines.push(`${pad}- ${first.slice(col + 2)}`, ...rest);
      } else lines.push(`${pad}-`, ...r.lines!);
    });
  }
  return { lines };
}

const styleArb = fc.record({ indent: fc.integer({ min: 1, max: 4 }), compactSeq: fc.boolean(), flow: fc.boolean(), comments: fc.boolean(), blank: fc.boolean() });

function toText(trees: Tree[], s: Style, seed: number, leadingMarker: boolean): string {
  const docs = trees.map((t, i) => {
    const r = render(t, 0, s, seed + i);
    return r.lines ? r.lines.join('\n') : r.inline!;
  });
  return (leadingMarker ? '---\n' : '') + docs.join('\n---\n') + '\n';
}

describe('fast YAML reader: generated documents', () => {
  it('matches the yaml package on documents from a grammar', () => {
    let fastHits = 0;
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), styleArb, fc.nat(1000), fc.boolean(), (trees, s, seed, marker) => {
        const text = toText(trees, s, seed, marker);
        if (fastParseDocuments(text, 64) !== null) fastHits++;
        same(text);
      }),
      { numRuns: RUNS },
    );
    // The grammar must exercise the fast path, not only the fallback.
    expect(fastHits).toBeGreaterThan(400);
  });

  it('matches the yaml package on mutated corpus documents', () => {
    const base = corpus.filter((t) => t.length < 4000);
    const piece = fc.constantFrom(' ', '  ', '\n', '- ', ': ', ':', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '&a', '*a', '!', '|', '>', '?', '%', '@', '\t', '\r', '---\n', '...\n', '~', '0x', '.5', 'yes', 'é', '\\');
    let fastHits = 0;
    fc.assert(
      fc.property(fc.constantFrom(...base), fc.array(fc.tuple(fc.nat(), fc.nat(8), piece), { minLength: 1, maxLength: 3 }), (text, edits) => {
        let t = text;
        for (const [at, del, ins] of edits) {
          const i = at % (t.length + 1);
          t = t.slice(0, i) + ins + t.slice(i + (del % 3 === 0 ? del : 0));
        }
        if (fastParseDocuments(t, 64) !== null) fastHits++;
        same(t);
      }),
      { numRuns: RUNS },
    );
    expect(fastHits).toBeGreaterThan(300);
  });

  it('matches the yaml package when lines are re-indented, duplicated or dropped', () => {
    const base = corpus.filter((t) => t.length < 4000 && t.includes('\n'));
    fc.assert(
      fc.property(fc.constantFrom(...base), fc.nat(), fc.constantFrom('indent', 'dedent', 'dup', 'drop'), (text, at, op) => {
        const lines = text.split('\n');
        const i = at % lines.length;
        if (op === 'indent') lines[i] = ` ${lines[i]}`;
        else if (op === 'dedent') lines[i] = lines[i].replace(/^ /, '');
        else if (op === 'dup') lines.splice(i, 0, lines[i]);
        else lines.splice(i, 1);
        same(lines.join('\n'));
      }),
      { numRuns: Math.ceil((RUNS * 2) / 3) },
    );
  });
});
