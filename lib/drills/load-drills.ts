import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDrillYaml } from '@/lib/scenarios/parse-scenario';
import type { TDrill } from '@/lib/scenarios/schema';

/** The content root the app reads (`<cwd>/content`, or `CONTENT_DIR`). */
export function contentRoot(): string {
  return process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content');
}

/**
 * The drill files under `<root>/drills/*.yaml`, validated, sorted by slug. Drills are not stored in the
 * database: they are read at request time (a handful of small files), so an edited file applies at once.
 * Invalid files are skipped here; `npm run content:check` reports them.
 */
export function loadDrills(root: string = contentRoot()): TDrill[] {
  const dir = path.join(root, 'drills');
  if (!existsSync(dir)) return [];
  const out: TDrill[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const { content } = parseDrillYaml(readFileSync(path.join(dir, name), 'utf8'));
    if (content && content.slug === name.replace(/\.ya?ml$/, '')) out.push(content);
  }
  return out;
}

/** One drill file by slug, or null. */
export function findDrill(slug: string, root: string = contentRoot()): TDrill | null {
  return loadDrills(root).find((d) => d.slug === slug) ?? null;
}
