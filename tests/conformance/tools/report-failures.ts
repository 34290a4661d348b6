/**
 * Runs the upstream conformance cases against the engine and writes every disagreeing cell as
 * Markdown (default /tmp/coord/conformance-failures.md, or the first argument):
 *   npx tsx tests/conformance/tools/report-failures.ts [out.md]
 * Prints a one-line summary; exit code 1 when any cell disagrees.
 */
import fs from 'node:fs';
import { VARIANTS, loadCases, loadModel } from '../truth-table';
import { runCase } from '../run-case';
import { loadLegacyCases, loadLegacyWorld, runLegacyCase } from '../legacy-case';

const out = process.argv[2] ?? '/tmp/coord/conformance-failures.md';
const cases = loadCases();
const model = loadModel();
const lines: string[] = ['# Conformance failures (engine vs upstream e2e truth tables)', '', `Generated ${new Date().toISOString()} by tests/conformance/tools/report-failures.ts.`, ''];
let failing = 0;
let cells = 0;
for (const { revision, family, name } of VARIANTS) {
  for (const c of cases) {
    let r;
    try {
      r = runCase(c, revision, model, family);
    } catch (e) {
      failing++;
      lines.push(`## ${c.suite.toUpperCase()} "${c.it}" [${name}]`, '', `threw: ${(e as Error).message}`, '');
      continue;
    }
    cells += r.cells;
    if (!r.errors.length && !r.mismatches.length) continue;
    failing++;
    lines.push(`## ${c.suite.toUpperCase()} "${c.it}" [${name}] (${c.file})`, '');
    for (const e of r.errors) lines.push(`- error: ${e}`);
    for (const m of r.mismatches)
      lines.push(
        `- step ${m.step} ${m.protocol}/${m.port} ${m.from} -> ${m.to} (${m.api}${m.loopback ? ', loopback rule' : ''}): expected ${m.expected ? 'allowed' : 'denied'}, engine ${m.observed ? 'allowed' : 'denied'}: ${m.reason}`,
      );
    lines.push('', '```', r.report, '```', '');
  }
}
const world = loadLegacyWorld();
const legacy = loadLegacyCases();
for (const c of legacy) {
  let failures: string[];
  try {
    failures = runLegacyCase(world, c);
  } catch (e) {
    failures = [`threw: ${(e as Error).message}`];
  }
  if (!failures.length) continue;
  failing++;
  lines.push(`## legacy "${c.it}" (legacy/${c.file})`, '', ...failures.map((f) => `- ${f}`), '');
}
if (!failing) lines.push('No failures.');
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(`${failing} failing It/revision pairs of ${cases.length * VARIANTS.length + legacy.length} (upstream Its x revisions x IP families + legacy Its); ${cells} upstream cells compared; written to ${out}`);
process.exitCode = failing ? 1 : 0;
