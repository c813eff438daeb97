import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { readTsv, readTsvRows } from '../scripts/readTsv';

const Row = z.object({ message: z.string().min(1), count: z.coerce.number().int() });

describe('reading a tab-separated table', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsv-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Writes the table to a file of its own and answers its path. */
  let files = 0;
  function table(...lines: string[]): string {
    const path = join(dir, `table${String(++files)}.tsv`);
    writeFileSync(path, lines.join('\n'));
    return path;
  }

  it('gives each row as an object keyed by the header, parsed by the schema, with its file line', () => {
    const path = table('# a comment before the header', 'message\tcount', 'hello\t1', '', '# a comment between rows', 'bye\t2', '');
    expect(readTsvRows(path, Row)).toEqual([
      { line: 3, row: { message: 'hello', count: 1 } },
      { line: 6, row: { message: 'bye', count: 2 } },
    ]);
    expect(readTsv(path, Row)).toEqual([{ message: 'hello', count: 1 }, { message: 'bye', count: 2 }]);
  });

  it('reads columns in any order, and a file saved with a byte-order mark and CRLF line ends', () => {
    expect(readTsv(table('\uFEFFcount\tmessage\r', '3\thi\r'), Row)).toEqual([{ message: 'hi', count: 3 }]);
  });

  it('rejects a header that does not name exactly the schema\'s columns, naming the file and line', () => {
    const path = table('message\tcuont', 'hello\t1');
    expect(() => readTsv(path, Row)).toThrow(`${path}:1: the header names the columns message, cuont; expected message, count, separated by tabs`);
    expect(() => readTsv(table('message  count', 'hello  1'), Row)).toThrow(/:1: the header names the columns message {2}count;/);
    expect(() => readTsv(table('# only a comment'), Row)).toThrow(/: no header line; expected the columns message, count$/);
  });

  it('rejects a row with a missing or an extra field, naming the file and line', () => {
    const path = table('message\tcount', 'hello\t1', 'bye');
    expect(() => readTsv(path, Row)).toThrow(`${path}:3: 1 tab-separated fields, expected 2 (message, count)`);
    expect(() => readTsv(table('message\tcount', 'a\tb\t1'), Row)).toThrow(/:2: 3 tab-separated fields, expected 2/);
  });

  it('rejects a row the schema rejects, naming the file, the line and the column', () => {
    const path = table('message\tcount', 'hello\t1', '\tmany');
    expect(() => readTsv(path, Row)).toThrow(new RegExp(`^${path}:3: column "message": .+; column "count": .+$`));
  });
});
