import { type ParseArgsConfig, parseArgs } from 'node:util';
import { toError } from '../errors';

/** The command line was wrong: the message says what, and the command's usage follows it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes, as shells and npm read them. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * `parseArgs` (strict unless the config says otherwise), with its errors ("Unknown option '--jsno'", "Option '--set' argument
 * missing", "Unexpected argument 'x'") turned into a `UsageError` that keeps Node's wording,
 * which names the offending flag.
 */
export function readFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (thrown: unknown) {
    if (isParseArgsError(thrown)) throw new UsageError(thrown.message);
    throw thrown;
  }
}

/**
 * Node marks the errors of `parseArgs` with an `ERR_PARSE_ARGS_…` code. Checked by shape, not
 * `instanceof TypeError`, which fails across realms (a test runner's sandbox, for one).
 */
function isParseArgsError(thrown: unknown): thrown is { code: string; message: string } {
  if (typeof thrown !== 'object' || thrown === null || !('code' in thrown) || !('message' in thrown)) return false;
  return typeof thrown.code === 'string' && thrown.code.startsWith('ERR_PARSE_ARGS_') && typeof thrown.message === 'string';
}

/**
 * Runs a command's `main` and answers its exit code: what `main` returns, 2 after a usage error
 * (printed with the command's usage), 1 after any other error (its message only, no stack).
 */
export async function runCli(
  main: (args: string[]) => number | Promise<number>,
  args: string[],
  usage: string,
  writeError: (text: string) => void = (text) => process.stderr.write(text),
): Promise<number> {
  try {
    return await main(args);
  } catch (thrown: unknown) {
    if (thrown instanceof UsageError) {
      writeError(`${thrown.message}\n\n${usage}\n`);
      return EXIT.usage;
    }
    writeError(`${toError(thrown).message}\n`);
    return EXIT.failed;
  }
}
