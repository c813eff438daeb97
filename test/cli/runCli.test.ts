import { EXIT, readFlags, runCli, UsageError } from '../../src/cli/runCli';

/** Runs `main` as a command would, keeping what it writes to stderr. */
async function run(main: (args: string[]) => number | Promise<number>, args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(main, args, 'Usage: demo [--verbose]', (text) => (stderr += text));
  return { code, stderr };
}

const demo = (args: string[]) => (readFlags({ args, options: { verbose: { type: 'boolean' } } }).values.verbose === true ? 3 : EXIT.ok);

describe('running a command line', () => {
  it('answers the exit code main returns, and writes nothing to stderr', async () => {
    expect(await run(demo, [])).toEqual({ code: EXIT.ok, stderr: '' });
    expect(await run(demo, ['--verbose'])).toEqual({ code: 3, stderr: '' });
  });

  it('answers 2 to an unknown flag, naming it, then the usage', async () => {
    const { code, stderr } = await run(demo, ['--verbsoe']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/^Unknown option '--verbsoe'.*\n\nUsage: demo \[--verbose\]\n$/s);
  });

  it('answers 2 to a value given to a boolean flag and to an unexpected argument', async () => {
    expect((await run(demo, ['--verbose=yes'])).stderr).toContain("'--verbose'");
    expect((await run(demo, ['extra'])).stderr).toContain("Unexpected argument 'extra'");
    expect((await run(demo, ['extra'])).code).toBe(EXIT.usage);
  });

  it('answers 2 to a UsageError main throws itself, and 1, with the message and no stack, to any other error', async () => {
    expect(await run(() => { throw new UsageError('No question given.'); }, [])).toEqual({ code: EXIT.usage, stderr: 'No question given.\n\nUsage: demo [--verbose]\n' });
    expect(await run(() => Promise.reject(new Error('storage unreachable')), [])).toEqual({ code: EXIT.failed, stderr: 'storage unreachable\n' });
  });

  it('lets an error that is not about the command line through readFlags unchanged', () => {
    // A bad config is the programmer's mistake, not the user's: Node's own TypeError, not a UsageError.
    let thrown: unknown;
    try {
      readFlags({ args: [], options: { verbose: { type: 'boolean', short: 'long' } } });
    } catch (error: unknown) {
      thrown = error;
    }
    expect(thrown).not.toBeInstanceOf(UsageError);
    expect(thrown).toMatchObject({ code: 'ERR_INVALID_ARG_VALUE' });
  });
});
