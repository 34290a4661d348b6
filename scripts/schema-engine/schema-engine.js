#!/usr/bin/env node
'use strict';
/**
 * Stand-in for Prisma's native `schema-engine` binary, used when that binary is absent (it is downloaded from
 * Prisma's CDN, which closed networks cannot reach). The Prisma CLI finds it through
 * PRISMA_SCHEMA_ENGINE_BINARY (set by scripts/prisma.js) and speaks to it exactly as to the binary:
 *   schema-engine --version
 *   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
 *   schema-engine [--datamodels <file>]… [--datasource '{"url":…}']   → JSON-RPC 2.0, one message per line
 * The engine itself is @prisma/schema-engine-wasm over @prisma/adapter-pg (./pg-factory.js holds the fixes).
 * Logs go to stderr as JSON lines, like the binary's, because the CLI parses them.
 */
const readline = require('node:readline');
const fs = require('node:fs');
const pg = require('pg');
const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');
const { loadWasmEngine } = require('./wasm-engine');
const { createMigrationFactory, parseDatabaseUrl } = require('./pg-factory');

/** Parse the binary's command line. */
function parseArgs(argv) {
  const args = { datamodels: [], datasource: null, cli: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--version' || arg === '-V') args.version = true;
    else if (arg === '--datamodels' || arg === '-d') args.datamodels.push(argv[++i]);
    else if (arg === '--datasource') args.datasource = JSON.parse(argv[++i]);
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
    else if (arg === 'cli') args.cli = argv[++i];
  }
  return args;
}

/** One log line in the binary's format (the CLI reads `fields.message`, `fields.error_code`, `level`). */
function logLine(level, message, extra = {}) {
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: 'schema_engine::logger' }) + '\n',
  );
}

/** Map a pg error to the Prisma error code and wording the binary would report (null: no known code). */
function connectionError(error, config) {
  const where = `${config.host || 'localhost'}:${config.port || 5432}`;
  switch (error && error.code) {
    case '3D000':
      return { code: 'P1003', message: `Database \`${config.database}\` does not exist on the database server at \`${where}\`.` };
    case '42P04':
      return { code: 'P1009', message: `Database \`${config.database}\` already exists on the database server at \`${where}\`` };
    case '28P01':
    case '28000':
      return { code: 'P1000', message: `Authentication failed against database server at \`${where}\`, the provided database credentials for \`${config.user}\` are not valid.` };
    case '42501':
      return { code: 'P1010', message: `User \`${config.user}\` was denied access on the database \`${config.database}\`` };
    default:
      // Server-side errors (they have a severity) without a Prisma code are reported as they are.
      if (error && error.severity) return null;
      return { code: 'P1001', message: `Can't reach database server at \`${where}\`\n\nPlease make sure your database server is running at \`${where}\`.` };
  }
}

