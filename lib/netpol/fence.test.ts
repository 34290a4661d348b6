// The fence test itself must read the engine's sources; the engine code never may (eslint blocks node:*).
// eslint-disable-next-line no-restricted-imports
import { readdirSync, readFileSync, statSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { join } from 'node:path';

/** The engine's fence (CONVENTIONS 1) as an allowlist: engine files import only each other and `yaml`. */
describe('engine fence', () => {
  const dir = __dirname;
  // Every engine source, subfolders included; the CLI is the engine's caller (it reads files), not the engine.
  const listSources = (sub: string): string[] =>
    readdirSync(join(dir, sub)).flatMap((f) => {
      const rel = sub ? `${sub}/${f}` : f;
      if (statSync(join(dir, rel)).isDirectory()) return rel === 'cli' ? [] : listSources(rel);
      return f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-helpers.ts' ? [rel] : [];
    });
  const files = listSources('');

  it('finds the engine files', () => {
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'parse.ts', 'validate.ts', 'compile.ts', 'evaluate.ts', 'explain.ts', 'reachability.ts', 'cluster.ts', 'yaml-fast/parse-fast.ts']));
  });

  it.each(files)('%s imports only engine modules and yaml', (file) => {
    const src = readFileSync(join(dir, file), 'utf8');
    const specs = [...src.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g), ...src.matchAll(/(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
    // Relative imports must stay inside lib/netpol (and out of its CLI).
    const inside = (s: string) => {
      const resolved = join(dir, file, '..', s);
      return resolved.startsWith(dir + '/') && !resolved.startsWith(join(dir, 'cli') + '/');
    };
    const bad = specs.filter((s) => s !== 'yaml' && !(s.startsWith('.') && inside(s)));
    expect(bad).toEqual([]);
  });
});
