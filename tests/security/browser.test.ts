/**
 * In a real browser against the production server (issue 8, items 3 and 4):
 * - author Markdown is rendered inert: a published scenario whose task and explanation carry <script>,
 *   javascript:/data: links, event handlers, iframes, SVG and style injection is opened by a learner; nothing
 *   runs (no dialog, no global set, no request to the attacker), the dangerous markup is gone from the DOM,
 *   and the harmless parts are still shown (positive control);
 * - security headers are on pages, APIs and static files (no `unsafe-eval`, `frame-ancestors 'none'`), and
 *   framing the app shows nothing. The nonce CSP in the browser (injected scripts refused, no violations on real
 *   pages) is tests/security/browser-csp.test.ts.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { db } from '@/lib/db/client';
import { loadContent } from '@/lib/scenarios/load-content';
import type { TScenario } from '@/lib/scenarios/schema';
import { describeBrowser, launchBrowser, newPage, ROOT, signUpViaUi, startApp, uniqueEmail, type TAppServer } from '@/tests/e2e/harness';

const MARK = `xss${randomBytes(3).toString('hex')}`;
// Each vector tries to set window.__pwned, open a dialog or fetch the attacker's URL.
const HOSTILE_MARKDOWN = `## Harmless heading ${MARK}

Plain text that must stay visible: ${MARK}-visible.

<script>window.__pwned = 'script'; alert('script')</script>
<img src="x" onerror="window.__pwned = 'img-onerror'">
<svg onload="window.__pwned = 'svg-onload'"><circle r="1"/></svg>
<iframe src="javascript:parent.__pwned = 'iframe'"></iframe>
<details open ontoggle="window.__pwned = 'ontoggle'"><summary>s</summary>d</details>
<a href="javascript:window.__pwned = 'a-href'" id="raw-js-link">raw javascript link</a>
<a href="JaVaScRiPt&colon;window.__pwned = 'entity-href'">entity javascript link</a>
<p style="background:url(javascript:window.__pwned='style')" onclick="window.__pwned='onclick'">styled paragraph</p>
<style>body { display: none !important }</style>
<form action="https://attacker.invalid/steal"><input name="q" autofocus onfocus="window.__pwned='onfocus'"></form>
<object data="javascript:window.__pwned='object'"></object>
<math><mi xlink:href="javascript:window.__pwned='math'">m</mi></math>

[markdown javascript link](javascript:window.__pwned='md-link')
[markdown data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
![image with handler](x" onerror="window.__pwned='md-img')
<javascript:window.__pwned='autolink'>

[a safe link](https://kubernetes.io/docs/concepts/services-networking/network-policies/)
`;

const content = loadContent(path.join(ROOT, 'content'));
const base = content.scenarios.find((s) => s.slug === 'default-deny-ingress')!.content as TScenario;
const SLUG = `xss-${randomBytes(4).toString('hex')}`;

async function inertChecks(page: Page, selector: string): Promise<void> {
  const region = page.locator(selector).first();
  await region.waitFor();
  // Positive control: the harmless parts are rendered.
  await expectText(region.innerText(), `${MARK}-visible`);
  const safe = region.locator('a', { hasText: 'a safe link' });
  expect(await safe.getAttribute('href')).toBe('https://kubernetes.io/docs/concepts/services-networking/network-policies/');
  expect(await safe.getAttribute('rel')).toContain('noopener');
  // The dangerous markup is gone.
  const report = await region.evaluate((el) => {
    const all = [el, ...Array.from(el.querySelectorAll('*'))];
    return {
      tags: Array.from(el.querySelectorAll('script, iframe, object, embed, svg, math, style, form, input, img, details')).map((e) => e.tagName.toLowerCase()),
      handlers: all.flatMap((e) => Array.from(e.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}.${a.name}`)),
      styles: all.filter((e) => e.hasAttribute('style')).length,
      hrefs: Array.from(el.querySelectorAll('[href], [src], [action], [data], [xlink\\:href]')).map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('data') ?? ''),
    };
  });
  expect(report.tags).toEqual([]);
  expect(report.handlers).toEqual([]);
  expect(report.styles).toBe(0);
  for (const href of report.hrefs) expect(href).toMatch(/^(https?:|mailto:|#|\/)/);
  // Clicking what is left of the javascript: links does nothing.
  for (const text of ['raw javascript link', 'markdown javascript link']) {
    const link = region.getByText(text).first();
    if (await link.count()) await link.click({ noWaitAfter: true }).catch(() => undefined);
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
  expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
}

async function expectText(text: Promise<string>, needle: string): Promise<void> {
  expect(await text).toContain(needle);
}

describeBrowser('security in the browser: sanitized author Markdown, security headers, CSP', () => {
  let app: TAppServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const attackerRequests: string[] = [];

  beforeAll(async () => {
    const scenario: TScenario = { ...base, slug: SLUG, title: `Sanitizer ${MARK}`, task: HOSTILE_MARKDOWN, explanation: HOSTILE_MARKDOWN };
    await db.scenario.create({ data: { slug: SLUG, version: 1, content: scenario as unknown as object, contentHash: `xss-${SLUG}`, published: true, source: 'content' } });
    app = await startApp();
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, app.baseUrl));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await context.route('**/*attacker.invalid*', (route) => {
      attackerRequests.push(route.request().url());
      return route.abort();
    });
    await signUpViaUi(page, uniqueEmail('xss'));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db.attempt.deleteMany({ where: { scenarioSlug: SLUG } });
    await db.scenarioProgress.deleteMany({ where: { scenarioSlug: SLUG } });
    await db.draft.deleteMany({ where: { scenarioSlug: SLUG } });
    await db.scenario.deleteMany({ where: { slug: SLUG } });
    await db.$disconnect();
  });

  it('renders the task inert: no script runs, no handler or javascript: link survives, the harmless text stays', async () => {
    await page.goto(`/scenarios/${SLUG}`);
    await inertChecks(page, '[data-testid="task"]');
    expect(dialogs).toEqual([]);
    expect(attackerRequests).toEqual([]);
  });

  it('renders the explanation inert after giving up', async () => {
    const res = await page.request.post(`/api/scenarios/${SLUG}/give-up`);
    expect(res.status()).toBe(200);
    await page.goto(`/scenarios/${SLUG}`);
    const region = page.locator('.prose-task', { hasText: `${MARK}-visible` }).nth(1);
    if ((await region.count()) === 0) {
      // The solution panel loads on demand: open it the way a learner does.
      const button = page.getByRole('button', { name: /solution|explanation/i }).first();
      if (await button.count()) await button.click();
    }
    await page.locator('.prose-task', { hasText: `${MARK}-visible` }).nth(1).waitFor();
    await inertChecks(page, `.prose-task >> nth=1`);
    expect(dialogs).toEqual([]);
  });

  it('sends the security headers on pages, APIs and static files', async () => {
    const page1 = await fetch(`${app.baseUrl}/scenarios`);
    const api = await fetch(`${app.baseUrl}/api/health`);
    const html = await page1.text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const js = await fetch(`${app.baseUrl}${asset}`);
    for (const [what, res] of [['page', page1], ['api', api], ['static', js]] as const) {
      const h = res.headers;
      const csp = h.get('content-security-policy') ?? '';
      expect([what, csp.includes("frame-ancestors 'none'")]).toEqual([what, true]);
      expect([what, csp.includes('unsafe-eval')]).toEqual([what, false]);
      // Pages: the nonce policy of proxy.ts; the API and assets: next.config.js's policy that allows nothing.
      if (what === 'page') expect([what, /'nonce-[^']+'/.test(csp), /object-src 'none'/.test(csp), /base-uri 'self'/.test(csp)]).toEqual([what, true, true, true]);
      else expect([what, csp]).toEqual([what, "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"]);
      expect([what, h.get('x-content-type-options')]).toEqual([what, 'nosniff']);
      expect([what, h.get('referrer-policy')]).toEqual([what, 'strict-origin-when-cross-origin']);
      expect([what, h.get('x-frame-options')]).toEqual([what, 'DENY']);
      expect([what, h.get('x-powered-by')]).toEqual([what, null]);
    }
  });

  it('framing is refused', async () => {
    // A hostile page framing the app gets nothing: the frame stays empty.
    const framer = await context.newPage();
    await framer.setContent(`<iframe id="f" src="${app.baseUrl}/scenarios" width="400" height="300"></iframe>`);
    await framer.waitForTimeout(1500);
    const frame = framer.frames().find((f) => f.url().startsWith(app.baseUrl));
    const framedText = frame ? await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
    expect(framedText).not.toContain('Scenarios');
    await framer.close();
  });

  it('the session cookie is HttpOnly and SameSite=Lax', async () => {
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'next-auth.session-token');
    expect(session).toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe('Lax');
    expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');
  });
});
