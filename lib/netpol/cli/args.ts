/** Parsed command line: the command, `--flag value` / `--flag=value` options, and positional words. */
export type ParsedArgs = { command: string | undefined; options: Record<string, string>; positionals: string[]; errors: string[] };

/** Flags that take no value. */
const BOOLEAN_FLAGS = new Set(['help', 'h']);

/** Parses `netpol <command> [--flag value | --flag=value]...`; a repeated flag keeps its last value. */
export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { command: undefined, options: {}, positionals: [], errors: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--') || (a.startsWith('-') && a.length === 2)) {
      const body = a.replace(/^--?/, '');
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      if (eq >= 0) out.options[name] = body.slice(eq + 1);
      else if (BOOLEAN_FLAGS.has(name)) out.options[name] = 'true';
      else if (i + 1 < argv.length) out.options[name] = argv[++i];
      else out.errors.push(`flag needs an argument: --${name}`);
    } else if (out.command === undefined) {
      out.command = a;
    } else {
      out.positionals.push(a);
    }
  }
  return out;
}
