/** Shared plumbing for the author/cohort integration tests: a fake session and route calls as Next makes them. */
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db/client';

/** The session the mocked next-auth returns (set per call with `as`). */
export const session: { userId: string | null } = { userId: null };

/** Makes the next calls as this user (null: anonymous). */
export function as(userId: string | null): void {
  session.userId = userId;
}

/** A route handler with or without dynamic params. */
export type THandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a handler with a JSON body (or none) and the given params; returns status and parsed body. */
export async function call(handler: unknown, method: string, opts: { params?: Record<string, string>; json?: unknown; url?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers(opts.headers);
  let body: string | undefined;
  if (opts.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(opts.json);
  }
  const req = new Request(opts.url ?? 'http://localhost/api/test', { method, headers, body });
  const res = await (handler as THandler)(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, text, json: json as Record<string, unknown> | null, headers: res.headers };
}

/** A fresh user with this role; ids are collected for cleanup. */
export async function newUser(role: 'learner' | 'instructor' | 'admin', created: string[]): Promise<string> {
  const u = await db.user.create({ data: { email: `author-${role}-${randomBytes(6).toString('hex')}@example.test`, name: `Test ${role}`, role } });
  created.push(u.id);
  return u.id;
}

/** A unique slug for this test run. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
