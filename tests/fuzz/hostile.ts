/**
 * Hostile input for the fuzz tests and `npm run fuzz`: the YAML corpus (conformance cases, content solutions
 * and starters), mutations of it, and fixed attacks on the parser's limits (size, aliases, depth, documents,
 * string length). Pure generators: no test framework, no I/O beyond reading the corpus once.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

const ROOT = path.join(__dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

/** Every YAML text of the conformance corpus and content/ (whole files: scenarios embed policies). */
export function loadCorpus(): string[] {
  const files = [...yamlFiles(path.join(ROOT, 'tests', 'conformance')), ...yamlFiles(path.join(ROOT, 'content'))];
  return files.map((f) => fs.readFileSync(f, 'utf8')).filter((t) => t.length < 200_000);
}

// Tokens that break YAML in interesting ways: anchors, aliases, merge keys, tags, flow collections,
// document markers, tabs, control characters, huge or odd numbers, quotes.
const TOKENS = ['&a ', '*a', '<<: *a', '!!binary ', '!!js/function ', '!<tag:x> ', '{', '}', '[', ']', ': ', '- ', '\t', '\u0000', '\ufeff', '---\n', '...\n', '"', "'", '#', '|', '>', '%YAML 1.1\n', '? ', '99999999999999999999', '-0', '.nan', '0x1F', '1e309', '\r\n', '\u2028', '\\', 'ingress:', 'egress:', 'podSelector: {}', 'ports: [{port: 70000}]', 'endPort: 1'];

/** Apply one random edit to a text (the fast-check arbitrary below chooses which and where). */
export type TMutation = { kind: 'delete' | 'insert' | 'duplicate-line' | 'swap-lines' | 'indent' | 'truncate' | 'replace-scalar'; at: number; len: number; token: string };

/** A random mutation description. */
export const mutationArb: fc.Arbitrary<TMutation> = fc.record({
  kind: fc.constantFrom<TMutation['kind']>('delete', 'insert', 'duplicate-line', 'swap-lines', 'indent', 'truncate', 'replace-scalar'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 40 }),
  token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 })),
});

/** The text after `m` (positions wrap around the text's length). */
export function mutate(text: string, m: TMutation): string {
  if (text.length === 0) return m.token;
  const at = m.at % text.length;
  const lines = text.split('\n');
  const li = m.at % lines.length;
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.len);
    case 'insert':
      return text.slice(0, at) + m.token + text.slice(at);
    case 'duplicate-line':
      return [...lines.slice(0, li + 1), lines[li], ...lines.slice(li + 1)].join('\n');
    case 'swap-lines': {
      const lj = (li + m.len) % lines.length;
      const out = [...lines];
      [out[li], out[lj]] = [out[lj], out[li]];
      return out.join('\n');
    }
    case 'indent':
      return lines.map((l, i) => (i === li ? ' '.repeat(m.len % 7) + l.trimStart() : l)).join('\n');
    case 'truncate':
      return text.slice(0, at);
    case 'replace-scalar':
      return lines.map((l, i) => (i === li ? l.replace(/:\s*\S.*$/, `: ${m.token}`) : l)).join('\n');
  }
}

/** A corpus text with 1–4 mutations. */
export function mutatedCorpusArb(corpus: string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...corpus), fc.array(mutationArb, { minLength: 1, maxLength: 4 })).map(([text, ms]) => ms.reduce(mutate, text));
}

/** YAML-ish token soup: random sequences of the tokens above, words and newlines. */
export const tokenSoupArb: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS, '\n', '  ', 'a', 'b: c', 'x'), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

/**
 * A NetworkPolicy of about 236 KiB (under the 256 KiB cap) whose podSelector.matchLabels has `keys` keys
 * (line 8 on), one line each. `tag` puts a `!!str` tag on the second label's value (the fast reader refuses
 * tags, so the text goes to the yaml package); `duplicate` repeats the first label's key on the last line.
 */
export function bigMappingPolicy(keys: number, variant: 'clean' | 'tag' | 'duplicate'): string {
  const lines = ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: big', 'spec:', '  podSelector:', '    matchLabels:'];
  for (let i = 0; i < keys; i++) lines.push(`      k${String(i).padStart(5, '0')}: v${i % 100}`);
  if (variant === 'tag') lines[8] = lines[8].replace(': ', ': !!str ');
  if (variant === 'duplicate') lines.push('      k00000: again');
  return `${lines.join('\n')}\n`;
}

/** Named attacks on the parser's limits; each must end in a clear error, quickly, never a crash. */
export function limitAttacks(): { name: string; text: string }[] {
  // "Billion laughs": 9 levels of 9 aliases each expand to 9^9 nodes if aliases were expanded.
  const laughs = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) laughs.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  const policy = (extra: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: default\nspec:\n  podSelector: {}\n${extra}`;
  return [
    { name: 'billion laughs (alias expansion)', text: laughs.join('\n') },
    { name: 'many aliases of one anchor', text: `x: &x {a: 1}\nlist: [${Array.from({ length: 5000 }, () => '*x').join(', ')}]` },
    { name: 'merge-key bomb', text: `a: &a {k: v}\nb: &b {<<: [*a, *a, *a, *a]}\nc: &c {<<: [*b, *b, *b, *b]}\nd: {<<: [*c, *c, *c, *c]}` },
    { name: 'deep flow nesting (20,000 levels)', text: '['.repeat(20_000) + ']'.repeat(20_000) },
    { name: 'deep block nesting (3,000 levels)', text: Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' v' },
    { name: '5,000 documents', text: Array.from({ length: 5000 }, () => 'a: 1').join('\n---\n') },
    { name: '300 KiB string value', text: policy(`  x: "${'a'.repeat(300 * 1024)}"\n`) },
    { name: '250 KiB label value', text: policy(`  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          app: ${'b'.repeat(250 * 1024)}\n`) },
    { name: '200 KiB key', text: `${'k'.repeat(200 * 1024)}: v` },
    { name: 'one 250 KiB line of flow mappings', text: `[${Array.from({ length: 30_000 }, () => '{a: 1}').join(',')}]`.slice(0, 250 * 1024) },
    { name: '40,000 list items', text: policy(`  ingress:\n${Array.from({ length: 40_000 }, () => '  - {}').join('\n')}\n`).slice(0, 255 * 1024) },
    { name: 'NUL bytes and BOMs', text: `\ufeff${policy('')}\u0000\u0000\ufeff` },
    { name: 'unknown tags (no code execution)', text: '!!js/function "function(){ return process.exit(1) }"\n---\nx: !!python/object:os.system ["id"]' },
    { name: 'lone surrogates and control characters', text: `a: "\ud800"\nb: \u0007\u001b[31m\nc: \ud83d` },
    { name: 'CRLF and a tab indent', text: policy('').replace(/\n/g, '\r\n').replace('  podSelector', '\tpodSelector') },
    { name: 'empty', text: '' },
    { name: 'one 13,500-key mapping', text: bigMappingPolicy(13_500, 'clean') },
    { name: 'one 13,500-key mapping with a tag', text: bigMappingPolicy(13_500, 'tag') },
    { name: 'one 13,500-key mapping with a duplicate key', text: bigMappingPolicy(13_500, 'duplicate') },
  ];
}
