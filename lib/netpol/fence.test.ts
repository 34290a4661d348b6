// The fence test itself must read the engine's sources; the engine code never may (eslint blocks node:*).
// eslint-disable-next-line no-restricted-imports
import { readdirSync, readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { join } from 'node:path';

/** The engine's fence (CONVENTIONS 1) as an allowlist: engine files import only each other and `yaml`. */
describe('engine fence', () => {
  const dir = __dirname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-helpers.ts');

  it('finds the engine files', () => {
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'parse.ts', 'validate.ts', 'compile.ts', 'evaluate.ts', 'explain.ts', 'reachability.ts', 'cluster.ts']));
  });

  it.each(files)('%s imports only ./ modules and yaml', (file) => {
    const src = readFileSync(join(dir, file), 'utf8');
    const specs = [...src.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g), ...src.matchAll(/(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
    const bad = specs.filter((s) => !s.startsWith('./') && s !== 'yaml');
    expect(bad).toEqual([]);
  });
});
