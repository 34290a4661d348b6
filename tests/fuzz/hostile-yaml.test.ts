/**
 * Hostile YAML through the learner's and the author's paths without a server (issue 8, item 3): the engine's
 * parse/validate, the grader (write and predict) and the author form's validation get random text, YAML token
 * soup, the conformance corpus and content/ mutated, and fixed attacks on the limits (size, aliases, depth,
 * documents, string length). None may throw; each failure is a clear error (a non-empty message, and a
 * position or path where there is one). The API-level twin is tests/fuzz/api-hostile.test.ts.
 */
import path from 'node:path';
import fc from 'fast-check';
import { DEFAULT_LIMITS, parsePolicies } from '@/lib/netpol';
import { gradeSubmission, type GradeReport } from '@/lib/scenarios/grade';
import { loadContent } from '@/lib/scenarios/load-content';
import type { TScenario } from '@/lib/scenarios/schema';
import { scenarioToForm } from '@/lib/authoring/author-form';
import { validateAuthorForm } from '@/lib/authoring/validate';
import { limitAttacks, loadCorpus, mutatedCorpusArb, tokenSoupArb } from './hostile';

const content = loadContent(path.join(__dirname, '..', '..', 'content'));
const scenarios = content.scenarios.map((s) => s.content as TScenario);
const write = scenarios.find((s) => s.kind === 'write' && s.solution)!;
const predict = scenarios.find((s) => s.kind === 'predict')!;
const corpus = loadCorpus();
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

function expectClearReport(r: GradeReport): void {
  expect(typeof r.score).toBe('number');
  expect(r.pass === true || r.pass === false).toBe(true);
  for (const e of r.errors) {
    expect(typeof e.message).toBe('string');
    expect(e.message.trim().length).toBeGreaterThan(0);
    // No stack traces or JavaScript internals in user-facing errors.
    expect(e.message).not.toMatch(/\n\s+at |TypeError|RangeError|undefined is not|Cannot read prop/);
  }
}

function expectGradesCleanly(text: string): void {
  const r = parsePolicies(text);
  for (const d of r.diagnostics) expect(d.message.trim().length).toBeGreaterThan(0);
  expectClearReport(gradeSubmission(write, text));
  expectClearReport(gradeSubmission(predict, text));
}

it('the corpus is there (conformance cases and content/)', () => {
  expect(corpus.length).toBeGreaterThan(50);
});

describe('limits: each attack ends in a clear error, never a crash or a hang', () => {
  test.each(limitAttacks())('$name', ({ text }) => {
    const r = parsePolicies(text);
    // Only the empty text is a valid empty answer; every attack yields policies or diagnostics.
    if (text !== '') expect(r.policies.length + r.diagnostics.length).toBeGreaterThan(0);
    expectGradesCleanly(text);
  });

  it('names the limit it hit', () => {
    const messages = (text: string) => parsePolicies(text).diagnostics.map((d) => d.message).join('\n');
    const attacks = new Map(limitAttacks().map((a) => [a.name, a.text]));
    expect(messages(attacks.get('billion laughs (alias expansion)')!)).toMatch(/alias/i);
    expect(messages(attacks.get('deep flow nesting (20,000 levels)')!)).toMatch(/nesting is too deep/);
    expect(messages(attacks.get('5,000 documents')!)).toMatch(/document/i);
    expect(messages(attacks.get('300 KiB string value')!)).toMatch(new RegExp(`too large: \\d+ bytes, the limit is ${DEFAULT_LIMITS.maxBytes} bytes`));
  });
});

describe('fast-check', () => {
  it('random text never throws through parse, validate and grade', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), expectGradesCleanly), { numRuns: RUNS });
  });

  it('YAML token soup never throws', () => {
    fc.assert(fc.property(tokenSoupArb, expectGradesCleanly), { numRuns: RUNS });
  });

  it('the conformance corpus and content/, mutated, never throw', () => {
    fc.assert(fc.property(mutatedCorpusArb(corpus), expectGradesCleanly), { numRuns: RUNS * 2 });
  });

  it('the author form with mutated YAML in any section validates to findings, never throws', () => {
    const base = scenarioToForm(write);
    const sections = ['cluster', 'existingPolicies', 'starter', 'solution', 'expectations', 'requirements', 'ports'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...sections), fc.oneof(mutatedCorpusArb(corpus), tokenSoupArb), (section, text) => {
        const { validation } = validateAuthorForm({ ...base, [section]: text });
        expect(validation).toBeDefined();
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('the author form survives every limit attack in every YAML section', () => {
    const base = scenarioToForm(write);
    for (const { text } of limitAttacks()) {
      for (const section of ['cluster', 'solution', 'expectations'] as const) {
        expect(validateAuthorForm({ ...base, [section]: text }).validation).toBeDefined();
      }
    }
  });
});
