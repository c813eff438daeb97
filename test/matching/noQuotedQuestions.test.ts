import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEvalSet } from '../../scripts/eval/evalSet';

/**
 * No question of an evaluation set is quoted in the code: a rule written around one question is
 * the one-rule-per-miss habit the matcher's rule list replaced, and it would make the held-out
 * sets' figures flattering. The data set is the place for examples; code comments invent their own.
 */
const FIXTURES = join(__dirname, '../fixtures');
const SOURCES = join(__dirname, '../../src');

/** Lower case, letters and digits only, single spaces: how a question and a comment are compared. */
const flatten = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the code', () => {
  // Five words or more: shorter ones are the lecture's own phrases ("spend more, get more").
  const questions = readdirSync(FIXTURES)
    .filter((name) => name.endsWith('-questions.tsv'))
    .flatMap((name) => loadEvalSet(join(FIXTURES, name)).map((item) => flatten(item.question)))
    .filter((question) => question.split(' ').length >= 5);

  it('has evaluation questions to look for', () => {
    expect(questions.length).toBeGreaterThan(500);
  });

  it.each(sourceFiles(SOURCES).map((path) => [path.slice(SOURCES.length + 1), path]))('%s quotes no evaluation question', (_name, path) => {
    const code = flatten(readFileSync(path, 'utf8'));
    expect(questions.filter((question) => code.includes(question))).toEqual([]);
  });
});
