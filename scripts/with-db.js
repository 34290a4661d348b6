#!/usr/bin/env node
'use strict';
/**
 * Run a command with a ready database:
 *   node scripts/with-db.js --mode dev|start|test [--no-seed] [--no-migrate] -- <command…>
 * 1. DATABASE_URL set (environment, or .env.local/.env for dev/start) → use it; otherwise start the embedded
 *    PostgreSQL (scripts/lib/db-runtime.js): persistent in .data/postgres for dev/start, throwaway for test.
 * 2. `prisma migrate deploy`, then seed content/ (idempotent).
 * 3. Run the command with DATABASE_URL (and AUTH_SECRET, generated into .env.local if absent) set.
 * 4. When the command exits, or on SIGINT/SIGTERM, stop the command first and then the server we started.
 */
const { spawn } = require('node:child_process');
const { acquireDatabase, migrateDeploy, seedContent, ensureAuthSecret, databaseUrlFromEnvFiles } = require('./lib/db-runtime');
const { prismaEnv } = require('./prisma');

const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

function parseArgs(argv) {
  const sep = argv.indexOf('--');
  const own = sep === -1 ? argv : argv.slice(0, sep);
  const command = sep === -1 ? [] : argv.slice(sep + 1);
  const opts = { mode: 'dev', seed: true, migrate: true, command };
  for (let i = 0; i < own.length; i++) {
    if (own[i] === '--mode') opts.mode = own[++i];
    else if (own[i] === '--no-seed') opts.seed = false;
    else if (own[i] === '--no-migrate') opts.migrate = false;
    else throw new Error(`unknown option ${own[i]}`);
  }
  if (!['dev', 'start', 'test'].includes(opts.mode)) throw new Error(`--mode must be dev, start or test (got ${opts.mode})`);
  if (command.length === 0) throw new Error('usage: with-db.js --mode dev|start|test [--no-seed] [--no-migrate] -- <command…>');
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  // Tests never pick up .env.local (as in Next.js): a developer's real database must not get test data.
  const fromFiles = opts.mode === 'test' ? undefined : databaseUrlFromEnvFiles();
  const baseEnv = { ...process.env };
  if (!baseEnv.DATABASE_URL && fromFiles) baseEnv.DATABASE_URL = fromFiles;
  if (opts.mode === 'test' && baseEnv.DATABASE_URL) {
    process.stderr.write('[db] tests use DATABASE_URL from the environment: they create and delete rows there\n');
  }

  let database = null;
  let acquiring = null;
  let child = null;
  let stopping = null;

  async function shutdown(code) {
    if (!stopping) {
      stopping = (async () => {
        if (child && child.exitCode === null && child.signalCode === null) {
          await new Promise((resolve) => {
            child.once('exit', resolve);
            child.kill('SIGTERM');
            setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 10_000).unref();
          });
        }
        // A signal during start-up: wait for the server being started, then stop it too.
        if (!database && acquiring) database = await acquiring.catch(() => null);
        if (database) await database.release().catch((error) => process.stderr.write(`[db] could not stop PostgreSQL: ${error.message}\n`));
        process.exit(code);
      })();
    }
    return stopping;
  }
  for (const signal of Object.keys(SIGNAL_CODES)) process.on(signal, () => shutdown(SIGNAL_CODES[signal]));

  try {
    const started = Date.now();
    const authSecret = ensureAuthSecret(baseEnv);
    acquiring = acquireDatabase({ mode: opts.mode, env: baseEnv });
    database = await acquiring;
    if (opts.migrate) await migrateDeploy(database.url);
    if (opts.seed) await seedContent(database.url);
    process.stderr.write(`[db] ready in ${((Date.now() - started) / 1000).toFixed(1)}s (${database.source === 'env' ? 'DATABASE_URL' : database.source === 'running' ? 'shared dev server' : 'embedded PostgreSQL'})\n`);
    if (stopping) return;
    const { env } = await prismaEnv({
      ...baseEnv,
      DATABASE_URL: database.url,
      AUTH_SECRET: authSecret,
      // Closed networks: no telemetry calls from Next.js (operators can still set it to 0).
      NEXT_TELEMETRY_DISABLED: baseEnv.NEXT_TELEMETRY_DISABLED ?? '1',
      ...(opts.mode === 'test' ? { NETPOL_TEST_DATABASE: database.source === 'embedded' ? 'throwaway' : 'external' } : {}),
    });
    const [cmd, ...args] = opts.command;
    child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('error', (error) => {
      process.stderr.write(`[db] could not run ${cmd}: ${error.message}\n`);
      shutdown(127);
    });
    child.on('exit', (code, signal) => shutdown(code ?? SIGNAL_CODES[signal] ?? 1));
  } catch (error) {
    process.stderr.write(`[db] ${error.message}\n`);
    await shutdown(1);
  }
}

main();
