import type { Page } from 'playwright-core';
import { db } from '@/lib/db/client';
import { describeBrowser, newPage, saveScreenshot, setEditorText, signUpViaUi, uniqueEmail, useAppAndBrowser } from './harness';

const FIXED_SOLUTION = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-allow-frontend
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: frontend
      ports:
        - port: 80
`;

const FIRST_EXPECTATION = `- from: shop/frontend
  to: shop/web
  port: 80
  protocol: TCP
  allowed: true
  why: the frontend calls the web tier on port 80
`;

// The editor page has several CodeMirror editors: replace the text of the one inside `#<id>`.
async function setCodeMirror(page: Page, id: string, text: string): Promise<void> {
  const content = page.locator(`#${id} .cm-content`);
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function validationSettled(page: Page): Promise<{ ok: boolean; text: string }> {
  await page.waitForFunction(() => /checked in/.test(document.querySelector('[data-testid="validation-status"]')?.textContent ?? ''));
  const status = page.getByTestId('validation-status');
  return { ok: (await status.getAttribute('data-ok')) === 'true', text: await page.getByTestId('validation').innerText() };
}

async function addFromMatrix(page: Page, from: string, to: string, why: string): Promise<void> {
  const cell = page.locator(`[data-testid="author-matrix"] button[data-from="${from}"][data-to="${to}"][data-port="80"]`);
  await cell.click();
  await page.getByLabel(/^Why/).fill(why);
  await page.getByRole('button', { name: 'Add expectation' }).click();
  // The expectation is on the cell once the next validation answers.
  await page.waitForSelector(`[data-testid="author-matrix"] button[data-from="${from}"][data-to="${to}"][data-port="80"][aria-pressed="true"]`);
}

describeBrowser('instructor flow: author, validate, fix, matrix, publish; a learner solves it', () => {
  const suite = useAppAndBrowser();
  const slug = `e2e-web-${Date.now().toString(36)}`;

  afterAll(async () => {
    await db.attempt.deleteMany({ where: { scenarioSlug: slug } });
    await db.scenario.deleteMany({ where: { slug } });
    await db.$disconnect();
  });

  it('publishes a scenario written from scratch that a learner then solves', async () => {
    const instructor = await newPage(suite.browser, suite.app.baseUrl);
    const email = uniqueEmail('instructor');
    try {
      const page = instructor.page;
      await signUpViaUi(page, email);
      // The documented way is `npm run user:create -- --role instructor`; here the role is set directly.
      await db.user.update({ where: { email }, data: { role: 'instructor' } });

      await page.goto('/author');
      await page.getByRole('heading', { name: 'New scenario' }).waitFor();
      const newForm = page.locator('form', { has: page.getByRole('heading', { name: 'New scenario' }) });
      await newForm.getByLabel(/Slug/).fill(slug);
      await newForm.getByLabel('Title').fill('Only the frontend reaches web');
      await newForm.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL((u) => u.pathname === `/author/${slug}`);
      await page.locator('#solution-editor .cm-content').waitFor();
      await page.locator('#expectations-editor .cm-content').waitFor();

      // 1. The task says frontend → web must work; the template's solution denies it: the check fails.
      await page.getByLabel('Task (Markdown)').fill('Create a NetworkPolicy named `web-allow-frontend` in namespace `shop` so that only `frontend` reaches `web` on port 80.\n');
      await setCodeMirror(page, 'expectations-editor', FIRST_EXPECTATION);
      let v = await validationSettled(page);
      await page.waitForFunction(() => /solution fails shop\/frontend → shop\/web/.test(document.querySelector('[data-testid="validation"]')?.textContent ?? ''));
      v = await validationSettled(page);
      expect(v.ok).toBe(false);
      expect(v.text).toMatch(/expected allowed, got denied/);
      await expect(page.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);
      await expect(page.getByTestId('task-preview').innerText()).resolves.toContain('web-allow-frontend');

      // 2. Fix the reference solution: the solution error goes away (too few expectations remain).
      await setCodeMirror(page, 'solution-editor', FIXED_SOLUTION);
      await page.waitForFunction(() => {
        const t = document.querySelector('[data-testid="validation"]')?.textContent ?? '';
        return /checked in/.test(t) && !/solution fails/.test(t) && /at least 6/.test(t);
      });

      // 3. Add expectations from the matrix, each with its one-line why.
      await addFromMatrix(page, 'dev/tester', 'shop/web', 'only frontend may reach web; other namespaces are denied');
      await addFromMatrix(page, 'shop/db', 'shop/web', 'pods in shop other than frontend are denied too');
      await addFromMatrix(page, 'shop/web', 'shop/frontend', 'the policy only isolates web, frontend stays open');
      await addFromMatrix(page, 'dev/tester', 'shop/frontend', 'frontend is not selected by the policy');
      await addFromMatrix(page, 'shop/web', 'shop/db', 'egress from web is not isolated');
      await page.waitForFunction(() => document.querySelector('[data-testid="validation-status"]')?.getAttribute('data-ok') === 'true');
      v = await validationSettled(page);
      expect(v.text).toMatch(/Passes every content check/);
      expect(v.text).toMatch(/6 of 6 connectivity-changing mutants caught/);
      await saveScreenshot(page, 'authoring');
      if (process.env.E2E_SCREENSHOTS) {
        // The README's picture: the live check and the clickable matrix side by side with the editor.
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.locator('#solution-editor').scrollIntoViewIfNeeded();
        await saveScreenshot(page, 'authoring-matrix', { fullPage: false });
      }

      // 4. Publish (saves first).
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByText(/Published: learners now get version 1/).waitFor();
      const row = await db.scenario.findFirstOrThrow({ where: { slug } });
      expect(row).toMatchObject({ version: 1, published: true, source: 'author' });
    } finally {
      await instructor.context.close();
    }

    // 5. A learner finds it and solves it.
    const learner = await newPage(suite.browser, suite.app.baseUrl);
    try {
      const page = learner.page;
      await signUpViaUi(page, uniqueEmail('learner'));
      await page.goto(`/scenarios/${slug}`);
      await page.getByRole('heading', { name: 'Only the frontend reaches web' }).first().waitFor();
      await page.locator('.cm-content').first().waitFor();
      await setEditorText(page, FIXED_SOLUTION);
      await page.getByRole('button', { name: /^submit/i }).click();
      await page.waitForFunction(() => /passed/i.test(document.querySelector('[data-testid="result-status"]')?.textContent ?? ''));
      await expect(page.getByTestId('result-score').innerText()).resolves.toMatch(/100%/);
      // The author pages stay closed to learners, and the reference solution never reached this page.
      expect((await page.goto(`/author/${slug}`))?.status()).toBe(404);
      expect((await page.goto(`/author/${slug}/preview`))?.status()).toBe(404);
      expect((await page.request.get(`/api/author/scenarios/${slug}/export`)).status()).toBe(403);
    } finally {
      await learner.context.close();
    }
  }, 240_000);
});
