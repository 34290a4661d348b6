/**
 * Entry point of `netpol` (`npm run --silent netpol -- <command>` and `bin/netpol.js`). Only the command's
 * output goes to stdout, so `check --output json` prints nothing but the JSON document.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './run';

/** Reads a CLI input file; `-` means stdin. */
function readFile(file: string): string {
  return readFileSync(file === '-' ? 0 : file, 'utf8');
}

const result = runCli(process.argv.slice(2), readFile);
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
// exitCode (not process.exit) lets piped stdout drain completely.
process.exitCode = result.code;
