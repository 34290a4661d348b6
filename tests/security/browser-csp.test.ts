/**
 * The nonce CSP in a real browser against the production server (issue 8, item 4):
 * - the catalog, an exercise (type in the editor, live diagnostics appear), sign-up and sign-in work with the
 *   policy on, and the browser reports no CSP violation, no CSP console error and no page error;
 * - markup injected into the served HTML (as if the sanitizer let it through) does not run: an inline script
 *   without the nonce, an external script, an event handler and a foreign image are all refused, while the same
 *   inline script carrying the page's nonce runs (the control that shows the injection itself works);
 * - eval is refused;
 * - the other pages (progress, attempts, cohorts, a running drill, the author list and editor) raise no violation.
 * Violations are collected by an init script (it runs before the page's own scripts and is not subject to CSP).
 */
import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { db } from '@/lib/db/client';
import { describeBrowser, newPage, setEditorText, signUpViaUi, uniqueEmail, useAppAndBrowser } from '@/tests/e2e/harness';

type TViolation = { directive: string; blocked: string; sample: string };
type TWatch = { violations: TViolation[]; consoleErrors: string[]; pageErrors: string[] };

const PASSWORD = 'Correct-Horse-42';

/** Collect, across every document the context loads, CSP violation events, CSP console errors and page errors. */
async function watchCsp(context: BrowserContext, page: Page): Promise<TWatch> {
  const watch: TWatch = { violations: [], consoleErrors: [], pageErrors: [] };
  await context.exposeBinding('__reportCsp', (_source, v: TViolation) => {
    watch.violations.push(v);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __reportCsp: (v: TViolation) => void }).__reportCsp;
    document.addEventListener('securitypolicyviolation', (e) => report({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  page.on('console', (msg) => {
    if (/content security policy|refused to/i.test(msg.text())) watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watch.pageErrors.push(err.message));
  return watch;
}

/** Resolve when `done()` holds (violation reports arrive asynchronously); fail after 10 s. */
async function waitUntil(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for CSP reports');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Next's client runtime ran: it drains `self.__next_f` (the RSC payload the inline scripts push) and replaces its
 * `push`; a blocked inline script would also show up as a violation.
 */
async function expectHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const f = (window as unknown as { __next_f?: unknown[] }).__next_f;
    return Array.isArray(f) && f.push !== Array.prototype.push;
  });
}

/** Serve `path`'s real HTML with markup (made knowing the page's nonce) added before <body>, under the real headers. */
async function injectIntoHtml(page: Page, path: string, markup: (nonce: string) => string): Promise<() => string> {
  let nonce = '';
  await page.route(`**${path}`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1] ?? '';
    const body = (await response.text()).replace('<body', `${markup(nonce)}<body`);
    await route.fulfill({ response, body });
  });
  return () => nonce;
}

async function expectClean(page: Page, watch: TWatch, where: string): Promise<void> {
  expect([where, watch.violations]).toEqual([where, []]);
  expect([where, watch.consoleErrors]).toEqual([where, []]);
  expect([where, watch.pageErrors]).toEqual([where, []]);
}

