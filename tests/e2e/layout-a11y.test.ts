import { describeBrowser, newPage, useAppAndBrowser } from './harness';

describeBrowser('layout and catalog: keyboard, landmarks, no-JS filters', () => {
  const suite = useAppAndBrowser();

  it('starts keyboard focus on a skip link that jumps to the main content', async () => {
    const { context, page } = await newPage(suite.browser, suite.app.baseUrl);
    try {
      await page.goto('/scenarios');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Skip to content');
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
      await expect(page.locator('nav[aria-label="Main"] a[aria-current="page"]').innerText()).resolves.toBe('Scenarios');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('filters and searches the catalog with JavaScript disabled', async () => {
    const context = await suite.browser.newContext({ baseURL: suite.app.baseUrl, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto('/scenarios');
      const all = await page.locator('ul[aria-label="Scenarios"] > li').count();
      expect(all).toBeGreaterThanOrEqual(4);
      await page.getByLabel('Search').fill('deny all ingress');
      await page.getByLabel('Difficulty').selectOption('1');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/q=deny\+all\+ingress/);
      const titles = await page.locator('ul[aria-label="Scenarios"] > li h2').allInnerTexts();
      expect(titles).toContain('Deny all ingress in prod');
      expect(titles.length).toBeLessThan(all);
      await expect(page.getByText(/\d+ of \d+ scenarios match/).innerText()).resolves.toMatch(new RegExp(`^${titles.length} of ${all} scenarios match`));
    } finally {
      await context.close();
    }
  }, 60_000);
});
