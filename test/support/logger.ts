import type { Logger } from '../../src/logger';

/** A logger that remembers what it was told, so that tests can assert on logs. */
export function capturingLogger(): Logger & { lines: { level: string; text: string }[] } {
  const lines: { level: string; text: string }[] = [];
  const record =
    (level: string) =>
    (message: string, ...details: unknown[]) => {
      lines.push({ level, text: [message, ...details.map((d) => (d instanceof Error ? d.message : String(d)))].join(' ') });
    };
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}
