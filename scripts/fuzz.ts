/**
 * Long fuzz run (`npm run fuzz -- --minutes 10`): the hostile-input generators of tests/fuzz/hostile.ts (random
 * text, YAML token soup, the conformance corpus and content/ mutated, the limit attacks) through parse,
 * validate, grade (every scenario of content/, write and predict) and the author form's validation, until the
 * time is up. A thrown exception or a case slower than --slow-ms (default 5000, a likely hang) is written to
 * a file under --out (default the OS temp dir) and makes the exit code 1. Prints cases per second and the
 * slowest case. Options: --minutes 5, --seed N (default: time), --slow-ms 5000, --out DIR.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { parsePolicies } from '@/lib/netpol';
import { gradeSubmission } from '@/lib/scenarios/grade';
import { loadContent } from '@/lib/scenarios/load-content';
import type { TScenario } from '@/lib/scenarios/schema';
import { scenarioToForm } from '@/lib/authoring/author-form';
import { validateAuthorForm } from '@/lib/authoring/validate';
import { limitAttacks, loadCorpus, mutatedCorpusArb, tokenSoupArb } from '@/tests/fuzz/hostile';

type TOptions = { minutes: number; seed: number; slowMs: number; out: string };

function parseOptions(argv: string[]): TOptions {
  const opts: TOptions = { minutes: 5, seed: Date.now() % 2 ** 31, slowMs: 5000, out: os.tmpdir() };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = inline ?? argv[++i];
    if (flag === '--minutes') opts.minutes = Number(value);
    else if (flag === '--seed') opts.seed = Number(value);
    else if (flag === '--slow-ms') opts.slowMs = Number(value);
    else if (flag === '--out') opts.out = value;
    else throw new Error(`unknown option ${argv[i]} (known: --minutes, --seed, --slow-ms, --out)`);
  }
  if (!(opts.minutes > 0) || !Number.isFinite(opts.seed) || !(opts.slowMs > 0)) throw new Error('--minutes, --seed and --slow-ms need positive numbers');
  return opts;
}

/** One target: a name and what it does with a hostile text. */
type TTarget = { name: string; run: (text: string) => void };

function main(): void {
  const opts = parseOptions(process.argv.slice(2));
  const root = path.join(__dirname, '..');
  const scenarios = loadContent(path.join(root, 'content')).scenarios.map((s) => s.content as TScenario);
  const corpus = loadCorpus();
  const write = scenarios.find((s) => s.kind === 'write')!;
  const form = scenarioToForm(write);
  let scenarioIndex = 0;
  const targets: TTarget[] = [
    { name: 'parsePolicies', run: (t) => void parsePolicies(t) },
    // A different scenario every time: every cluster and expectation set gets its turn.
    { name: 'gradeSubmission', run: (t) => void gradeSubmission(scenarios[scenarioIndex++ % scenarios.length], t) },
    { name: 'validateAuthorForm.solution', run: (t) => void validateAuthorForm({ ...form, solution: t }) },
    { name: 'validateAuthorForm.cluster', run: (t) => void validateAuthorForm({ ...form, cluster: t }) },
    { name: 'validateAuthorForm.expectations', run: (t) => void validateAuthorForm({ ...form, expectations: t }) },
  ];
  const arb = fc.oneof(
    { weight: 5, arbitrary: mutatedCorpusArb(corpus) },
    { weight: 2, arbitrary: tokenSoupArb },
    { weight: 1, arbitrary: fc.string({ maxLength: 2000, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.constantFrom(...limitAttacks().map((a) => a.text)) },
  );
  console.log(`fuzz: ${opts.minutes} min, seed ${opts.seed}, corpus ${corpus.length} texts, ${scenarios.length} scenarios, targets: ${targets.map((t) => t.name).join(', ')}`);

  const deadline = Date.now() + opts.minutes * 60_000;
  let cases = 0;
  let failures = 0;
  let slowest = { ms: 0, target: '', text: '' };
  let batch = 0;
  while (Date.now() < deadline) {
    for (const text of fc.sample(arb, { numRuns: 200, seed: opts.seed + batch++ })) {
      for (const target of targets) {
        const start = performance.now();
        let error: unknown = null;
        try {
          target.run(text);
        } catch (err) {
          error = err;
        }
        const ms = performance.now() - start;
        cases++;
        if (ms > slowest.ms) slowest = { ms, target: target.name, text };
        if (error || ms > opts.slowMs) {
          failures++;
          const file = path.join(opts.out, `netpol-fuzz-${opts.seed}-${cases}.txt`);
          fs.writeFileSync(file, text);
          console.error(`${error ? 'THROWS' : 'SLOW'} ${target.name} (${ms.toFixed(0)} ms): input saved to ${file}${error ? `\n  ${error instanceof Error ? error.stack : String(error)}` : ''}`);
        }
      }
      if (Date.now() >= deadline) break;
    }
    process.stdout.write(`\r${cases} cases, ${failures} failures`);
  }
  const seconds = opts.minutes * 60;
  console.log(`\n${cases} cases in ${seconds} s (${(cases / seconds).toFixed(0)}/s), ${failures} failures; slowest ${slowest.ms.toFixed(1)} ms in ${slowest.target} (${slowest.text.length} chars)`);
  process.exitCode = failures > 0 ? 1 : 0;
}

main();
