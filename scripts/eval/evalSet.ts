import { z } from 'zod';
import { readTsvRows } from '../readTsv';

/** What a question should get: one of these entry ids, or a decline (`-` in the file). */
export interface EvalQuestion {
  question: string;
  expected: string[] | 'decline';
  category: string;
  line: number;
}

const EvalRowSchema = z.object({
  question: z.string().trim().min(1),
  expected: z
    .string()
    .trim()
    .min(1)
    .transform((ids): EvalQuestion['expected'] => (ids === '-' ? 'decline' : ids.split('|'))),
  category: z.string().trim().min(1),
});

/** Reads `question<TAB>expected<TAB>category` rows; `expected` is `id`, `id|id` or `-`. */
export function loadEvalSet(path: string): EvalQuestion[] {
  return readTsvRows(path, EvalRowSchema).map(({ line, row }) => ({ ...row, line }));
}
