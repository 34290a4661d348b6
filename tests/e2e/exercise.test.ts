/**
 * The exercise page in a real browser: NetworkPolicy-aware completion, hover docs, live diagnostics, Ctrl+Enter,
 * result rows that highlight their line, the keyboard escape (Esc then Tab), the vim toggle remembered per user,
 * drafts across reloads and a lost session, hints, give-up with the solution diff, and the predict answer grid
 * (keyboard, results in the same layout, the list view).
 * With E2E_SCREENSHOTS set, it also saves screenshots of the page with feedback and of the predict grid (README).
 */
import type { Page } from 'playwright-core';
import { describeBrowser, newPage, saveScreenshot, setEditorText, signUpViaUi, uniqueEmail, useAppAndBrowser } from './harness';

async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const view = document.querySelector('.cm-content') as HTMLElement | null;
    return view ? view.innerText : '';
  });
}

// Only namespace `monitoring` may reach every prod pod on 9090: this answer opens every port (two flows wrong).
const MONITORING_ALL_PORTS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-monitoring
  namespace: prod
spec:
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: monitoring
`;

describeBrowser('exercise page', () => {
  const suite = useAppAndBrowser();

  it('editor: completion from the cluster, hover docs, live diagnostics, Ctrl+Enter, line highlight, Esc then Tab', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    try {
      await signUpViaUi(page, uniqueEmail('editor'));
      await page.goto('/scenarios/allow-from-namespace');
      await page.locator('[data-editor-ready="true"]').waitFor();

      // completion: namespace label keys, then values that exist in the cluster
      await setEditorText(page, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-monitoring\n  namespace: prod\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels:\n          ');
      await page.keyboard.type('kub');
      const options = page.locator('.cm-tooltip-autocomplete li');
      await options.first().waitFor();
      expect(await options.allInnerTexts()).toEqual([expect.stringContaining('kubernetes.io/metadata.name')]);
      // CodeMirror ignores Enter for 75 ms after the list changes (interactionDelay); a click always applies.
      await options.first().click();
      await page.keyboard.type('mon');
      await options.first().waitFor();
      expect((await options.allInnerTexts()).map((t) => t.replace(/monitoring$/, ''))).toEqual(['monitoring']);
      await options.first().click();
      expect(await editorText(page)).toContain('kubernetes.io/metadata.name: monitoring');

      // live diagnostics: an invalid port is underlined (not graded)
      await page.keyboard.insertText('\n    ports:\n    - port: 70000\n');
      await page.locator('.cm-lintRange-error').first().waitFor();

      // hover docs on a field
      await page.locator('.cm-line', { hasText: 'namespaceSelector:' }).getByText('namespaceSelector').hover();
      const tip = page.locator('.cm-tooltip-hover');
      await tip.waitFor();
      expect(await tip.innerText()).toMatch(/spec\.ingress\[\]\.from\[\]\.namespaceSelector[\s\S]*kubernetes\.io\/metadata\.name/);

      // Ctrl+Enter submits from the editor: the invalid port comes back with its line
      await page.locator('.cm-content').click();
      await page.keyboard.press('ControlOrMeta+Enter');
      await page.getByTestId('result-panel').waitFor();
      expect(await page.getByTestId('result-panel').innerText()).toMatch(/line 14, column \d+: spec\.ingress\[0\]\.ports\[0\]\.port: Invalid value: 70000/);

      // a graded wrong answer: flows, expected vs actual, reason with policy and rule; the line button highlights
      await setEditorText(page, MONITORING_ALL_PORTS);
      await page.getByTestId('submit').click();
      await page.getByTestId('failed-flows').waitFor();
      const failed = await page.getByTestId('failed-flows').innerText();
      expect(failed).toMatch(/monitoring\/prometheus → prod\/\w+ :(80|8080|5432)\/TCP/);
      expect(failed).toMatch(/expected\s+denied,\s+got\s+allowed/);
      expect(failed).toMatch(/prod\/allow-monitoring spec\.ingress\[0\] \(line 9\)/);
      expect(failed).not.toMatch(/:9090\/TCP/); // flows the answer gets right are not listed before the reveal
      await page.getByRole('button', { name: 'show the responsible rule at line 9 in the editor' }).first().click();
      const highlighted = page.locator('.cm-np-highlight');
      await highlighted.waitFor();
      expect(await highlighted.innerText()).toBe('  - from:');
      // the matrix is text too: a mismatch says so
      expect(await page.getByTestId('result-panel').innerText()).toMatch(/allowed, expected denied: wrong/);
      await saveScreenshot(page, 'exercise-feedback-editor');

      // keyboard: Tab indents inside the editor; Esc then Tab leaves it for the Submit button
      await page.locator('.cm-content').click();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.cm-editor'))).toBe(true);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('submit');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('remembers vim mode and the draft, keeps the draft when the session is lost, gives hints and the solution', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    try {
      await signUpViaUi(page, uniqueEmail('draft'));
      await page.goto('/scenarios/default-deny-ingress');
      await page.locator('[data-editor-ready="true"]').waitFor();

      // Wait for each response from before the action that sends it (waiting after could miss a fast answer).
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/me/preferences') && r.status() === 200), page.getByLabel('Vim mode').check()]);
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/draft') && r.request().method() === 'PUT' && r.status() === 200), setEditorText(page, '# my draft\n')]);
      await page.reload();
      await page.locator('[data-editor-ready="true"]').waitFor();
      expect(await page.getByLabel('Vim mode').isChecked()).toBe(true);
      await page.locator('.cm-vimMode').waitFor();
      expect(await editorText(page)).toContain('# my draft');
      await page.getByLabel('Vim mode').uncheck();

      // hints one by one
      await page.getByRole('button', { name: 'Show a hint' }).click();
      await page.getByTestId('hints').waitFor();
      expect(await page.getByTestId('hints').locator('li').count()).toBe(1);

      // the session is lost: submitting asks to sign in again, and the draft survives a reload
      await context.clearCookies();
      await setEditorText(page, '# typed while signed out\n');
      await page.getByTestId('submit').click();
      const alert = page.getByRole('alert').filter({ hasText: 'Sign in' });
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/session has expired[\s\S]*draft is kept/i);
      await page.reload();
      await page.locator('[data-editor-ready="true"]').waitFor();
      await page.waitForFunction(() => (document.querySelector('.cm-content') as HTMLElement | null)?.innerText.includes('typed while signed out'));
    } finally {
      await context.close();
    }
  }, 180_000);

  it('give-up shows the solution with a diff against the answer', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    page.on('dialog', (d) => void d.accept());
    try {
      await signUpViaUi(page, uniqueEmail('giveup'));
      await page.goto('/scenarios/default-deny-ingress');
      await page.locator('[data-editor-ready="true"]').waitFor();
      expect(await page.getByTestId('solution-panel').count()).toBe(0);
      await setEditorText(page, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n');
      await page.getByRole('button', { name: /give up/i }).click();
      const panel = page.getByTestId('solution-panel');
      await panel.waitFor();
      expect(await panel.innerText()).toMatch(/Reference solution[\s\S]*podSelector: \{\}/);
      await panel.getByText('Your answer vs the solution').click();
      expect(await panel.innerText()).toMatch(/only in the solution:\s*\n?\s*metadata:/);
    } finally {
      await context.close();
    }
  }, 180_000);

  // predict-union's 10 flows lie in three tables (80, 8080, 9090/TCP); rows and columns sorted by namespace/pod.
  it('predict: answered in the grid with the keyboard (arrows, a/d, Space/Enter), graded in the same grid; the list view still works and is remembered', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    try {
      await signUpViaUi(page, uniqueEmail('predict'));
      await page.goto('/scenarios/predict-union');
      const sheet = page.getByTestId('predict-grid');
      await sheet.waitFor();
      expect(await sheet.getAttribute('data-view')).toBe('grid');
      const tables = sheet.getByTestId('predict-table');
      expect(await tables.evaluateAll((ts) => ts.map((t) => t.getAttribute('data-port')))).toEqual(['80/TCP', '8080/TCP', '9090/TCP']);
      expect(await sheet.getByTestId('predict-count').innerText()).toBe('0 of 10 flows answered');
      // a real table: column and row headers, inert cells that are not asked, one Tab stop per table
      const first = tables.first();
      expect(await first.locator('thead th[scope="col"]').allInnerTexts()).toEqual([expect.stringContaining('from'), 'media/frontend', 'other/client']);
      expect(await first.locator('tbody th[scope="row"]').allInnerTexts()).toEqual(['media/thumbnailer', 'media/transcoder', 'monitoring/prometheus']);
      expect(await first.locator('td[data-asked="false"]').count()).toBe(3);
      expect(await first.locator('td[data-asked="false"] button').count()).toBe(0);
      for (let i = 0; i < 3; i++) expect(await tables.nth(i).locator('button[tabindex="0"]').count()).toBe(1);

      const active = () => page.evaluate(() => ({ key: document.activeElement?.getAttribute('data-key'), label: document.activeElement?.getAttribute('aria-label') }));
      const press = async (...keys: string[]) => {
        for (const k of keys) await page.keyboard.press(k);
      };
      // Tab from the layout toggle reaches the first table's first flow
      await sheet.getByRole('button', { name: 'List' }).focus();
      await press('Tab');
      expect((await active()).key).toBe('media/thumbnailer|media/frontend|80|TCP');
      await press('d', 'ArrowRight', 'a', 'ArrowDown', 'a');
      expect(await active()).toEqual({ key: 'monitoring/prometheus|other/client|80|TCP', label: 'monitoring/prometheus to other/client on 80/TCP: allowed' });
      expect(await first.locator('[data-value="denied"]').innerText()).toBe('✗ denied');
      // Tab leaves the table for the next one (not the next cell)
      await press('Tab');
      expect((await active()).key).toBe('media/frontend|media/thumbnailer|8080|TCP');
      await press('d', 'ArrowRight', 'a', 'ArrowDown', 'd', 'ArrowDown', 'd');
      expect((await active()).key).toBe('other/client|media/transcoder|8080|TCP');
      await press('Tab');
      expect((await active()).key).toBe('media/frontend|media/transcoder|9090|TCP');
      // Space cycles not answered → allowed; Enter cycles allowed → denied: one wrong answer on purpose
      await press('d', 'ArrowDown', 'Space', 'ArrowLeft', 'Enter', 'Enter');
      expect(await active()).toEqual({ key: 'monitoring/prometheus|media/thumbnailer|9090|TCP', label: 'monitoring/prometheus to media/thumbnailer on 9090/TCP: denied' });
      expect(await page.getByTestId('predict-announce').innerText()).toMatch(/^monitoring\/prometheus to media\/thumbnailer on 9090\/TCP: denied\. 10 of 10 answered$/);
      expect(await sheet.getByTestId('predict-count').innerText()).toBe('10 of 10 flows answered');
      // a cycle past denied clears the cell, and `a` sets it back (then `d` again: still the wrong answer)
      await press('Space');
      expect(await sheet.getByTestId('predict-count').innerText()).toBe('9 of 10 flows answered');
      await press('a', 'd');

      // Ctrl+Enter on a cell submits without changing it
      await press('ControlOrMeta+Enter');
      const result = page.getByTestId('result-panel');
      await result.waitFor();
      expect((await active()).label).toBe('monitoring/prometheus to media/thumbnailer on 9090/TCP: denied');
      const text = await result.innerText();
      expect(text).toMatch(/9 of 10 checks/);
      expect(text).toMatch(/monitoring\/prometheus → media\/thumbnailer :9090\/TCP\s+expected\s+allowed,\s+you answered\s+denied/);
      // the results in the answer sheet's layout: 9 right, 1 wrong with the truth
      const graded = result.getByTestId('predict-result-grid');
      expect(await graded.getByTestId('predict-table').evaluateAll((ts) => ts.map((t) => t.getAttribute('data-port')))).toEqual(['80/TCP', '8080/TCP', '9090/TCP']);
      expect(await graded.locator('[data-verdict="right"]').count()).toBe(9);
      const wrong = graded.locator('[data-verdict="wrong"]');
      expect(await wrong.getAttribute('data-key')).toBe('monitoring/prometheus|media/thumbnailer|9090|TCP');
      expect(await wrong.innerText()).toMatch(/you answered denied, it is allowed: wrong/);
      await saveScreenshot(page, 'exercise-predict');

      // the list view: same answers, editable, remembered across a reload, and it submits
      await sheet.getByRole('button', { name: 'List' }).click();
      expect(await sheet.getAttribute('data-view')).toBe('list');
      const groups = sheet.locator('fieldset');
      expect(await groups.count()).toBe(10);
      const wrongGroup = groups.filter({ hasText: 'monitoring/prometheus → media/thumbnailer :9090/TCP' });
      expect(await wrongGroup.getByLabel('✗ denied').isChecked()).toBe(true);
      await wrongGroup.getByLabel('✓ allowed').check();
      await page.reload();
      await sheet.waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="predict-grid"]')?.getAttribute('data-view') === 'list');
      await sheet.getByRole('button', { name: 'Grid' }).click();
      expect(await sheet.locator('[data-key="monitoring/prometheus|media/thumbnailer|9090|TCP"]').getAttribute('data-value')).toBe('allowed');
      await sheet.getByRole('button', { name: 'List' }).click();
      await page.getByTestId('submit').click();
      await page.getByTestId('result-status').filter({ hasText: 'Passed' }).waitFor();
      expect(await page.getByTestId('result-score').innerText()).toMatch(/10 of 10 checks/);
    } finally {
      await context.close();
    }
  }, 180_000);
});
