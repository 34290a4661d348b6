/**
 * A browser-less session against a running app (tests/e2e/harness startApp): sign up over the API and sign in
 * through next-auth's credentials flow (csrf → callback), as the sign-in form does. Used by the load bench,
 * the fault tests and the security browser tests.
 */

/** Keeps the cookies a response sets, as a browser would. */
export function mergeCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

/** The Cookie header for a jar. */
export function cookieHeader(jar: Map<string, string>): string {
  return [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** next-auth's credentials sign-in; returns the Cookie header with the session, or throws with the answer. */
export async function signInHttp(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  mergeCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/scenarios`, json: 'true' }),
  });
  mergeCookies(jar, res);
  if (!jar.has('next-auth.session-token')) throw new Error(`sign-in of ${email} failed: HTTP ${res.status} ${await res.text()}`);
  return cookieHeader(jar);
}

/** Sign up over the API (201) and sign in; returns the Cookie header. */
export async function signUpHttp(baseUrl: string, email: string, password = 'Correct-Horse-42'): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 201) throw new Error(`sign-up of ${email} failed: HTTP ${res.status} ${await res.text()}`);
  return signInHttp(baseUrl, email, password);
}
