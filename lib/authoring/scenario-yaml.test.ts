import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '@/lib/scenarios/load-content';
import { parseScenarioYaml } from '@/lib/scenarios/parse-scenario';
import { exportScenarioYaml, importScenarioYaml, scenarioHash } from './scenario-yaml';
import { MAX_MAPPING_KEYS } from './yaml-limits';

const dir = path.join(__dirname, '../../content/scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('import → export round trip', () => {
  test('the corpus is not empty', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  test.each(files)('%s: export then import gives the same content and hash', (file) => {
    const imported = importScenarioYaml(readFileSync(path.join(dir, file), 'utf8'));
    expect(imported.errors).toEqual([]);
    const original = imported.content!;
    const exported = exportScenarioYaml(original);
    const again = importScenarioYaml(exported);
    expect(again.errors).toEqual([]);
    expect(canonicalJson(again.content)).toBe(canonicalJson(original));
    expect(scenarioHash(again.content!)).toBe(scenarioHash(original));
    // A second trip is byte-stable: the export is a fixed point.
    expect(exportScenarioYaml(again.content!)).toBe(exported);
  });
});

describe('exportScenarioYaml', () => {
  const base = parseScenarioYaml(readFileSync(path.join(dir, 'default-deny-ingress.yaml'), 'utf8')).content!;

  test('writes keys in content-file order and multi-line text as literal blocks', () => {
    const text = exportScenarioYaml(base);
    const keys = text.split('\n').filter((l) => /^[a-zA-Z]+:/.test(l)).map((l) => l.split(':')[0]);
    expect(keys.slice(0, 5)).toEqual(['slug', 'title', 'kind', 'difficulty', 'timeMinutes']);
    expect(keys.indexOf('expectations')).toBeLessThan(keys.indexOf('solution'));
    expect(text).toMatch(/^task: \|/m);
  });

  test('leaves out defaults the schema fills in again', () => {
    const text = exportScenarioYaml({ ...base, requirements: [], denyAllIsAnswer: false });
    expect(text).not.toMatch(/^requirements:/m);
    expect(text).not.toMatch(/^denyAllIsAnswer:/m);
    expect(exportScenarioYaml({ ...base, denyAllIsAnswer: true })).toMatch(/^denyAllIsAnswer: true$/m);
  });

  test('keeps text whose whitespace is unusual (no final newline, trailing spaces, leading blank line)', () => {
    const odd = { ...base, task: '\nfirst line  \nsecond line', explanation: 'one line, no newline' };
    const again = importScenarioYaml(exportScenarioYaml(odd)).content!;
    expect(again.task).toBe(odd.task);
    expect(again.explanation).toBe(odd.explanation);
  });
});

describe('importScenarioYaml limits', () => {
  const text = readFileSync(path.join(dir, 'default-deny-ingress.yaml'), 'utf8');

  test('a mapping with more than MAX_MAPPING_KEYS keys is refused before the unique-key scan, with its line', () => {
    const labels = Array.from({ length: MAX_MAPPING_KEYS + 1 }, (_, i) => `  k${i}: v${i}`).join('\n');
    const r = importScenarioYaml(`${text}extra:\n${labels}\n`);
    expect(r.content).toBeNull();
    const line = text.split('\n').length;
    expect(r.errors).toEqual([{ path: '', message: `yaml: too many keys: a mapping has ${MAX_MAPPING_KEYS + 1} keys, must have at most ${MAX_MAPPING_KEYS}`, line: line + 1, column: 3 }]);
  });

  test('MAX_MAPPING_KEYS keys in one mapping still go through the loader (an unknown key here)', () => {
    const labels = Array.from({ length: MAX_MAPPING_KEYS }, (_, i) => `  k${i}: v${i}`).join('\n');
    const r = importScenarioYaml(`${text}extra:\n${labels}\n`);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.map((e) => e.message)).not.toContainEqual(expect.stringMatching(/too many keys/));
    expect(r.errors).toEqual(parseScenarioYaml(`${text}extra:\n${labels}\n`).errors);
  });
});
