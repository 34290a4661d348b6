/**
 * Prints what one huge mapping costs on the learner's path (issue 8, item 3): a ~236 KiB NetworkPolicy whose
 * matchLabels has 13,500 keys, clean / with one tag / with one duplicate key, through the yaml package with
 * `uniqueKeys: true` (what the engine's fallback parser did before: quadratic), through parsePolicies now,
 * and through the grader. Figures only, no assertion. Run: `npx tsx tests/fuzz/big-mapping.bench.ts`.
 */
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parsePolicies } from '@/lib/netpol';
import { gradeSubmission } from '@/lib/scenarios/grade';
import { loadContent } from '@/lib/scenarios/load-content';
import type { TScenario } from '@/lib/scenarios/schema';
import { bigMappingPolicy } from './hostile';

const RUNS = Number(process.env.RUNS ?? 5);
const KEYS = Number(process.env.KEYS ?? 13_500);

function medianMs(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]);
}

const scenarios = loadContent(path.join(__dirname, '..', '..', 'content')).scenarios.map((s) => s.content as TScenario);
const write = scenarios.find((s) => s.kind === 'write' && s.solution)!;

console.log(`one mapping of ${KEYS} keys, median of ${RUNS} runs (ms)`);
console.log('variant     bytes    yaml uniqueKeys:true  parsePolicies  grade   first diagnostic');
for (const variant of ['clean', 'tag', 'duplicate'] as const) {
  const text = bigMappingPolicy(KEYS, variant);
  const reference = medianMs(() => parseAllDocuments(text, { uniqueKeys: true }));
  const parse = medianMs(() => parsePolicies(text));
  const grade = medianMs(() => gradeSubmission(write, text));
  const first = parsePolicies(text).diagnostics[0]?.message ?? '(none)';
  console.log(`${variant.padEnd(10)}  ${String(Buffer.byteLength(text)).padEnd(7)}  ${String(reference).padStart(20)}  ${String(parse).padStart(13)}  ${String(grade).padStart(5)}   ${first.slice(0, 70)}`);
}
