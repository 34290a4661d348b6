import { describeBrowser, newPage, saveScreenshot, setEditorText, signUpViaUi, uniqueEmail, useAppAndBrowser } from './harness';

// Wrong on purpose: isolating egress too breaks prod → dev traffic that must keep working.
const WRONG = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: prod
spec:
  podSelector: {}
  policyTypes:
  - Ingress
  - Egress
`;

const RIGHT = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: prod
spec:
  podSelector: {}
  policyTypes:
  - Ingress
`;

describeBrowser('learner flow: sign up, fail, fix, pass, progress', () => {
  const suite = useAppAndBrowser();
  let attemptPath = '';

  it('takes a new learner from sign-up to a solved scenario shown on /progress', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    try {
      await signUpViaUi(page, uniqueEmail('learner'));
      await page.goto('/scenarios/default-deny-ingress');
      await page.getByRole('heading', { name: 'Deny all ingress in prod' }).first().waitFor();
      await page.locator('.cm-content').first().waitFor();

      // 1. a wrong answer: the failing flow and the engine's reason are shown
      await setEditorText(page, WRONG);
      await page.getByRole('button', { name: /^submit/i }).click();
      const status = page.getByTestId('result-status');
      await expect(status.innerText()).resolves.toMatch(/not yet/i);
      const flows = page.getByTestId('failed-flows');
      await flows.waitFor();
      const failedText = await flows.innerText();
      expect(failedText).toMatch(/prod\/web → dev\/tester :80\/TCP/);
      expect(failedText).toMatch(/expected\s+allowed,\s+got\s+denied/);
      expect(failedText).toMatch(/default-deny-ingress/); // the reason names the isolating policy
      expect(failedText).not.toMatch(/dev\/tester → prod\/web/); // flows the answer gets right are not listed
      await saveScreenshot(page, 'exercise-feedback');

      // 2. the fix passes
      await setEditorText(page, RIGHT);
      await page.getByRole('button', { name: /^submit/i }).click();
      await page.waitForFunction(() => /passed/i.test(document.querySelector('[data-testid="result-status"]')?.textContent ?? ''));
      await expect(page.getByTestId('failed-flows').count()).resolves.toBe(0);
      await expect(page.getByTestId('result-score').innerText()).resolves.toMatch(/100%/);

      // 3. progress counts it as solved
      await page.goto('/progress');
      const solved = page.locator('dt', { hasText: 'Solved' }).locator('xpath=following-sibling::dd[1]');
      await expect(solved.innerText()).resolves.toMatch(/^1 \/ \d+$/);
      await saveScreenshot(page, 'progress');
      const attempts = await page.goto('/attempts');
      expect(attempts?.status()).toBe(200);
      const rows = await page.locator('tbody tr').count();
      expect(rows).toBe(2);
      attemptPath = (await page.locator('tbody tr a').first().getAttribute('href')) ?? '';
      expect(attemptPath).toMatch(/^\/attempts\/[\w-]+$/);
      const replay = await page.goto(attemptPath);
      expect(replay?.status()).toBe(200);
      await expect(page.locator('main').innerText()).resolves.toContain('policyTypes:');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows an attempt only to its owner: 404 for another learner, sign-in for anonymous', async () => {
    expect(attemptPath).not.toBe('');
    const other = await newPage(suite.browser, suite.app.baseUrl);
    try {
      await signUpViaUi(other.page, uniqueEmail('other'));
      const res = await other.page.goto(attemptPath);
      expect(res?.status()).toBe(404);
      await expect(other.page.locator('main').innerText()).resolves.not.toContain('policyTypes:');
    } finally {
      await other.context.close();
    }
    const anon = await newPage(suite.browser, suite.app.baseUrl);
    try {
      await anon.page.goto(attemptPath);
      expect(new URL(anon.page.url()).pathname).toBe('/sign-in');
    } finally {
      await anon.context.close();
    }
  }, 60_000);
});
