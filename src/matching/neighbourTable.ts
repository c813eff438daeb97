import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { locateAppRoot } from '../knowledge/locateKnowledgeDir';

/**
 * Words the knowledge base never uses, each with the knowledge base's closest word by meaning
 * and how close (the cosine of their word vectors). `npm run semantic:build` derives it from a
 * word-vector package at build time (scripts/semantic/buildNeighbours.ts); nothing is
 * downloaded or computed at run time.
 */
export const NeighbourTableSchema = z.object({
  /** The package the vectors came from, with its version. */
  source: z.string(),
  /** The date it was built. */
  built: z.string(),
  /** How many of the most frequent words of the source were considered. */
  vocabulary: z.number().int().positive(),
  /** Pairs less similar than this were left out. */
  minSimilarity: z.number().min(0).max(1),
  /** How many of the knowledge base's words had a vector. */
  knowledgeWords: z.number().int().nonnegative(),
  /** `word: [knowledge-base word, similarity]`. */
  neighbours: z.record(z.string(), z.tuple([z.string(), z.number().min(0).max(1)])),
});

export type NeighbourTable = z.infer<typeof NeighbourTableSchema>;

/**
 * The committed table, relative to the app's root. It is read from disk, not imported: the
 * signal is off by default (`neighbourSimilarity: null`), and an import would put its 53 kB in
 * every instance's memory and in the deployment package's bundle for nothing. The package holds
 * the file, at this path, only when the signal is on (scripts/package/bundle.ts).
 */
export const NEIGHBOUR_TABLE_FILE = 'src/matching/neighbours.json';

let parsed: NeighbourTable | undefined;

/** The committed table, read and validated on first use: only an index built with the signal on reads it. */
export function committedNeighbourTable(root: string = locateAppRoot()): NeighbourTable {
  return (parsed ??= NeighbourTableSchema.parse(JSON.parse(readFileSync(join(root, NEIGHBOUR_TABLE_FILE), 'utf8'))));
}
