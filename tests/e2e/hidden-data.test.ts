/**
 * Hidden data stays hidden (issue 5, item 7). For a write scenario, a write scenario with existing policies and a
 * predict scenario, a fresh learner loads every learner-visible page and API response (HTML, the RSC payload, the
 * client-navigation RSC response and JSON bodies) and the test fails if any expectation's `why`, any line of the
 * reference solution, any line of the explanation or a locked hint appears before the reveal. After a failed
 * submission only the failed expectations' `why` may appear. Positive controls (a hint once unlocked, the failed
 * whys, the solution after giving up) prove the detector can see what it looks for.
 */
import path from 'node:path';
import type { APIResponse, Page } from 'playwright-core';
import { loadContent } from '@/lib/scenarios/load-content';
import { toLearnerScenario } from '@/lib/scenarios/learner-view';
import type { TScenario } from '@/lib/scenarios/schema';
import { describeBrowser, newPage, ROOT, signUpViaUi, uniqueEmail, useAppAndBrowser } from './harness';

const content = loadContent(path.join(ROOT, 'content'));
const bySlug = new Map(content.scenarios.map((s) => [s.slug, s.content]));
const firstPredict = content.scenarios.find((s) => s.content.kind === 'predict')?.slug;
const SLUGS = ['default-deny-ingress', 'allow-from-namespace', ...(firstPredict ? [firstPredict] : [])];

// Lines every NetworkPolicy has: they cannot reveal an answer.
const BOILERPLATE = new Set(['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', 'spec:', '---', '- Ingress', '- Egress']);
// A bare key (`ingress:`, `- from:`, `podSelector: {}`) says nothing about the answer either.
const BARE_KEY = /^(-\s+)?[\w.\/-]+:\s*(\{\}|\[\])?$/;

