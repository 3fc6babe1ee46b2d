/**
 * The scripts' argument parsing: `node:util` parseArgs, with this project's error wording
 * ("expected one of --a, --b, got --x") and `--help` on every script.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** What parseArgs gives for `options` (strict, positionals allowed): typed values and the positionals. */
export type CliArgs<O extends CliOptions> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** Bad arguments: the message says what was expected and what was given; the CLIs exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Exit code of every script for bad arguments (analyze documents it). */
export const USAGE_EXIT_CODE = 2;

/**
 * parseArgs over `argv` with `options`, throwing UsageError in the project's wording for an
 * unknown option, a value-taking option with none, a switch given a value, or (when
 * `allowPositionals` is false) any positional.
 */
export function parseCliArgs<O extends CliOptions>(argv: readonly string[], options: O, allowPositionals = true): CliArgs<O> {
  // Not strict, so that every problem is found here and worded alike; the checks below make
  // the result what strict parsing would give.
  const { values, positionals, tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
  const known = Object.entries(options).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) throw new UsageError(`expected one of ${known.join(', ')}, got ${token.rawName}`);
    if (option.type === 'string' && token.value === undefined) throw new UsageError(`expected ${token.rawName} to have a value, got nothing`);
    if (option.type === 'boolean' && token.value !== undefined) throw new UsageError(`expected ${token.rawName} without a value, got "${token.value}"`);
  }
  if (!allowPositionals && positionals.length > 0) throw new UsageError(`expected only options (${known.join(', ')}), got "${positionals[0]}"`);
  return { values, positionals } as unknown as CliArgs<O>;
}

/**
 * A script's arguments, or the process ends: `--help` prints `usage` and exits 0; bad
 * arguments print the error and the usage to stderr and exit 2. `options` gets `--help`/`-h`.
 */
export function parseScriptArgs<O extends CliOptions>(
  script: string,
  usage: string,
  argv: readonly string[],
  options: O,
  allowPositionals = true,
): CliArgs<O> {
  try {
    const args = parseCliArgs(argv, { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals);
    if ((args.values as { help?: boolean }).help) {
      console.log(usage);
      process.exit(0);
    }
    return args as unknown as CliArgs<O>;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return exitWithUsage(script, usage, error.message);
  }
}

/** Prints a bad-arguments `message` and the usage to stderr and exits 2. */
export function exitWithUsage(script: string, usage: string, message: string): never {
  console.error(`${script}: ${message}\n\n${usage}`);
  process.exit(USAGE_EXIT_CODE);
}

/** Runs `read` (a script's checks of its option values); a UsageError or Error from it ends the process as bad arguments. */
export function checkedArgs<T>(script: string, usage: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    return exitWithUsage(script, usage, error instanceof Error ? error.message : String(error));
  }
}

/** `value` as a number >= `min`, else UsageError naming `flag`. */
export function numberArg(flag: string, value: string, min: number): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min) throw new UsageError(`expected ${flag} to be a number >= ${min}, got "${value}"`);
  return number;
}

/** A comma-separated list (empty items dropped). */
export function listArg(value: string): string[] {
  return value.split(',').filter(Boolean);
}
