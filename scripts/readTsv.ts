import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/** One row of a table, as its schema parsed it, with the file line it came from (1-based). */
export interface TsvRow<T> {
  line: number;
  row: T;
}

/**
 * A tab-separated table, as the evaluation sets and test fixtures are written: `#` lines and
 * blank lines are skipped, the first other line names the columns, and every row has exactly one
 * cell per column. The header must name exactly the schema's keys, and each row, as an object
 * keyed by column, must satisfy the schema, so a mistyped file fails with its path and line
 * instead of quietly evaluating or testing nothing.
 */
export function readTsvRows<S extends z.ZodObject>(path: string, schema: S): TsvRow<z.output<S>>[] {
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((text, index) => ({ text: text.replace(/\r$/, ''), line: index + 1 }))
    .filter(({ text }) => text.trim() !== '' && !text.startsWith('#'));
  const [header, ...body] = lines;
  const expected = Object.keys(schema.shape);
  if (header === undefined) throw new Error(`${path}: no header line; expected the columns ${expected.join(', ')}`);
  const columns = header.text.split('\t');
  const missing = expected.filter((name) => !columns.includes(name));
  const unknown = columns.filter((name) => !expected.includes(name));
  if (missing.length > 0 || unknown.length > 0 || new Set(columns).size !== columns.length) {
    throw new Error(`${path}:${String(header.line)}: the header names the columns ${columns.join(', ')}; expected ${expected.join(', ')}, separated by tabs`);
  }
  return body.map(({ text, line }) => {
    const cells = text.split('\t');
    if (cells.length !== columns.length) {
      throw new Error(`${path}:${String(line)}: ${String(cells.length)} tab-separated fields, expected ${String(columns.length)} (${columns.join(', ')})`);
    }
    const parsed = schema.safeParse(Object.fromEntries(columns.map((column, index) => [column, cells[index]])));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `column "${issue.path.join('.')}": ${issue.message}` : issue.message));
      throw new Error(`${path}:${String(line)}: ${issues.join('; ')}`);
    }
    return { line, row: parsed.data };
  });
}

/** The rows of a table, without their line numbers (see `readTsvRows`). */
export function readTsv<S extends z.ZodObject>(path: string, schema: S): z.output<S>[] {
  return readTsvRows(path, schema).map(({ row }) => row);
}
