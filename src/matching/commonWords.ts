import { z } from 'zod';
import table from './commonWords.json';

/**
 * Common English words that a two-slip typo correction would turn into one of the knowledge
 * base's words: "firewall" into "farewell", "facility" into "agility", "reacting" into "relating".
 * A student who types a common word meant it, so such a word is corrected by one slip only.
 * `npm run typos:build` derives the list at build time from the same word-vector package as the
 * neighbours (its words, most frequent first), for the vocabulary of the knowledge base then;
 * rebuild it when the knowledge base gains many words. Nothing is downloaded at run time.
 */
export const CommonWordsSchema = z.object({
  /** The package the words came from, with its version. */
  source: z.string(),
  /** The date it was built. */
  built: z.string(),
  /** How many of the most frequent words of the source were considered. */
  vocabulary: z.number().int().positive(),
  words: z.array(z.string().regex(/^[a-z]+$/)),
});

export type CommonWords = z.infer<typeof CommonWordsSchema>;

let parsed: CommonWords | undefined;

/** The committed list, validated on first use (a few hundred words). */
export function committedCommonWords(): CommonWords {
  return (parsed ??= CommonWordsSchema.parse(table));
}
