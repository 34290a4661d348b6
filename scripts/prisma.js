#!/usr/bin/env node
'use strict';
/**
 * Run the Prisma CLI with a schema engine that works offline: the native binary when installed, otherwise our
 * WebAssembly stand-in via PRISMA_SCHEMA_ENGINE_BINARY (docs/decisions/001-prisma-offline.md).
 * Usage: node scripts/prisma.js <prisma args…>   (e.g. `migrate deploy`, `migrate dev --name x`, `generate`)
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const { resolveSchemaEngine } = require('./lib/schema-engine-path');

/** Environment for a Prisma CLI child: engine path, no update checks or telemetry (no network beyond npm). */
async function prismaEnv(base = process.env) {
  const engine = await resolveSchemaEngine(base);
  const env = { ...base, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  if (engine.kind === 'stand-in') env.PRISMA_SCHEMA_ENGINE_BINARY = engine.path;
  return { env, engine };
}

/** Spawn the Prisma CLI with `args`; resolves to its exit code. */
async function runPrisma(args, { env: baseEnv = process.env, cwd = path.join(__dirname, '..'), stdio = 'inherit' } = {}) {
  const { env } = await prismaEnv(baseEnv);
  const cli = require.resolve('prisma/build/index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env, stdio });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code === null ? (signal === 'SIGINT' ? 130 : 1) : code);
    });
  });
}

module.exports = { runPrisma, prismaEnv };

if (require.main === module) {
  runPrisma(process.argv.slice(2), { cwd: process.cwd() }).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`prisma: ${error.message}`);
      process.exit(1);
    },
  );
}
