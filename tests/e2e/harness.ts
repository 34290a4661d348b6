/**
 * Browser test harness: starts the app (production build) against the test database on a free port and drives
 * Debian's chromium through playwright-core.
 *
 * Build choice: `next start` on a production build, because that is what users run and it serves pages without
 * per-route compilation (next dev would compile every page on first hit, slow and flaky on 2 cores). When
 * `.next/BUILD_ID` is older than any source file (or missing), the harness runs `next build` first, under a lock
 * directory so parallel Jest workers build once. Set `E2E_SKIP_BUILD=1` to force using whatever build exists.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Project root. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** Chromium flags for a sandbox-less, quiet, offline-friendly headless run. */
export const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The chromium binary to drive: `CHROME_PATH`, else Debian's `/usr/bin/chromium`; null when neither exists. */
export function findChrome(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.CHROME_PATH ? [env.CHROME_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

/** Why the browser suite cannot run here (null when it can). */
export function unavailableReason(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!findChrome(env)) {
    return env.CHROME_PATH
      ? `CHROME_PATH=${env.CHROME_PATH} does not exist`
      : 'no chromium at /usr/bin/chromium (install it with `apt-get install -y chromium` or set CHROME_PATH)';
  }
  if (!env.DATABASE_URL) return 'DATABASE_URL is not set (run the suite through `npm test`, which starts the test database)';
  return null;
}

/**
 * Declare a browser suite. When the browser or database is missing: with `CI=true` the suite fails; elsewhere it
 * prints plainly that it was not run and why, and registers one test that records that fact.
 */
export function describeBrowser(name: string, body: () => void): void {
  const reason = unavailableReason();
  if (!reason) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs a browser and a database in CI', () => {
        throw new Error(`browser suite "${name}" cannot run in CI: ${reason}`);
      });
    });
    return;
  }
  console.warn(`\n[e2e] browser suite "${name}" was NOT run: ${reason}\n`);
  describe(name, () => {
    it(`was not run: ${reason}`, () => {
      expect(reason).toBeTruthy();
    });
  });
}

// Inputs of `next build`: a newer file than BUILD_ID means the build is stale.
const BUILD_INPUTS = ['app', 'lib', 'proxy.ts', 'next.config.js', 'package.json', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];

function newestMtime(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : st.mtimeMs;
  let max = 0;
  for (const entry of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, entry)));
  return max;
}

/** True when `.next` holds a production build newer than every build input. */
export function isBuildFresh(root = ROOT): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  return BUILD_INPUTS.every((p) => newestMtime(path.join(root, p)) <= built);
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Build the app unless a fresh build exists; one builder at a time across Jest workers. */
export async function ensureBuild(root = ROOT): Promise<'fresh' | 'built'> {
  if (process.env.E2E_SKIP_BUILD === '1' || isBuildFresh(root)) return 'fresh';
  // The lock lives outside the tree (nothing to git-ignore) but is keyed by the checkout.
  const lock = path.join(os.tmpdir(), `netpol-e2e-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another worker is building; a lock older than 20 minutes is from a crashed run.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 20 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        /* removed meanwhile */
      }
      await sleep(2000);
    }
  }
  try {
    if (isBuildFresh(root)) return 'fresh';
    console.log('[e2e] .next is missing or older than the sources: running `next build` (takes a few minutes)');
    const res = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (res.status !== 0) throw new Error(`next build failed with exit code ${res.status}`);
    return 'built';
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A running app server. */
export type TAppServer = { baseUrl: string; port: number; pid: number; stop: () => Promise<void>; output: () => string };

/** Start `next start` on a free port against DATABASE_URL; resolves when it answers HTTP. */
export async function startApp(root = ROOT): Promise<TAppServer> {
  await ensureBuild(root);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      NEXTAUTH_URL: baseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString('hex'),
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise<void>((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/auth/csrf`);
      if (res.ok) return { baseUrl, port, pid: child.pid ?? -1, stop, output: () => log };
    } catch {
      /* not listening yet */
    }
    await sleep(300);
  }
  await stop();
  throw new Error(`next start did not answer within 60 s:\n${log}`);
}

/** Launch chromium with the suite's flags. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('chromium not found');
  return chromium.launch({ executablePath, headless: true, args: CHROME_FLAGS });
}

/** A fresh browser context + page with sensible timeouts. */
export async function newPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { context, page };
}

/**
 * Start the app and chromium once for the enclosing `describe` and stop them after it. Read `suite.app` and
 * `suite.browser` inside tests (they are set by the time a test runs); a suite's own `afterAll` hooks declared
 * after this call run after the app has stopped.
 */
export function useAppAndBrowser(): { app: TAppServer; browser: Browser } {
  const suite = {} as { app: TAppServer; browser: Browser };
  beforeAll(async () => {
    suite.app = await startApp();
    suite.browser = await launchBrowser();
  }, 15 * 60_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.stop();
  });
  return suite;
}

/** The one switch for the README's screenshots: `E2E_SCREENSHOTS=<dir>` saves `<name>.png` there; unset, nothing is saved. */
export async function saveScreenshot(page: Page, name: string, opts: { fullPage?: boolean } = { fullPage: true }): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  fs.mkdirSync(path.resolve(dir), { recursive: true });
  await page.screenshot({ path: path.resolve(dir, `${name}.png`), fullPage: opts.fullPage ?? true });
}

/** A unique email for a test user. */
export function uniqueEmail(prefix = 'e2e'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@example.test`;
}

/** Sign up through the UI and wait until the app navigates away from the form. */
export async function signUpViaUi(page: Page, email: string, password = 'Correct-Horse-42', callbackUrl = '/scenarios'): Promise<void> {
  await page.goto(`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((u) => u.pathname === callbackUrl, { timeout: 30_000 });
}

/**
 * Replace the editor's text. CodeMirror is a contenteditable: select all, then insert the text as one input
 * (typing key by key would trigger auto-indent and mangle YAML).
 */
export async function setEditorText(page: Page, text: string): Promise<void> {
  const content = page.locator('.cm-content').first();
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}
