#!/usr/bin/env node
/**
 * `netpol` as an npm bin: runs lib/netpol/cli/main.ts through tsx (the engine ships as TypeScript source).
 * tsx is resolved from this package, so the command works from any working directory.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const tsxCli = require.resolve('tsx/cli', { paths: [root] });
const r = spawnSync(process.execPath, [tsxCli, '--tsconfig', path.join(root, 'tsconfig.json'), path.join(root, 'lib/netpol/cli/main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
if (r.error) {
  process.stderr.write(`netpol: ${r.error.message}\n`);
  process.exit(2);
}
process.exit(r.status === null ? 2 : r.status);
