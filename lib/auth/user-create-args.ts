import { z } from 'zod';
import { ZEmail } from './email';
import { ZNewPassword } from './password';
import { ZRole } from './roles';

/** `npm run user:create` options. */
export const ZUserCreateArgs = z.object({
  email: ZEmail,
  password: ZNewPassword,
  role: ZRole.default('learner'),
  name: z.string().trim().max(80).optional(),
});
/** `npm run user:create` options. */
export type TUserCreateArgs = z.infer<typeof ZUserCreateArgs>;

/** Usage text of `npm run user:create`. */
export const USER_CREATE_USAGE = 'usage: npm run user:create -- --email E --password P [--role learner|instructor|admin] [--name N]';

/** Parse `--email E --password P [--role R] [--name N]` (also `--flag=value`); throws with a readable message. */
export function parseUserCreateArgs(argv: string[]): TUserCreateArgs {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--(email|password|role|name)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument \`${arg}\`\n${USER_CREATE_USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`missing value for --${m[1]}\n${USER_CREATE_USAGE}`);
    raw[m[1]] = value;
  }
  const parsed = ZUserCreateArgs.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`);
    throw new Error(`${lines.join('\n')}\n${USER_CREATE_USAGE}`);
  }
  return parsed.data;
}
