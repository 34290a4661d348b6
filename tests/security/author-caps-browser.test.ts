/**
 * The author editor shows a section over its size cap live (lib/authoring/section-limits.ts, run in the browser)
 * without sending it to the live check, and the server refuses to save it with the same words (the request
 * schema runs before any parsing: tests/integration/author/section-limits.test.ts).
 */
import type { Page } from 'playwright-core';
import { db } from '@/lib/db/client';
import { describeBrowser, newPage, signUpViaUi, uniqueEmail, useAppAndBrowser } from '@/tests/e2e/harness';

// Replace the text of the CodeMirror editor inside `#<id>` as one input.
async function setCodeMirror(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`#${id} .cm-content`).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describeBrowser('author editor: a section over its cap', () => {
  const suite = useAppAndBrowser();
  const slug = `e2e-caps-${Date.now().toString(36)}`;

  afterAll(async () => {
    await db.scenario.deleteMany({ where: { slug } });
    await db.$disconnect();
  });

  it('is named with its size and the cap as you type, is not sent to the live check, and saving it is refused with the same words', async () => {
    const { page, context } = await newPage(suite.browser, suite.app.baseUrl);
    try {
      const email = uniqueEmail('caps');
      await signUpViaUi(page, email);
      await db.user.update({ where: { email }, data: { role: 'instructor' } });
      await page.goto('/author');
      const newForm = page.locator('form', { has: page.getByRole('heading', { name: 'New scenario' }) });
      await newForm.getByLabel(/Slug/).fill(slug);
      await newForm.getByLabel('Title').fill('Caps');
      await newForm.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL((u) => u.pathname === `/author/${slug}`);
      await page.locator('#cluster-editor .cm-content').waitFor();
      await page.waitForFunction(() => /checked in/.test(document.querySelector('[data-testid="validation-status"]')?.textContent ?? ''));

      const sent: number[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/api/author/validate')) sent.push((r.postData() ?? '').length);
      });
      // 70 000 bytes of YAML comments: valid YAML, over the 64 KiB cap.
      const big = `# ${'x'.repeat(97)}\n`.repeat(700);
      await setCodeMirror(page, 'cluster-editor', big);
      await page.waitForFunction(() => /too long/.test(document.querySelector('[data-testid="validation"]')?.textContent ?? ''));
      const panel = await page.getByTestId('validation').innerText();
      expect(panel).toContain('Cluster: too long: 70000 bytes (68.4 KiB), must have at most 65536 bytes (64 KiB)');
      await expect(page.getByTestId('validation-status').getAttribute('data-ok')).resolves.toBe('false');
      await expect(page.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);
      expect(sent.every((n) => n < 65_536)).toBe(true);

      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Not saved' }).innerText()).resolves.toContain('form.cluster: too long: 70000 bytes (68.4 KiB), must have at most 65536 bytes (64 KiB)');
    } finally {
      await context.close();
    }
  }, 120_000);
});
