/**
 * The scenario corpus replay: every file in content/ is a test. Each scenario must pass checkScenario
 * (schema, endpoints, reference solution, canonical wrong answers, predict verdicts, mutation score).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDrill, checkScenario } from '@/lib/scenarios/check';
import { loadContent } from '@/lib/scenarios/load-content';
import { parseScenarioYaml } from '@/lib/scenarios/parse-scenario';

const root = path.resolve(__dirname, '../../content');
const loaded = loadContent(root);
const scenarioFiles = readdirSync(path.join(root, 'scenarios')).filter((f) => /\.ya?ml$/.test(f)).sort();
const drillFiles = readdirSync(path.join(root, 'drills')).filter((f) => /\.ya?ml$/.test(f)).sort();

describe('content library', () => {
  it('loads without errors', () => {
    expect(loaded.errors).toEqual([]);
  });

  it('has unique slugs across scenarios and drills', () => {
    const slugs = [...loaded.scenarios, ...loaded.drills].map((x) => x.slug);
    expect(slugs.filter((s, i) => slugs.indexOf(s) !== i)).toEqual([]);
  });

  it('meets the library minimums: 40 scenarios, 6 predict, 6 fix-it, 4 drills', () => {
    const s = loaded.scenarios.map((x) => x.content);
    expect({
      scenarios: s.length >= 40,
      predict: s.filter((x) => x.kind === 'predict').length >= 6,
      fixIt: s.filter((x) => x.topics.includes('fix-it')).length >= 6,
      drills: loaded.drills.length >= 4,
    }).toEqual({ scenarios: true, predict: true, fixIt: true, drills: true });
  });

  it('covers all three difficulties', () => {
    expect(new Set(loaded.scenarios.map((x) => x.content.difficulty))).toEqual(new Set([1, 2, 3]));
  });
});

describe.each(scenarioFiles)('scenario %s', (file) => {
  it('passes content:check', () => {
    const result = checkScenario(readFileSync(path.join(root, 'scenarios', file), 'utf8'), { fileSlug: file.replace(/\.ya?ml$/, '') });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe.each(drillFiles)('drill %s', (file) => {
  it('lists existing scenarios and can be filled', () => {
    const drill = loaded.drills.find((d) => d.file === path.join('drills', file));
    expect(drill).toBeDefined();
    expect(checkDrill(drill!.content, loaded.scenarios.map((s) => s.content)).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('content/README.md worked example', () => {
  it('is a valid scenario that passes content:check', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /## 2\. A worked example[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const parsed = parseScenarioYaml(block![1]);
    expect(parsed.errors).toEqual([]);
    const result = checkScenario(parsed.content!);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.mutation?.survivors).toEqual([]);
  });
});
