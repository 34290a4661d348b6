/**
 * First-load JavaScript of the exercise page (issue 5 quality bar: under 350 KB gzipped). Next 16's Turbopack
 * build no longer prints per-route sizes, so this measures what a browser downloads: every <script src> of the
 * server-rendered page, gzipped (level 9). The CodeMirror chunk is loaded after hydration and is reported
 * separately. Not a test: it prints figures.
 *
 *   node scripts/with-db.js --mode test -- npx tsx tests/integration/exercise/first-load-js.bench.ts [slug]
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findChrome, startApp } from '../../e2e/harness';

const slug = process.argv[2] ?? 'default-deny-ingress';

async function gzSize(url: string): Promise<{ raw: number; gz: number }> {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  return { raw: body.length, gz: gzipSync(body, { level: 9 }).length };
}

async function main() {
  const app = await startApp();
  try {
    const pageUrl = `${app.baseUrl}/scenarios/${slug}`;
    const html = await (await fetch(pageUrl)).text();
    const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
    // The polyfill bundle is `nomodule`: modern browsers skip it.
    const noModule = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*\bnomodule\b/gi)].map((m) => m[1]));
    const modern = srcs.filter((s) => !noModule.has(s));
    let gz = 0;
    let raw = 0;
    for (const s of modern) {
      const size = await gzSize(`${app.baseUrl}${s}`);
      gz += size.gz;
      raw += size.raw;
    }
    console.log(`first-load JS of /scenarios/${slug}: ${(gz / 1024).toFixed(1)} KiB gzipped (${(raw / 1024).toFixed(1)} KiB raw) in ${modern.length} scripts; target < 350 KB -> ${gz < 350_000 ? 'met' : 'NOT met'}`);

    const chrome = findChrome();
    if (!chrome) {
      console.log('(no chromium: lazy editor chunks not measured)');
      return;
    }
    // What loads after hydration: the editor chunk(s).
    const browser = await chromium.launch({ executablePath: chrome, headless: true, args: CHROME_FLAGS });
    try {
      const page = await browser.newPage();
      const loaded: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/_next/static/') && r.url().endsWith('.js')) loaded.push(new URL(r.url()).pathname);
      });
      await page.goto(pageUrl);
      await page.locator('[data-editor-ready="true"]').waitFor({ timeout: 30_000 });
      const lazy = [...new Set(loaded)].filter((p) => !modern.includes(p));
      let lazyGz = 0;
      for (const p of lazy) lazyGz += (await gzSize(`${app.baseUrl}${p}`)).gz;
      console.log(`loaded after hydration (editor, engine, YAML): ${(lazyGz / 1024).toFixed(1)} KiB gzipped in ${lazy.length} scripts`);
    } finally {
      await browser.close();
    }
  } finally {
    await app.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