const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');
const jsonUnescape = (s: string) =>
  s.replace(/\\(u[0-9a-fA-F]{4}|["\\\/bfnrt])/g, (_m, c: string) =>
    c.startsWith('u') ? String.fromCharCode(parseInt(c.slice(1), 16)) : ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c,
  );
const squash = (s: string) => s.replace(/\s+/g, ' ');

/** Every form a text can take in a response: raw, entity-decoded, JSON-unescaped, whitespace-squashed. */
function haystack(...parts: string[]): string {
  const all = parts.flatMap((p) => [p, decodeEntities(p), jsonUnescape(p), jsonUnescape(decodeEntities(p))]);
  return [...all, ...all.map(squash)].join('\n\u0000\n');
}

type TSecrets = { whys: string[]; solutionLines: string[]; explanationLines: string[]; hints: string[] };

/** The scenario's hidden strings that do not also occur in what the learner may legitimately see or typed. */
function secretsOf(s: TScenario, ownText: string): TSecrets {
  const learner = toLearnerScenario(s, { hintsUnlocked: 0 });
  const visible = squash([learner.task, learner.starter ?? '', learner.existingPolicies ?? '', learner.requirements.join('\n'), JSON.stringify(learner.cluster), ownText].join('\n'));
  const isSecret = (line: string) => line.length > 0 && !visible.includes(squash(line));
  const solutionLines = (s.solution ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !BOILERPLATE.has(l) && !BARE_KEY.test(l) && !l.startsWith('#'))
    .filter(isSecret);
  const explanationLines = s.explanation
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= 25)
    .filter(isSecret);
  return { whys: s.expectations.map((e) => e.why).filter(isSecret), solutionLines, explanationLines, hints: s.hints.filter(isSecret) };
}

function leaks(hay: string, needles: string[]): string[] {
  return needles.filter((n) => hay.includes(n) || hay.includes(squash(n)));
}

async function pageHay(page: Page, url: string): Promise<string> {
  const res = await page.goto(url);
  expect(res?.status()).toBeLessThan(400);
  await page.waitForLoadState('networkidle');
  const html = await page.content();
  const flight = await page.evaluate(() =>
    (((self as unknown as { __next_f?: unknown[][] }).__next_f ?? []) as unknown[][]).map((x) => (typeof x[1] === 'string' ? x[1] : '')).join(''),
  );
  const text = await page.evaluate(() => document.body.innerText);
  // What a client-side navigation would fetch: the RSC payload of the route.
  const rsc = await page.request.get(url, { headers: { RSC: '1' } });
  return haystack(html, flight, text, await rsc.text());
}

async function apiHay(res: APIResponse): Promise<string> {
  return haystack(await res.text());
}

const WRONG_WRITE = ''; // "no policy at all": content:check guarantees it fails at least one expectation

function predictAnswersAllAllowed(cells: { from: string; to: string; port: number | string; protocol: string }[]): string {
  const lines = cells.map((c) => `  - { from: ${JSON.stringify(c.from)}, to: ${JSON.stringify(c.to)}, port: ${typeof c.port === 'number' ? c.port : JSON.stringify(c.port)}, protocol: ${c.protocol}, allowed: true }`);
  return `answers:\n${lines.join('\n')}\n`;
}

describeBrowser('hidden data stays hidden until the reveal', () => {
  const suite = useAppAndBrowser();

  it('has the scenarios it checks', () => {
    for (const slug of SLUGS) expect(bySlug.has(slug)).toBe(true);
    expect(firstPredict).toBeDefined();
  });

  for (const slug of SLUGS) {
    it(`${slug}: nothing hidden before submission; only failed whys after a failed one; the solution after giving up`, async () => {
      const scenario = bySlug.get(slug) as TScenario;
      const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
      try {
        await signUpViaUi(page, uniqueEmail('hidden'));
        const learnerView = toLearnerScenario(scenario, { hintsUnlocked: 0 });
        const wrong = scenario.kind === 'predict' ? predictAnswersAllAllowed(learnerView.cells) : WRONG_WRITE;
        const secrets = secretsOf(scenario, wrong);
        expect(secrets.whys.length).toBeGreaterThan(0);
        if (scenario.kind === 'write') expect(secrets.solutionLines.length).toBeGreaterThan(0);
        const allSecrets = [...secrets.whys, ...secrets.solutionLines, ...secrets.explanationLines, ...secrets.hints];

        // 1. before any submission: every page and API response
        const before: [string, string][] = [];
        for (const url of [`/scenarios/${slug}`, '/', '/scenarios', '/drills', '/progress', '/attempts']) before.push([url, await pageHay(page, url)]);
        for (const url of [`/api/scenarios/${slug}`, `/api/scenarios/${slug}/draft`, `/api/scenarios/${slug}/attempts`, '/api/me/preferences', '/api/progress']) {
          const res = await page.request.get(url);
          expect(res.status()).toBe(200);
          before.push([url, await apiHay(res)]);
        }
        const early = await page.request.get(`/api/scenarios/${slug}/solution`);
        expect(early.status()).toBe(403);
        before.push(['GET solution (403)', await apiHay(early)]);
        for (const [where, hay] of before) expect({ where, leaked: leaks(hay, allSecrets) }).toEqual({ where, leaked: [] });

        // 2. one hint unlocked: that hint appears (control), the later ones do not
        const hintRes = await page.request.post(`/api/scenarios/${slug}/hints`);
        expect(hintRes.status()).toBe(200);
        const afterHint = haystack(await hintRes.text()) + (await pageHay(page, `/scenarios/${slug}`));
        expect(leaks(afterHint, scenario.hints.slice(0, 1))).toEqual(scenario.hints.slice(0, 1));
        expect(leaks(afterHint, [...secrets.hints.slice(1), ...secrets.whys, ...secrets.solutionLines, ...secrets.explanationLines])).toEqual([]);

        // 3. a failed submission: only the failed expectations' whys
        const submit = await page.request.post(`/api/scenarios/${slug}/attempts`, { data: { yaml: wrong }, headers: { 'idempotency-key': `hidden-${slug}` } });
        expect(submit.status()).toBe(201);
        const report = (await submit.json()) as { id: string; pass: boolean; failed: { from: string; to: string; port: number | string; protocol: string }[]; expectations: unknown; revealed: boolean };
        expect(report.pass).toBe(false);
        expect(report.revealed).toBe(false);
        expect(report.expectations).toBeNull();
        const failedKeys = new Set(report.failed.map((f) => `${f.from}|${f.to}|${f.port}|${f.protocol}`));
        const failedWhys = scenario.expectations.filter((e) => failedKeys.has(`${e.from}|${e.to}|${e.port}|${e.protocol}`)).map((e) => e.why);
        const passedWhys = secrets.whys.filter((w) => !failedWhys.includes(w));
        const afterFail: [string, string][] = [
          ['POST attempts', haystack(await submit.text())],
          [`/scenarios/${slug}`, await pageHay(page, `/scenarios/${slug}`)],
          [`/api/scenarios/${slug}/attempts`, await apiHay(await page.request.get(`/api/scenarios/${slug}/attempts`))],
          ['/attempts', await pageHay(page, '/attempts')],
          [`/attempts/${report.id}`, await pageHay(page, `/attempts/${report.id}`)],
        ];
        const stillSecret = [...passedWhys, ...secrets.solutionLines, ...secrets.explanationLines, ...secrets.hints.slice(1)];
        for (const [where, hay] of afterFail) expect({ where, leaked: leaks(hay, stillSecret) }).toEqual({ where, leaked: [] });
        // control: the failed whys are shown, so the detector does see whys
        expect(leaks(afterFail[0][1], failedWhys).length).toBeGreaterThan(0);

        // 4. after an explicit give-up the solution, explanation and every why are shown (control for the detector)
        const giveUp = await page.request.post(`/api/scenarios/${slug}/give-up`);
        expect(giveUp.status()).toBe(200);
        const revealed = haystack(await giveUp.text()) + (await pageHay(page, `/scenarios/${slug}`));
        expect(leaks(revealed, secrets.whys)).toEqual(secrets.whys);
        expect(leaks(revealed, secrets.solutionLines)).toEqual(secrets.solutionLines);
      } finally {
        await context.close();
      }
    }, 180_000);
  }
});
