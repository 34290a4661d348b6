import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseScenarioYaml } from '@/lib/scenarios/parse-scenario';
import { scenarioToForm, ZAuthorForm } from './author-form';
import { CAPPED_SECTIONS, SECTION_MAX_BYTES, sectionSizeErrors, sectionSizeMessage, utf8ByteLength } from './section-limits';
import { validateAuthorForm } from './validate';

const dir = path.join(__dirname, '../../content/scenarios');
const forms = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => scenarioToForm(parseScenarioYaml(readFileSync(path.join(dir, f), 'utf8')).content!));
const form = forms[0];

describe('utf8ByteLength', () => {
  test.each(['', 'plain ascii', 'é ü ß', '日本語', 'emoji 😀 pair', 'lone \ud800 surrogate', 'lone \ud800日', 'trailing \ud800', 'low \udc00 first'])('%j counts like TextEncoder', (s) => {
    expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
  });
});

describe('sectionSizeMessage', () => {
  test('at the cap passes, one byte over fails with the section size and the limit', () => {
    const max = SECTION_MAX_BYTES.cluster;
    expect(sectionSizeMessage('cluster', 'a'.repeat(max))).toBeNull();
    expect(sectionSizeMessage('cluster', 'a'.repeat(max + 1))).toBe(`too long: ${max + 1} bytes (64.1 KiB), must have at most ${max} bytes (64 KiB)`);
  });

  test('counts bytes, not characters: 30 000 three-byte characters are over a 64 KiB cap', () => {
    expect('日'.repeat(30_000).length).toBeLessThan(SECTION_MAX_BYTES.solution);
    expect(sectionSizeMessage('solution', '日'.repeat(30_000))).toBe('too long: 90000 bytes (87.9 KiB), must have at most 65536 bytes (64 KiB)');
  });

  test('ports and requirements have the smaller cap', () => {
    expect(sectionSizeMessage('ports', 'a'.repeat(16 * 1024 + 1))).toMatch(/must have at most 16384 bytes/);
    expect(sectionSizeMessage('cluster', 'a'.repeat(16 * 1024 + 1))).toBeNull();
  });
});

describe('sectionSizeErrors', () => {
  test('every content/ scenario fits every cap at least 10 times over', () => {
    expect(forms.length).toBeGreaterThan(20);
    for (const f of forms) {
      expect(sectionSizeErrors(f)).toEqual([]);
      for (const section of CAPPED_SECTIONS) expect([section, utf8ByteLength(f[section]) * 10 <= SECTION_MAX_BYTES[section]]).toEqual([section, true]);
    }
  });

  test('names each oversized section, in editor order', () => {
    const big = { ...form, solution: 'x'.repeat(210_000), cluster: 'y'.repeat(70_000) };
    expect(sectionSizeErrors(big)).toEqual([
      { section: 'cluster', message: 'too long: 70000 bytes (68.4 KiB), must have at most 65536 bytes (64 KiB)' },
      { section: 'solution', message: 'too long: 210000 bytes (205.1 KiB), must have at most 65536 bytes (64 KiB)' },
    ]);
  });
});

describe('the caps where the form is read', () => {
  test('the request schema refuses an oversized section with the message on its path', () => {
    const r = ZAuthorForm.safeParse({ ...form, existingPolicies: 'z'.repeat(210_000) });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['existingPolicies', 'too long: 210000 bytes (205.1 KiB), must have at most 65536 bytes (64 KiB)']]);
    expect(ZAuthorForm.safeParse(form).success).toBe(true);
  });

  test('validateAuthorForm answers with section errors and parses nothing', () => {
    const cluster = `pods:\n${'  - {name: p}\n'.repeat(20_000)}`;
    const { validation, scenario, check } = validateAuthorForm({ ...form, cluster });
    expect(scenario).toBeNull();
    expect(check.ok).toBe(false);
    expect(validation.ok).toBe(false);
    expect(validation.findings).toEqual([]);
    expect(validation.sectionErrors).toEqual([{ section: 'cluster', message: expect.stringMatching(new RegExp(`^too long: ${cluster.length} bytes .*, must have at most 65536 bytes`)) }]);
  });
});
