/**
 * Entry point of `netpol` (`npm run --silent netpol -- <command>` and `bin/netpol.js`). Only the command's
 * output goes to stdout, so `check --output json` prints nothing but the JSON document.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './run';

// `npm run` moves to the package root; relative paths the user typed are relative to where they typed them.
const baseDir = process.env.npm_lifecycle_event === 'netpol' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();

/** Reads a CLI input file; `-` means stdin. */
function readFile(file: string): string {
  return readFileSync(file === '-' ? 0 : path.resolve(baseDir, file), 'utf8');
}

const result = runCli(process.argv.slice(2), readFile);
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
// exitCode (not process.exit) lets piped stdout drain completely.
process.exitCode = result.code;
