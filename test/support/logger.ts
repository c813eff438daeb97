import { inspect } from 'node:util';
import type { Logger } from '../../src/logger';

/**
 * A log call's arguments as one line of text, as a log sink would keep them: strings as they are,
 * errors with their stack, cause and own properties, and other values in full.
 */
export function logText(args: readonly unknown[]): string {
  return args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 10, breakLength: Infinity }))).join(' ');
}

/** A logger that remembers what it was told, debug lines included, so that tests can assert on logs. */
export function capturingLogger(): Logger & { debug: (message: string) => void; lines: { level: string; text: string }[] } {
  const lines: { level: string; text: string }[] = [];
  const record =
    (level: string) =>
    (message: string, ...details: unknown[]) => {
      lines.push({ level, text: logText([message, ...details]) });
    };
  return { lines, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}
