import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canonicalJson, hashContent, loadContent } from './load-content';

const scenario = readFileSync(path.join(__dirname, '../../content/scenarios/default-deny-ingress.yaml'), 'utf8');

function makeRoot(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'content-'));
  mkdirSync(path.join(root, 'scenarios'));
  mkdirSync(path.join(root, 'drills'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
}

describe('loadContent', () => {
  it('loads scenarios and drills with stable hashes', () => {
    const root = makeRoot({
      'scenarios/default-deny-ingress.yaml': scenario,
      'drills/quick.yaml': 'slug: quick\ntitle: Q\ndescription: d\nminutes: 5\nscenarios: [default-deny-ingress]\n',
    });
    const r = loadContent(root);
    expect(r.errors).toEqual([]);
    expect(r.scenarios.map((s) => [s.slug, s.file])).toEqual([['default-deny-ingress', path.join('scenarios', 'default-deny-ingress.yaml')]]);
    expect(r.drills[0].slug).toBe('quick');
    expect(r.scenarios[0].hash).toMatch(/^[0-9a-f]{64}$/);
    // Reformatting (comments, flow style) must not change the version hash.
    const root2 = makeRoot({ 'scenarios/default-deny-ingress.yaml': '# a comment\n' + scenario });
    expect(loadContent(root2).scenarios[0].hash).toBe(r.scenarios[0].hash);
  });

  it('reports slug/file mismatches, schema errors and unknown drill scenarios', () => {
    const root = makeRoot({
      'scenarios/other-name.yaml': scenario,
      'scenarios/broken.yaml': 'slug: broken\n',
      'drills/d.yaml': 'slug: d\ntitle: D\ndescription: d\nminutes: 5\nscenarios: [nope]\n',
    });
    const r = loadContent(root);
    expect(r.scenarios).toEqual([]);
    const files = r.errors.map((e) => e.file);
    expect(files).toContain(path.join('scenarios', 'other-name.yaml'));
    expect(files).toContain(path.join('scenarios', 'broken.yaml'));
    expect(r.errors.find((e) => e.file.endsWith('d.yaml'))?.message).toContain('unknown scenario `nope`');
    expect(r.errors.find((e) => e.file.endsWith('other-name.yaml'))?.message).toContain('must equal the file name');
  });

  it('returns nothing for a missing directory', () => {
    expect(loadContent(path.join(tmpdir(), 'does-not-exist-xyz'))).toEqual({ scenarios: [], drills: [], errors: [] });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(hashContent({ a: 1, b: 2 })).toBe(hashContent({ b: 2, a: 1 }));
  });
});
