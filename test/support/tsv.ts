import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * A fixture table: tab-separated, `#` lines are comments, the first other line names the columns.
 * Each row becomes an object keyed by those names and is checked by `row`, so that a mistyped
 * fixture fails with its file and line instead of quietly testing nothing.
 */
export function readTsv<T>(path: string, row: z.ZodType<T>): T[] {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((text, index) => ({ text: text.replace(/\r$/, ''), number: index + 1 }))
    .filter(({ text }) => text.trim() !== '' && !text.startsWith('#'));
  const [header, ...body] = lines;
  if (header === undefined) throw new Error(`${path}: no header line`);
  const columns = header.text.split('\t');
  return body.map(({ text, number }) => {
    const cells = text.split('\t');
    const parsed = row.safeParse(Object.fromEntries(columns.map((column, index) => [column, cells[index]])));
    if (!parsed.success) throw new Error(`${path}:${String(number)}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    return parsed.data;
  });
}
