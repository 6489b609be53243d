import { readFileSync } from 'node:fs';
import { type CommandDef, defineCommand, renderUsage as renderCittyUsage, runCommand } from 'citty';
import { subCommands } from './commands/registry.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type Io, UsageError, describeError, processIo } from './io.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
export const VERSION = pkg.version;

export const root = defineCommand({
  meta: {
    name: 'briefs',
    version: VERSION,
    description: 'Briefing packs, tables and ASTs from policy articles.',
  },
  subCommands,
});

/** citty colours its usage; keep escapes off pipes, files and NO_COLOR terminals. */
async function renderUsage(command: CommandDef, parent?: CommandDef): Promise<string> {
  const text = await renderCittyUsage(command, parent);
  const colour = process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return colour ? text : text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** The one place that prints failures and chooses the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const args = [...argv];
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    io.out(`${await renderUsage(root)}\n`);
    return args.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  if (args[0] === '--version' || args[0] === '-v') {
    io.out(`${VERSION}\n`);
    return EXIT_OK;
  }
  const name = args[0]!;
  const load = subCommands[name];
  if (!load) {
    io.err(`briefs: unknown command '${name}'. Run 'briefs --help' for the commands.\n`);
    return EXIT_USAGE;
  }
  const command = await load();
  const rest = args.slice(1);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${await renderUsage(command, root)}\n`);
    return EXIT_OK;
  }
  try {
    checkKnownOptions(command, rest);
    const { result } = await runCommand(command, { rawArgs: rest });
    return typeof result === 'number' ? result : EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string })?.code === 'EARG') {
      io.err(`briefs ${name}: ${describeError(error)}\n\n${await renderUsage(command, root)}\n`);
      return EXIT_USAGE;
    }
    io.err(`briefs ${name}: ${describeError(error)}\n`);
    if (process.env.BRIEFS_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    return EXIT_FAILED;
  }
}

/** citty accepts any `--flag`; a typo should be a usage error, not silently ignored. */
function checkKnownOptions(command: CommandDef, argv: readonly string[]): void {
  const args = (typeof command.args === 'object' ? command.args : {}) as Record<string, { alias?: string | string[]; type?: string }>;
  const known = new Set<string>();
  for (const [key, def] of Object.entries(args)) {
    if (def.type === 'positional') continue;
    known.add(key);
    known.add(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    if (def.type === 'boolean') known.add(`no-${key}`);
    for (const alias of [def.alias ?? []].flat()) known.add(alias);
  }
  for (const arg of argv) {
    if (arg === '--') break;
    const match = /^--?([^=]+)/.exec(arg);
    if (!match || /^-\d/.test(arg)) continue;
    if (!known.has(match[1]!)) throw new UsageError(`unknown option '${arg.split('=')[0]}'`);
  }
}
