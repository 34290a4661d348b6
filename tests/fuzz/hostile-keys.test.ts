/**
 * One huge mapping on the learner's path (issue 8, item 3): the engine's fallback parser used to ask the yaml
 * package for unique keys, which scans the mapping for every key (a 13,500-key mapping with one tag or one
 * duplicate took about 2 s). It now checks duplicates in linear time and caps a mapping at 1000 keys. Each
 * answer here is the right error, through the engine and the grader (write and predict); the time is printed
 * by `npm run bench:engine`, not asserted.
 */
import path from 'node:path';
import { DEFAULT_LIMITS, parsePolicies } from '@/lib/netpol';
import { gradeSubmission } from '@/lib/scenarios/grade';
import { loadContent } from '@/lib/scenarios/load-content';
import type { TScenario } from '@/lib/scenarios/schema';
import { bigMappingPolicy } from './hostile';

const content = loadContent(path.join(__dirname, '..', '..', 'content'));
const scenarios = content.scenarios.map((s) => s.content as TScenario);
const write = scenarios.find((s) => s.kind === 'write' && s.solution)!;

const KEYS = 13_500;
const TOO_MANY = {
  severity: 'error',
  type: 'Limit',
  path: 'spec.podSelector.matchLabels',
  message: `spec.podSelector.matchLabels: Too many: ${KEYS}: must have at most ${DEFAULT_LIMITS.maxMappingKeys} keys`,
  line: 7,
  column: 5,
  document: 0,
};
const DUPLICATE = { severity: 'error', type: 'Syntax', path: '', message: 'yaml: duplicate key: map keys must be unique', line: 8 + KEYS, column: 7, document: 0 };

describe('a 13,500-key mapping in a policy under the 256 KiB cap', () => {
  it.each(['clean', 'tag', 'duplicate'] as const)('%s: the text is within the size cap', (variant) => {
    const size = Buffer.byteLength(bigMappingPolicy(KEYS, variant));
    expect(size).toBeGreaterThan(230 * 1024);
    expect(size).toBeLessThanOrEqual(DEFAULT_LIMITS.maxBytes);
  });

  it.each([
    ['clean (fast reader)', 'clean', TOO_MANY],
    ['with a tag (yaml package)', 'tag', TOO_MANY],
    ['with a duplicate key (yaml package)', 'duplicate', DUPLICATE],
  ] as const)('%s: parsePolicies answers with exactly one error', (_name, variant, expected) => {
    expect(parsePolicies(bigMappingPolicy(KEYS, variant))).toEqual({ policies: [], diagnostics: [expected] });
  });

  it.each([
    ['tag', TOO_MANY.message],
    ['duplicate', DUPLICATE.message],
  ] as const)('with a %s: the grader reports the error at its line, score 0', (variant, message) => {
    const r = gradeSubmission(write, bigMappingPolicy(KEYS, variant));
    expect(r.pass).toBe(false);
    expect(r.score).toBe(0);
    expect(r.errors).toEqual([expect.objectContaining({ message: expect.stringContaining(message), line: variant === 'tag' ? 7 : 8 + KEYS })]);
  });

  it('a mapping at the cap is read, and a duplicate in it is still found on either reader', () => {
    const atCap = bigMappingPolicy(DEFAULT_LIMITS.maxMappingKeys, 'tag');
    const read = parsePolicies(atCap);
    expect(read.diagnostics).toEqual([]);
    expect(Object.keys(read.policies[0].spec.podSelector.matchLabels ?? {})).toHaveLength(DEFAULT_LIMITS.maxMappingKeys);
    const dup = bigMappingPolicy(DEFAULT_LIMITS.maxMappingKeys - 1, 'duplicate');
    expect(parsePolicies(dup).diagnostics).toEqual([{ ...DUPLICATE, line: 8 + DEFAULT_LIMITS.maxMappingKeys - 1 }]);
  });
});
