import { z } from 'zod';
import { isSocketAddressPreloaded } from '@/lib/security/client-address';

/** Server configuration, validated once per process; every field has a default or is optional so `npm run dev` just works. */
export const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Set by scripts/with-db.js (embedded PostgreSQL) or by the operator for their own server.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional(),
  // Signs session tokens; with-db writes a random one to .env.local on first run.
  AUTH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  NEXTAUTH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  NEXTAUTH_URL: z.url().optional(),
  // GitHub sign-in is offered only when both are set.
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  // First admin, created on first sign-in attempt if that account does not exist.
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  // Connections the app's pool may open (per process).
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // Rightmost X-Forwarded-For entries written by trusted infrastructure (1: one ingress; 0: no proxy, the
  // header is rewritten from the socket by lib/security/client-address-preload.cjs); see lib/security.
  TRUST_PROXY_HOPS: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(1)
    .refine((hops) => hops !== 0 || isSocketAddressPreloaded(), {
      message: '0 (no proxy) needs NODE_OPTIONS=--require=./lib/security/client-address-preload.cjs, else a forged X-Forwarded-For would be trusted',
    }),
  // Scales every rate limit (e.g. 1000 for load benchmarks from one address); 1 in production.
  RATE_LIMIT_MULTIPLIER: z.coerce.number().min(0.01).max(1_000_000).default(1),
});

/** Validated server configuration. */
export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | null = null;

// Empty strings from shells and .env files mean "unset", not "invalid".
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) if (value !== undefined && value !== '') out[key] = value;
  return out;
}

/** Parse `source` (default `process.env`) into TEnv; throws one error listing every invalid variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): TEnv {
  const result = ZEnv.safeParse(withoutEmpty(source));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return result.data;
}

/** The process's configuration, parsed on first use and cached. */
export function getEnv(): TEnv {
  if (!cached) cached = parseEnv();
  return cached;
}
