/**
 * The one logging interface the layers below hosting depend on. Hosting adapts it to the
 * Functions `InvocationContext` or to the console, and tests capture it.
 */
export interface Logger {
  /** What only someone chasing a problem wants, such as a client that went away; off by default. */
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** The levels, least severe first; a logger at one prints it and every level after it. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

const ignore = () => undefined;

/**
 * Logs to the process's console from `level` up: the local server and the Functions worker both
 * collect it.
 */
export function createConsoleLogger(level: LogLevel): Logger {
  const from = LOG_LEVELS.indexOf(level);
  const at = (candidate: LogLevel, write: (message: string, ...details: unknown[]) => void) =>
    LOG_LEVELS.indexOf(candidate) >= from ? write : ignore;
  return Object.freeze({
    debug: at('debug', (message, ...details) => { console.debug(message, ...details); }),
    info: at('info', (message, ...details) => { console.info(message, ...details); }),
    warn: at('warn', (message, ...details) => { console.warn(message, ...details); }),
    error: at('error', (message, ...details) => { console.error(message, ...details); }),
  });
}

/** The console at the default level, info. */
export const consoleLogger: Logger = createConsoleLogger('info');

/** Discards everything; for tools whose stdout is a contract (`ask --json`). */
export const silentLogger: Logger = Object.freeze({
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
});
