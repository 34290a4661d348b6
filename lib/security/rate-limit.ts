import { createHash } from 'node:crypto';
import { AppError } from '@/lib/errors';
import { getEnv } from '@/lib/env';
import { hitRateLimits, type TRateLimitCheck, type TRateLimitHit, type TRateLimitResult } from '@/lib/db/rate-limit/hit-rate-limits';
import { clientAddress } from './client-address';

/** The actions that are rate limited. */
export type TRateLimitAction = 'signIn' | 'signUp' | 'submit';

/** Who a counter is about: the account (an email before sign-in, a user id after) or the client's address. */
export type TRateLimitScope = 'account' | 'address';

/** One fixed-window rule: at most `limit` hits per `windowMs` for each account or each address. */
export type TRateLimitRule = { scope: TRateLimitScope; limit: number; windowMs: number };

const MINUTE = 60_000;

/**
 * The limits. Each action counts per account AND per address: the account rule is tight (one person's typos
 * or a script hammering one account), the address rule is wide enough for a classroom or exam hall behind one
 * NAT address (200 candidates) and only stops one address spraying many accounts.
 */
export const RATE_LIMITS: Record<TRateLimitAction, TRateLimitRule[]> = {
  // 10 wrong passwords per 15 min locks only that account; a 200-seat hall gets 600 attempts per 15 min.
  signIn: [
    { scope: 'account', limit: 10, windowMs: 15 * MINUTE },
    { scope: 'address', limit: 600, windowMs: 15 * MINUTE },
  ],
  // Sign-up hashes a password (bcrypt, ~250 ms of CPU): bounded per address; per email it stops 409 probing.
  signUp: [
    { scope: 'account', limit: 5, windowMs: 60 * MINUTE },
    { scope: 'address', limit: 300, windowMs: 15 * MINUTE },
  ],
  // Grading costs CPU: 30 submissions a minute is far above a human's pace; 200 people × 6 a minute per address.
  submit: [
    { scope: 'account', limit: 30, windowMs: MINUTE },
    { scope: 'address', limit: 1200, windowMs: MINUTE },
  ],
};

const ACTION_WORDS: Record<TRateLimitAction, string> = { signIn: 'sign-in attempts', signUp: 'sign-ups', submit: 'submissions' };

/** The outcome of one rate-limited request. */
export type TRateLimitDecision = { allowed: true } | { allowed: false; scope: TRateLimitScope; retryAfterSeconds: number; message: string };

// Keys carry a hash, not the email or address itself: the table holds counters, not personal data.
function keyOf(action: TRateLimitAction, scope: TRateLimitScope, value: string): string {
  return `${action}:${scope}:${createHash('sha256').update(value).digest('hex').slice(0, 32)}`;
}

function minutesText(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** The counters one request bumps for `action`, with the rules they stand for (same order). */
export type TRateLimitPlan = { action: TRateLimitAction; rules: TRateLimitRule[]; hits: TRateLimitHit[] };

/**
 * The counters for one `action` by this account (optional: sign-up with an invalid email has none) and address.
 * Keys carry hashes; limits are scaled by RATE_LIMIT_MULTIPLIER (or `opts.multiplier`).
 */
export function planRateLimit(
  action: TRateLimitAction,
  subject: { account?: string | null; address: string },
  opts: { multiplier?: number; rules?: TRateLimitRule[] } = {},
): TRateLimitPlan {
  const multiplier = opts.multiplier ?? getEnv().RATE_LIMIT_MULTIPLIER;
  const rules = (opts.rules ?? RATE_LIMITS[action]).filter((r) => r.scope === 'address' || Boolean(subject.account));
  const hits = rules.map((r) => ({
    key: keyOf(action, r.scope, r.scope === 'account' ? (subject.account as string) : subject.address),
    limit: Math.max(1, Math.floor(r.limit * multiplier)),
    windowMs: r.windowMs,
  }));
  return { action, rules, hits };
}

/** Denied when any rule is over its limit; the wait is the longest of the exceeded rules' windows. */
export function decideRateLimit(plan: TRateLimitPlan, results: TRateLimitResult[]): TRateLimitDecision {
  const over = results.map((res, i) => ({ res, rule: plan.rules[i] })).filter((x) => !x.res.allowed);
  if (over.length === 0) return { allowed: true };
  const worst = over.reduce((a, b) => (b.res.retryAfterMs > a.res.retryAfterMs ? b : a));
  const retryAfterSeconds = Math.max(1, Math.ceil(worst.res.retryAfterMs / 1000));
  const who = worst.rule.scope === 'account' ? 'for this account' : 'from your network address';
  return { allowed: false, scope: worst.rule.scope, retryAfterSeconds, message: `too many ${ACTION_WORDS[plan.action]} ${who}: try again in ${minutesText(retryAfterSeconds)}` };
}

/**
 * Count one `action` for this account and address, in Postgres so the limits hold across app instances
 * (one round trip for all its counters).
 */
export async function hitRateLimit(
  action: TRateLimitAction,
  subject: { account?: string | null; address: string },
  opts: { now?: Date; multiplier?: number; rules?: TRateLimitRule[] } = {},
): Promise<TRateLimitDecision> {
  const plan = planRateLimit(action, subject, opts);
  return decideRateLimit(plan, await hitRateLimits(plan.hits, opts.now));
}

function throwIfDenied(decision: TRateLimitDecision): void {
  if (!decision.allowed) {
    throw new AppError('RATE_LIMITED', decision.message, { details: { retryAfterSeconds: decision.retryAfterSeconds, scope: decision.scope } });
  }
}

/** Throw AppError RATE_LIMITED (429, `details.retryAfterSeconds` becomes Retry-After) when the request is over a limit. */
export async function enforceRateLimit(action: TRateLimitAction, req: Request, account: string | null | undefined): Promise<void> {
  throwIfDenied(await hitRateLimit(action, { account, address: clientAddress(req.headers, getEnv().TRUST_PROXY_HOPS) }));
}

/**
 * The same limit as enforceRateLimit, for a data-layer function that counts the hits in its own statement (one
 * round trip fewer on the submit hot path): `enforce` throws RATE_LIMITED as enforceRateLimit would.
 */
export function rateLimitCheck(action: TRateLimitAction, req: Request, account: string | null | undefined): TRateLimitCheck {
  const plan = planRateLimit(action, { account, address: clientAddress(req.headers, getEnv().TRUST_PROXY_HOPS) });
  return { hits: plan.hits, enforce: (results) => throwIfDenied(decideRateLimit(plan, results)) };
}
