import { createConsoleLogger, LOG_LEVELS, type LogLevel } from '../src/logger';

describe('a console logger at a level', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** Which levels a logger at `level` writes to the console, each through the console method of its name. */
  function written(level: LogLevel): string[] {
    const lines: string[] = [];
    for (const method of LOG_LEVELS) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => { lines.push(`${method}: ${String(args[0])}`); });
    }
    const logger = createConsoleLogger(level);
    for (const method of LOG_LEVELS) logger[method]('hello');
    return lines;
  }

  it.each([
    ['info', ['info: hello', 'warn: hello', 'error: hello']],
    ['debug', ['debug: hello', 'info: hello', 'warn: hello', 'error: hello']],
    ['warn', ['warn: hello', 'error: hello']],
    ['error', ['error: hello']],
  ] as const)('at %s writes %j', (level, lines) => {
    expect(written(level)).toEqual(lines);
  });
});
