/**
 * `npm run content:check [-- [--root DIR] [--json] [slug|file ...]]`: checks every scenario and drill under
 * content/ (or only the given ones), prints a table per scenario with its mutation score, exits 1 on failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDrill, checkScenario, proseFindings, type CheckResult, type Finding } from '../check';
import { loadContent } from '../load-content';

/** Corpus minimums of issue 4 (reported here; enforced by tests/content/content.test.ts). */
export const CORPUS_MINIMUMS = { scenarios: 40, predict: 6, fixIt: 6, drills: 4 };

type Row = { file: string; result: CheckResult; ms: number };

function main(argv: string[]): number {
  let root = path.resolve(__dirname, '../../../content');
  let json = false;
  const only: string[] = [];
  const extra: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--root') root = path.resolve(argv[++i] ?? '');
    else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run content:check -- [--root DIR] [--json] [slug|file ...]\n');
      return 0;
    } else if (/\.ya?ml$/.test(a) && existsSync(a) && !path.resolve(a).startsWith(root + path.sep)) extra.push(a);
    else only.push(path.basename(a).replace(/\.ya?ml$/, ''));
  }

  const loaded = loadContent(root);
  const wanted = (file: string) => extra.length + only.length === 0 || only.includes(path.basename(file).replace(/\.ya?ml$/, ''));
  const rows: Row[] = [];
  // Files outside the content root (a scenario being written elsewhere) are checked from their text.
  for (const file of extra) {
    const t0 = performance.now();
    const result = checkScenario(readFileSync(file, 'utf8'), { fileSlug: path.basename(file).replace(/\.ya?ml$/, '') });
    rows.push({ file, result, ms: performance.now() - t0 });
  }
  for (const s of loaded.scenarios) {
    if (!wanted(s.file)) continue;
    const t0 = performance.now();
    const checked = checkScenario(s.content, { fileSlug: path.basename(s.file).replace(/\.ya?ml$/, '') });
    // Publishing refuses over-nested Markdown too (proseFindings), so the files must pass it.
    const prose = proseFindings(s.content);
    const result = prose.length === 0 ? checked : { ...checked, findings: [...checked.findings, ...prose], ok: false };
    rows.push({ file: s.file, result, ms: performance.now() - t0 });
  }
  // Files that did not even load are failures with their schema errors.
  const loadFailures = new Map<string, Finding[]>();
  for (const e of loaded.errors) {
    if (!wanted(e.file)) continue;
    const list = loadFailures.get(e.file) ?? [];
    list.push({ severity: 'error', check: 'schema', message: e.message, line: e.line });
    loadFailures.set(e.file, list);
  }
  for (const [file, findings] of loadFailures) {
    if (rows.some((r) => r.file === file)) rows.find((r) => r.file === file)!.result.findings.push(...findings);
    else rows.push({ file, result: { slug: path.basename(file).replace(/\.ya?ml$/, ''), kind: null, expectations: 0, findings, mutation: null, ok: false }, ms: 0 });
  }
  for (const r of rows) r.result.ok = !r.result.findings.some((f) => f.severity === 'error');

  const drillRows = loaded.drills
    .filter((d) => wanted(d.file))
    .map((d) => ({ file: d.file, slug: d.slug, findings: checkDrill(d.content, loaded.scenarios.map((s) => s.content)) }));

  const failed = rows.filter((r) => !r.result.ok).length + drillRows.filter((d) => d.findings.some((f) => f.severity === 'error')).length;
  const corpus = {
    scenarios: loaded.scenarios.length,
    predict: loaded.scenarios.filter((s) => s.content.kind === 'predict').length,
    fixIt: loaded.scenarios.filter((s) => s.content.topics.includes('fix-it')).length,
    drills: loaded.drills.length,
  };

  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: failed === 0, corpus, scenarios: rows.map((r) => ({ file: r.file, ...r.result })), drills: drillRows }, null, 2)}\n`);
    return failed === 0 ? 0 : 1;
  }

  const table = rows
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((r) => {
      const m = r.result.mutation;
      return [
        r.result.slug,
        r.result.kind ?? '-',
        String(r.result.expectations),
        m ? `${m.changed}/${m.total}` : '-',
        m ? String(m.killed) : '-',
        m ? `${Math.round(m.survivorShare * 100)}%` : '-',
        `${Math.round(r.ms)}ms`,
        r.result.ok ? 'ok' : 'FAIL',
      ];
    });
  const header = ['scenario', 'kind', 'exp', 'mutants', 'killed', 'survivors', 'time', 'status'];
  process.stdout.write(renderTable(header, table));
  process.stdout.write('  mutants = mutants that change connectivity / mutants derived; survivors = share of those passing every expectation (max 20%)\n\n');

  for (const r of rows) {
    if (r.result.findings.length === 0) continue;
    process.stdout.write(`${r.file}\n`);
    for (const f of r.result.findings) process.stdout.write(`  ${f.severity === 'error' ? 'error  ' : 'warning'} [${f.check}]${f.line ? ` line ${f.line}` : ''} ${f.message}\n`);
  }
  for (const d of drillRows) {
    const mark = d.findings.some((f) => f.severity === 'error') ? 'FAIL' : 'ok';
    process.stdout.write(`drill ${d.slug}: ${mark}\n`);
    for (const f of d.findings) process.stdout.write(`  ${f.severity === 'error' ? 'error  ' : 'warning'} ${f.message}\n`);
  }

  const min = CORPUS_MINIMUMS;
  const short = [
    corpus.scenarios < min.scenarios ? `scenarios ${corpus.scenarios}/${min.scenarios}` : '',
    corpus.predict < min.predict ? `predict ${corpus.predict}/${min.predict}` : '',
    corpus.fixIt < min.fixIt ? `fix-it ${corpus.fixIt}/${min.fixIt}` : '',
    corpus.drills < min.drills ? `drills ${corpus.drills}/${min.drills}` : '',
  ].filter(Boolean);
  process.stdout.write(
    `\n${rows.length} scenarios checked, ${failed} failed; library: ${corpus.scenarios} scenarios (${corpus.predict} predict, ${corpus.fixIt} fix-it), ${corpus.drills} drills${short.length ? `; below the library minimums: ${short.join(', ')}` : ''}\n`,
  );
  return failed === 0 ? 0 : 1;
}

function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

process.exitCode = main(process.argv.slice(2));
