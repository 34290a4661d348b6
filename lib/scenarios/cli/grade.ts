/**
 * `npm run --silent grade -- --scenario <slug|path> --submission <file|-> [--output json|text]`
 * Prints the grade (JSON contract of issue 4 item 3 on stdout only), exit 0 when graded (even when wrong),
 * 2 when the scenario or the submission file cannot be used.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ScenarioError } from '../apply';
import { gradeSubmission, type GradeReport } from '../grade';
import { toGradeJson } from '../grade-json';
import { parseScenarioYaml } from '../parse-scenario';
import type { TScenario } from '../schema';

const USAGE = 'usage: npm run --silent grade -- --scenario <slug|path> --submission <file|-> [--output json|text]';

class UsageError extends Error {}

function parseArgs(argv: string[]): { scenario: string; submission: string; output: 'json' | 'text' } {
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(scenario|submission|output)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new UsageError(`unknown argument \`${argv[i]}\``);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${m[1]} needs a value`);
    opts[m[1]] = value;
  }
  if (!opts.scenario) throw new UsageError('--scenario is required');
  if (!opts.submission) throw new UsageError('--submission is required');
  const output = opts.output ?? 'json';
  if (output !== 'json' && output !== 'text') throw new UsageError(`--output must be json or text, got \`${output}\``);
  return { scenario: opts.scenario, submission: opts.submission, output };
}

function loadScenario(ref: string): TScenario {
  const contentDir = path.resolve(__dirname, '../../../content/scenarios');
  const isPath = /\.ya?ml$/.test(ref) || ref.includes('/') || ref.includes(path.sep);
  const file = isPath ? path.resolve(ref) : path.join(contentDir, `${ref}.yaml`);
  if (!existsSync(file)) throw new UsageError(isPath ? `scenario file not found: ${ref}` : `unknown scenario \`${ref}\` (no ${path.relative(process.cwd(), file)})`);
  const { content, errors } = parseScenarioYaml(readFileSync(file, 'utf8'));
  if (!content) throw new UsageError(`scenario ${ref} is invalid:\n${errors.map((e) => `  ${e.line ? `line ${e.line}: ` : ''}${e.path ? `${e.path}: ` : ''}${e.message}`).join('\n')}`);
  return content;
}

function readSubmission(ref: string): string {
  if (ref === '-') return readFileSync(0, 'utf8');
  if (!existsSync(ref)) throw new UsageError(`submission file not found: ${ref}`);
  return readFileSync(ref, 'utf8');
}

function renderText(r: GradeReport): string {
  const lines = [`${r.scenario}: ${r.pass ? 'PASS' : 'FAIL'}  score ${r.passed}/${r.total} (${Math.round(r.score * 100)}%)`];
  for (const e of r.errors) lines.push(`  error${e.line ? ` line ${e.line}${e.column ? `:${e.column}` : ''}` : ''}: ${e.message}`);
  for (const x of r.expectations) {
    const mark = x.passed ? 'ok  ' : 'FAIL';
    lines.push(`  ${mark} ${x.from} → ${x.to} :${x.port}/${x.protocol}  expected ${x.expected}, ${r.kind === 'predict' ? 'answered' : 'got'} ${x.actual}`);
    if (!x.passed) lines.push(`       ${x.reason}${x.policyLine && !x.reason.includes(`(line ${x.policyLine})`) ? ` (your line ${x.policyLine})` : ''}`);
  }
  for (const q of r.requirements) lines.push(`  ${q.passed ? 'ok  ' : 'FAIL'} requirement: ${q.description}${q.passed ? '' : `: ${q.reason}`}`);
  for (const l of r.lint) lines.push(`  hint${l.line ? ` line ${l.line}` : ''} [${l.code}]: ${l.message}`);
  return lines.join('\n') + '\n';
}

function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    const scenario = loadScenario(args.scenario);
    const text = readSubmission(args.submission);
    const report = gradeSubmission(scenario, text);
    process.stdout.write(args.output === 'json' ? `${JSON.stringify(toGradeJson(report))}\n` : renderText(report));
    return 0;
  } catch (e) {
    // A file that exists but cannot be read (a directory, no permission) is as unusable as a missing one.
    const fsError = e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
    if (e instanceof UsageError || e instanceof ScenarioError || fsError) {
      process.stderr.write(`grade: ${e.message}\n${e instanceof UsageError ? `${USAGE}\n` : ''}`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