/** The one-shot `cli …` subcommands the Prisma CLI runs before migrating. */
async function runCliCommand(command, datasource) {
  // The CLI drops the first stderr line (the binary's start-up log) before looking for errors.
  logLine('INFO', 'Starting schema engine CLI (wasm stand-in)');
  const url = datasource && datasource.url;
  if (!url) {
    logLine('ERROR', 'no datasource url given', { error_code: 'P1012' });
    return 1;
  }
  const { config } = parseDatabaseUrl(url);
  const query = async (target, sql) => {
    const client = new pg.Client(target);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    if (command === 'can-connect-to-database') {
      await query(config, 'SELECT 1');
    } else if (command === 'create-database' || command === 'drop-database') {
      const name = String(config.database || 'postgres').replace(/"/g, '""');
      const sql = command === 'create-database' ? `CREATE DATABASE "${name}"` : `DROP DATABASE "${name}"`;
      await query({ ...config, database: 'postgres' }, sql);
    } else {
      logLine('ERROR', `unknown cli command: ${command}`);
      return 1;
    }
    return 0;
  } catch (error) {
    const mapped = connectionError(error, config);
    if (mapped) logLine('ERROR', mapped.message, { error_code: mapped.code });
    else logLine('ERROR', (error && error.message) || String(error));
    return 1;
  }
}

/** A JSON-RPC error object in the binary's shape: user-facing errors carry `error_code` and `meta`. */
function rpcError(error, factoryError) {
  let message = (error && error.message) || String(error);
  if (/External error id#\d+/.test(message) && factoryError && factoryError.message) message += `\n${factoryError.message}`;
  const data = { is_panic: false, message, backtrace: null };
  if (error && typeof error.code === 'string' && /^P\d{4}$/.test(error.code)) {
    data.error_code = error.code;
    data.meta = error.meta || {};
  }
  return { code: 4466, message: 'An error happened. Check the data field for details.', data };
}

/** Run the JSON-RPC loop until stdin closes. */
async function serve(args) {
  const bindings = await loadWasmEngine();
  const datamodels = args.datamodels.map((file) => [file, fs.readFileSync(file, 'utf8')]);
  const datasource = args.datasource || {};
  const factory = createMigrationFactory({ url: datasource.url, shadowDatabaseUrl: datasource.shadowDatabaseUrl });
  const log = (line) => process.stderr.write(line.endsWith('\n') ? line : line + '\n');
  // The wasm engine connects while it starts; the binary connects lazily. A server that is down must not end
  // this process before the CLI has sent its request (the CLI would then wait forever and exit 0), so a
  // start-up failure becomes the answer to every request instead.
  let engine = null;
  let startError = null;
  try {
    engine = await bindings.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, log, bindMigrationAwareSqlAdapterFactory(factory));
  } catch (error) {
    startError = error;
  }

  let nextOutgoingId = 1_000_000;
  let devDiagnosticDone = false;
  const send = (message) => process.stdout.write(JSON.stringify(message) + '\n');

  /** Methods the binary has and the wasm engine lacks or names differently. */
  const handlers = {
    async createDatabase(params) {
      const url = params && params.datasource && params.datasource.tag === 'ConnectionString' ? params.datasource.url : datasource.url;
      const { config } = parseDatabaseUrl(url);
      const client = new pg.Client({ ...config, database: 'postgres' });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${String(config.database).replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
      return { databaseName: config.database };
    },
    async getDatabaseVersion(params) {
      return engine.version(params || null);
    },
    async diff(params) {
      const result = await engine.diff(params);
      // The binary prints the diff through a `print` request to the CLI; the wasm engine returns it instead.
      if (result.stdout) send({ jsonrpc: '2.0', id: nextOutgoingId++, method: 'print', params: { content: result.stdout.replace(/\n$/, '') } });
      return { exitCode: result.exitCode, stdout: null };
    },
    async devDiagnostic(params) {
      devDiagnosticDone = true;
      return engine.devDiagnostic(params);
    },
    async evaluateDataLoss(params) {
      await ensureDevDiagnostic(params);
      return engine.evaluateDataLoss(params);
    },
    async createMigration(params) {
      await ensureDevDiagnostic(params);
      return engine.createMigration(params);
    },
  };

  // The wasm engine sets up state for evaluateDataLoss/createMigration in devDiagnostic; the binary does not
  // need it, so the CLI may skip it in a fresh engine process.
  async function ensureDevDiagnostic(params) {
    if (devDiagnosticDone) return;
    devDiagnosticDone = true;
    await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
  }

  async function handle(request) {
    if (startError) throw startError;
    const method = request.method;
    if (Object.hasOwn(handlers, method)) return handlers[method](request.params);
    // Only the engine's own RPC methods (prototype functions), never object plumbing.
    const rpcMethod = Object.hasOwn(bindings.SchemaEngine.prototype, method) && !['free', 'constructor'].includes(method) && !method.startsWith('__');
    if (!rpcMethod || typeof engine[method] !== 'function') throw new Error(`Method not found: ${method}`);
    return engine[method](request.params);
  }

  // Requests are answered in arrival order: the CLI sends one at a time and the engine is single-threaded.
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      logLine('ERROR', `could not parse JSON-RPC message: ${line.slice(0, 200)}`);
      return;
    }
    // Responses to our own `print` requests need no answer.
    if (!request.method) return;
    queue = queue.then(async () => {
      let response;
      try {
        const result = await handle(request);
        response = { jsonrpc: '2.0', id: request.id, result: result === undefined || result === null ? {} : result };
      } catch (error) {
        response = { jsonrpc: '2.0', id: request.id, error: rpcError(error, factory.lastError) };
      }
      await factory.cleanup();
      send(response);
    });
  });

  let closing = false;
  async function shutdown(code) {
    if (closing) return;
    closing = true;
    await queue.catch(() => undefined);
    await factory.cleanup().catch(() => undefined);
    await factory.close().catch(() => undefined);
    process.exit(code);
  }
  lines.on('close', () => shutdown(0));
  // The CLI ends stdin and sends SIGTERM right away; finish the current request and clean up first.
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGINT', () => shutdown(130));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    const bindings = await loadWasmEngine();
    process.stdout.write(`schema-engine-cli ${bindings.version()} (wasm stand-in)\n`);
    return 0;
  }
  if (args.cli) return runCliCommand(args.cli, args.datasource);
  await serve(args);
  return null;
}

main().then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (error) => {
    logLine('ERROR', (error && error.stack) || String(error));
    process.exit(1);
  },
);
