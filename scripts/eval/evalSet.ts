import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** What a question should get: one of these entry ids, or a decline (`-` in the file). */
export interface EvalQuestion {
  question: string;
  expected: string[] | 'decline';
  category: string;
  line: number;
}

const RowSchema = z.tuple([z.string().trim().min(1), z.string().trim().min(1), z.string().trim().min(1)]);

/** Reads `question<TAB>expected<TAB>category` rows; `expected` is `id`, `id|id` or `-`. */
export function loadEvalSet(path: string): EvalQuestion[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const header = lines[0]?.split('\t');
  if (header?.join(',') !== 'question,expected,category') {
    throw new Error(`${path}: the first line must be the header question<TAB>expected<TAB>category`);
  }
  return lines.slice(1).flatMap((text, index) => {
    if (text.trim() === '') return [];
    const row = RowSchema.safeParse(text.split('\t'));
    if (!row.success) throw new Error(`${path}:${index + 2}: expected three tab-separated fields`);
    const [question, expected, category] = row.data;
    return [{ question, expected: expected === '-' ? 'decline' : expected.split('|'), category, line: index + 2 }];
  });
}
