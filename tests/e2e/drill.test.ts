import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadContent } from '@/lib/scenarios/load-content';
import type { TScenario } from '@/lib/scenarios/schema';
import { describeBrowser, newPage, ROOT, setEditorText, signUpViaUi, uniqueEmail, useAppAndBrowser } from './harness';

const content = loadContent(path.join(ROOT, 'content'));
const scenario = (slug: string) => content.scenarios.find((s) => s.slug === slug)?.content as TScenario;
const EASY = scenario('default-deny-ingress'); // difficulty 1: answered correctly
const MEDIUM = scenario('allow-from-namespace'); // difficulty 2: left unanswered
const ANSWER = EASY.solution as string;
// Wrong on purpose: isolating egress too breaks prod → dev traffic that must keep working.
const WRONG = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: prod\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n  - Egress\n';

// The drill is started through the JSON API like any tool would.
async function startDrill(page: Page, body: unknown): Promise<{ id: string; deadline: string }> {
  return page.evaluate(async (b) => {
    const res = await fetch('/api/drills/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
    if (res.status !== 201) throw new Error(`start failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; deadline: string };
  }, body);
}

// Hidden parts of a task: every `why`, the explanation, and solution lines the learner did not type.
function assertNoGradingData(text: string, typed: string) {
  const own = new Set(typed.split('\n'));
  for (const s of [EASY, MEDIUM]) {
    for (const e of s.expectations) expect(text).not.toContain(e.why);
    expect(text).not.toContain(s.explanation.trim().split('\n')[0]);
    for (const line of (s.solution ?? '').split('\n').filter((l) => l.trim().length > 12 && !own.has(l))) expect(text).not.toContain(line);
  }
}

describeBrowser('timed drill: answer, reload, deadline, results', () => {
  const suite = useAppAndBrowser();

  it('keeps the draft and the clock across a reload, alerts, ends at the deadline and grades the saved answer', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    try {
      await signUpViaUi(page, uniqueEmail('drill'), 'Correct-Horse-42', '/drills');
      await page.getByRole('heading', { name: 'Drills' }).first().waitFor();
      const { id, deadline } = await startDrill(page, { scenarios: ['default-deny-ingress', 'allow-from-namespace'], minutes: 2, feedback: 'end' });

      // 1. answer task 1; the save indicator confirms it reached the server
      await page.goto(`/drills/session/${id}`);
      await page.locator('[data-editor-ready="true"] .cm-content').first().waitFor();
      const listText = await page.getByTestId('drill-task-list').innerText();
      expect(listText).toContain(EASY.title);
      expect(listText).toContain(MEDIUM.title);
      await setEditorText(page, ANSWER);
      await page.waitForSelector('[data-testid="drill-save-status"][data-state="saved"]', { timeout: 15_000 });
      await page.waitForFunction(() => document.querySelector('[data-testid="drill-task-0"]')?.getAttribute('data-answered') === 'true');
      expect(await page.getByTestId('drill-task-1').getAttribute('data-answered')).toBe('false');
      // Flag task 2 for review (saved with the task).
      await page.getByTestId('drill-task-1').click();
      await page.getByTestId('drill-flag').check();
      await page.waitForSelector('[data-testid="drill-save-status"][data-state="saved"]');

      // 2. exam mode: nothing graded is in the page or the API before the end
      assertNoGradingData(await page.content(), ANSWER);
      const apiText = await page.evaluate(async (u) => (await fetch(u)).text(), `/api/drills/sessions/${id}`);
      assertNoGradingData(apiText, ANSWER);
      expect(apiText).not.toMatch(/"(score|pass|failed|expectations)":/);

      // 3. reload: draft, flag and remaining time are intact
      await page.reload();
      await page.locator('[data-editor-ready="true"] .cm-content').first().waitFor();
      const editorText = await page.locator('.cm-content').first().innerText();
      expect(editorText).toContain('name: default-deny-ingress');
      expect(editorText).toContain('- Ingress');
      expect(await page.getByTestId('drill-task-0').getAttribute('data-answered')).toBe('true');
      expect(await page.getByTestId('drill-task-1').getAttribute('data-flagged')).toBe('true');
      await page.waitForTimeout(600);
      const shown = Number(await page.getByTestId('drill-clock').getAttribute('data-remaining'));
      const expected = (Date.parse(deadline) - Date.now()) / 1000;
      expect(Math.abs(shown - expected)).toBeLessThanOrEqual(3);
      expect(shown).toBeGreaterThan(0);

      // 4. an alert is shown (a two-minute drill scales the 30/15/5-minute alerts to 30/15/5 seconds left)
      const alert = page.getByTestId('drill-alert');
      await alert.waitFor({ timeout: 120_000 });
      expect(await alert.innerText()).toMatch(/seconds left/);

      // 5. the deadline passes: the page lands on the results by itself
      await page.waitForURL((u) => u.pathname === `/drills/session/${id}/results`, { timeout: 120_000 });
      await page.getByTestId('drill-results-summary').waitFor();
      const first = page.getByTestId('drill-result-0');
      const second = page.getByTestId('drill-result-1');
      expect(await first.getAttribute('data-score')).toBe('1');
      expect(await first.getAttribute('data-answered')).toBe('true');
      expect(await second.getAttribute('data-score')).toBe('0');
      expect(await second.getAttribute('data-answered')).toBe('false');
      expect(await page.getByTestId('drill-total-score').innerText()).toBe('33%'); // weights 1 and 2
      expect(await page.getByTestId('drill-passed').innerText()).toMatch(/not passed/i);
      // The review now shows the solution and explanation of the unanswered task.
      const review = await page.evaluate(() => document.body.textContent ?? '');
      expect(review).toContain(MEDIUM.expectations[0].why);
      expect(review).toContain((MEDIUM.solution as string).split('\n').find((l) => l.includes('namespaceSelector')) ?? 'namespaceSelector');

      // 6. history on /progress
      await page.goto('/progress');
      const history = await page.getByTestId('drill-history').innerText();
      expect(history).toMatch(/33% ✘/);
    } finally {
      await context.close();
    }
  }, 5 * 60_000);

  it('with two tabs open, an idle tab never overwrites the newer answer typed in the other', async () => {
    const { context, page: tabA } = await newPage(suite.browser, suite.app.baseUrl);
    try {
      await signUpViaUi(tabA, uniqueEmail('tabs'), 'Correct-Horse-42', '/drills');
      const { id } = await startDrill(tabA, { scenarios: ['default-deny-ingress', 'allow-from-namespace'], minutes: 10, feedback: 'end' });
      await tabA.goto(`/drills/session/${id}`);
      await tabA.locator('[data-editor-ready="true"] .cm-content').first().waitFor();
      const tabB = await context.newPage();
      await tabB.goto(`/drills/session/${id}`);
      await tabB.locator('[data-editor-ready="true"] .cm-content').first().waitFor();

      // Tab B answers task 1; tab A still shows the empty editor it loaded.
      await setEditorText(tabB, ANSWER);
      await tabB.waitForSelector('[data-testid="drill-save-status"][data-state="saved"]', { timeout: 15_000 });
      // Switching tasks in tab A saves its (older, untouched) task 1: the server keeps tab B's text and tab A shows it.
      await tabA.getByTestId('drill-task-1').click();
      await tabA.getByRole('status').filter({ hasText: 'saved more recently from another tab' }).waitFor();
      const draft = await tabA.evaluate(async (u) => ((await (await fetch(u)).json()) as { tasks: { draft: { yaml: string } | null }[] }).tasks[0].draft?.yaml, `/api/drills/sessions/${id}`);
      expect(draft).toBe(ANSWER);
      await tabA.getByTestId('drill-task-0').click();
      expect(await tabA.locator('.cm-content').first().innerText()).toContain('name: default-deny-ingress');

      // A newer edit in tab A then wins as usual.
      await setEditorText(tabA, WRONG);
      await tabA.waitForSelector('[data-testid="drill-save-status"][data-state="saved"]', { timeout: 15_000 });
      const after = await tabA.evaluate(async (u) => ((await (await fetch(u)).json()) as { tasks: { draft: { yaml: string } | null }[] }).tasks[0].draft?.yaml, `/api/drills/sessions/${id}`);
      expect(after).toBe(WRONG);
    } finally {
      await context.close();
    }
  }, 3 * 60_000);

  it('in practice mode checks a task on request and finishes on demand', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    try {
      await signUpViaUi(page, uniqueEmail('practice'), 'Correct-Horse-42', '/drills');
      await page.getByTestId('start-warm-up').click();
      await page.waitForURL((u) => u.pathname.startsWith('/drills/session/'));
      await page.locator('[data-editor-ready="true"] .cm-content').first().waitFor();
      await setEditorText(page, WRONG);
      await page.getByTestId('drill-submit').click();
      await page.waitForFunction(() => /not yet/i.test(document.querySelector('[data-testid="result-status"]')?.textContent ?? ''));
      expect(await page.getByTestId('failed-flows').innerText()).toMatch(/prod\/web → dev\/tester :80\/TCP/);
      await setEditorText(page, ANSWER);
      await page.getByTestId('drill-submit').click();
      await page.waitForFunction(() => /passed/i.test(document.querySelector('[data-testid="result-status"]')?.textContent ?? ''));

      page.once('dialog', (d) => void d.accept());
      await page.getByTestId('drill-finish').click();
      await page.waitForURL((u) => u.pathname.endsWith('/results'));
      expect(await page.getByTestId('drill-result-0').getAttribute('data-score')).toBe('1');
      expect(await page.getByTestId('drill-result-1').getAttribute('data-answered')).toBe('false');
      expect(await page.getByTestId('drill-total-score').innerText()).toBe('33%');
      expect(await page.getByTestId('drill-results-summary').innerText()).toMatch(/not passed/i);
      expect(await page.locator('body').innerText()).toMatch(/finished by you/);
    } finally {
      await context.close();
    }
  }, 3 * 60_000);
});
