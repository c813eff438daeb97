/**
 * The one logging interface the layers below hosting depend on. Hosting adapts it to the
 * Functions `InvocationContext` or to the console, and tests capture it.
 */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** Logs to the process's console: the local server and the Functions worker both collect it. */
export const consoleLogger: Logger = Object.freeze({
  info: (message: string, ...details: unknown[]) => { console.info(message, ...details); },
  warn: (message: string, ...details: unknown[]) => { console.warn(message, ...details); },
  error: (message: string, ...details: unknown[]) => { console.error(message, ...details); },
});

/** Discards everything; for tools whose stdout is a contract (`ask --json`). */
export const silentLogger: Logger = Object.freeze({
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
});
