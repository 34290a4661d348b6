import fs from 'node:fs';
import path from 'node:path';

/** The app's API folder; route files under it are found on disk so a new route is covered without edits. */
export const API_DIR = path.join(__dirname, '..', '..', 'app', 'api');

/** The HTTP methods a Next route file may export. */
export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

/** A Next App Router route handler as the tests call it. */
export type THandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every `route.ts` under `dir` (default: app/api), next-auth's own catch-all excluded (tested on its own). */
export function listApiRouteFiles(dir: string = API_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return listApiRouteFiles(p);
      return e.name === 'route.ts' ? [p] : [];
    })
    .filter((f) => !f.includes('[...nextauth]'));
}

/** URL pattern of a route file, e.g. `/api/scenarios/[slug]/attempts`. */
export function routePattern(file: string): string {
  return '/api/' + path.relative(API_DIR, path.dirname(file)).split(path.sep).join('/');
}