describeBrowser('CSP with per-request nonces in the browser', () => {
  const suite = useAppAndBrowser();
  const email = uniqueEmail('csp');

  afterAll(async () => {
    await db.$disconnect();
  });

  it('catalog, sign-up, an exercise with live diagnostics: everything runs, no violation', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    try {
      const watch = await watchCsp(context, page);
      await page.goto('/scenarios');
      await page.getByRole('link', { name: 'Drills' }).first().waitFor();
      await expectHydrated(page);
      // A client-side navigation keeps the window: the router (loaded by nonce'd scripts) is running.
      await page.evaluate(() => ((window as unknown as { __sameWindow: boolean }).__sameWindow = true));
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drills' }).click();
      await page.waitForURL((u) => u.pathname === '/drills');
      expect(await page.evaluate(() => (window as unknown as { __sameWindow?: boolean }).__sameWindow)).toBe(true);
      await expectClean(page, watch, 'catalog');

      await signUpViaUi(page, email, PASSWORD, '/scenarios');
      await expectClean(page, watch, 'sign-up');

      await page.goto('/scenarios/allow-from-namespace');
      await page.locator('[data-editor-ready="true"]').waitFor();
      await expectHydrated(page);
      await setEditorText(page, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\n  namespace: prod\nspec:\n  podSelector: {}\n  ingress:\n  - ports:\n    - port: 70000\n');
      // Live diagnostics: the invalid port is underlined while typing (the linter runs in the page).
      await page.locator('.cm-lintRange-error').first().waitFor();
      await page.keyboard.type('# typed');
      expect(await page.locator('.cm-content').innerText()).toContain('# typed');
      await expectClean(page, watch, 'exercise');
    } finally {
      await context.close();
    }
  });

  it('sign-in works with the policy on, no violation', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    try {
      const watch = await watchCsp(context, page);
      await page.goto('/sign-in?callbackUrl=%2Fprogress');
      await expectHydrated(page);
      await page.getByRole('textbox', { name: 'Email' }).fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/progress', { timeout: 30_000 });
      await expectClean(page, watch, 'sign-in');
    } finally {
      await context.close();
    }
  });

  it('the other pages, for a learner in a drill and for an instructor in the editor: no violation', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    const author = uniqueEmail('csp-author');
    const slug = `csp-${randomBytes(4).toString('hex')}`;
    try {
      const watch = await watchCsp(context, page);
      await signUpViaUi(page, author, PASSWORD, '/drills');
      for (const path of ['/', '/progress', '/attempts', '/cohorts', '/no-such-page']) {
        await page.goto(path);
        await expectHydrated(page);
        await expectClean(page, watch, path);
      }
      // A running drill: started through the JSON API like any tool would, then opened.
      const id = await page.evaluate(async () => {
        const res = await fetch('/api/drills/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarios: ['default-deny-ingress'], minutes: 5, feedback: 'end' }) });
        return ((await res.json()) as { id: string }).id;
      });
      await page.goto(`/drills/session/${id}`);
      await page.locator('[data-editor-ready="true"] .cm-content').first().waitFor();
      await expectClean(page, watch, 'drill');
      // The author editor (two CodeMirror editors and the matrix) for a new scenario.
      await db.user.update({ where: { email: author }, data: { role: 'instructor' } });
      await page.goto('/author');
      const newForm = page.locator('form', { has: page.getByRole('heading', { name: 'New scenario' }) });
      await newForm.getByLabel(/Slug/).fill(slug);
      await newForm.getByLabel('Title').fill('CSP check');
      await newForm.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL((u) => u.pathname === `/author/${slug}`);
      await page.locator('#solution-editor .cm-content').waitFor();
      await expectHydrated(page);
      await expectClean(page, watch, 'author');
    } finally {
      await context.close();
      await db.scenario.deleteMany({ where: { slug } });
    }
  });

  it('injected markup without the nonce is refused; the same script with the nonce runs (control)', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    const attacker: string[] = [];
    try {
      const watch = await watchCsp(context, page);
      await context.route('**/*attacker.invalid*', (route) => {
        attacker.push(route.request().url());
        return route.abort();
      });
      // As if stored XSS got past the sanitizer: the markup is in the HTML the server sends, under its real headers.
      const nonceOf = await injectIntoHtml(page, '/scenarios', (nonce) =>
        [
          '<script>window.__injected = "inline"</script>',
          '<script src="/_next/static/chunks/does-not-matter.js"></script>',
          '<script src="https://attacker.invalid/steal.js"></script>',
          '<img src="x" onerror="window.__injected = \'onerror\'">',
          '<img src="https://attacker.invalid/beacon.png">',
          `<script nonce="${nonce}">window.__control = "ran"</script>`,
        ].join(''),
      );
      await page.goto('/scenarios');
      await waitUntil(() => watch.violations.length >= 5);
      expect(nonceOf()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(await page.evaluate(() => (window as unknown as { __control?: string }).__control)).toBe('ran');
      expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected ?? null)).toBeNull();
      const refused = watch.violations.map((v) => `${v.directive} ${v.blocked.replace(/^https?:\/\/127\.0\.0\.1:\d+/, '')}`).sort();
      expect(refused).toEqual(
        [
          'img-src https://attacker.invalid/beacon.png',
          'script-src-attr inline',
          'script-src-elem /_next/static/chunks/does-not-matter.js',
          'script-src-elem https://attacker.invalid/steal.js',
          'script-src-elem inline',
        ].sort(),
      );
      expect(attacker).toEqual([]);
      // The page's own scripts still ran.
      await expectHydrated(page);
    } finally {
      await context.close();
    }
  });

  it('eval is refused, even to a script carrying the nonce', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    try {
      const watch = await watchCsp(context, page);
      await injectIntoHtml(page, '/scenarios', (nonce) => `<script nonce="${nonce}">try { window.__eval = String(eval('1 + 1')) } catch (e) { window.__eval = e.name }</script>`);
      await page.goto('/scenarios');
      await page.waitForFunction(() => (window as unknown as { __eval?: string }).__eval !== undefined);
      expect(await page.evaluate(() => (window as unknown as { __eval?: string }).__eval)).toBe('EvalError');
      await waitUntil(() => watch.violations.length > 0);
      expect(watch.violations.map((v) => `${v.directive} ${v.blocked}`)).toEqual(['script-src eval']);
    } finally {
      await context.close();
    }
  });
});
