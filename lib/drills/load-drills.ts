import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDrillYaml } from '@/lib/scenarios/parse-scenario';
import type { TDrill } from '@/lib/scenarios/schema';

/** The content root the app reads (`<cwd>/content`, or `CONTENT_DIR`). */
export function contentRoot(): string {
  return process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content');
}

// Parsed drill files by path, with the modification time and size they were parsed at.
const parsedFiles = new Map<string, { mtimeMs: number; size: number; drill: TDrill | null }>();

/** The drill in `file`, parsed again only when the file changed since the last read (stat is cheap, parsing is not). */
function readDrillFile(file: string): TDrill | null {
  const st = statSync(file);
  const hit = parsedFiles.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.drill;
  const { content } = parseDrillYaml(readFileSync(file, 'utf8'));
  if (parsedFiles.size > 1000) parsedFiles.clear(); // a content tree has a handful of drills; bound it anyway
  parsedFiles.set(file, { mtimeMs: st.mtimeMs, size: st.size, drill: content });
  return content;
}

/**
 * The drill files under `<root>/drills/*.yaml`, validated, sorted by slug. Drills are not stored in the
 * database: they are read at request time (a handful of small files), so an edited file applies at once; a
 * file is parsed again only when its modification time or size changed (200 candidates starting a mock exam at
 * once would otherwise parse every drill 200 times). Invalid files are skipped here; `npm run content:check`
 * reports them.
 */
export function loadDrills(root: string = contentRoot()): TDrill[] {
  const dir = path.join(root, 'drills');
  if (!existsSync(dir)) return [];
  const out: TDrill[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const content = readDrillFile(path.join(dir, name));
    if (content && content.slug === name.replace(/\.ya?ml$/, '')) out.push(content);
  }
  return out;
}

/** One drill file by slug, or null. */
export function findDrill(slug: string, root: string = contentRoot()): TDrill | null {
  return loadDrills(root).find((d) => d.slug === slug) ?? null;
}
