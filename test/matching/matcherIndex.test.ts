import { loadEvalSet } from '../../scripts/eval/evalSet';
import { EVAL_SET_PATH, HELDOUT_SET_PATH } from '../../scripts/eval/runEval';
import { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { buildMatcherIndex, Matcher } from '../../src/matching/Matcher';
import { indexFingerprint, parseMatcherIndex, serialiseMatcherIndex } from '../../src/matching/matcherIndex';
import { realKnowledgeBase, realMatcher } from '../support/knowledge';

/**
 * A deployment package carries the matcher's index, built at package time (`npm run package`);
 * an instance restores it instead of building it. Restored, it must answer exactly as built.
 */
describe("the matcher's index file", () => {
  const kb = realKnowledgeBase();
  const file = serialiseMatcherIndex(buildMatcherIndex(kb), indexFingerprint(kb));

  function restored(): Matcher {
    const result = parseMatcherIndex(file, indexFingerprint(kb));
    if (!result.ok) throw new Error(result.reason);
    return new Matcher(kb, {}, result.index);
  }

  it('restores a matcher that decides every evaluation question exactly as a freshly built one', () => {
    const questions = [...loadEvalSet(EVAL_SET_PATH), ...loadEvalSet(HELDOUT_SET_PATH)].map(({ question }) => question);
    const fromFile = restored();
    const built = realMatcher();
    expect(questions.length).toBeGreaterThan(300);
    for (const question of questions) expect(fromFile.match(question)).toEqual(built.match(question));
    expect(fromFile.scores('what are the drawbacks of saas')).toEqual(built.scores('what are the drawbacks of saas'));
  });

  it('is refused for a knowledge base it was not built from, however well formed', () => {
    const [first, ...rest] = kb.topics;
    if (!first) throw new Error('no topics');
    const edited = new KnowledgeBase([{ ...first, answer: `${first.answer} Edited.` }, ...rest], kb.smalltalk, kb.synonyms, kb.lecture);
    const result = parseMatcherIndex(file, indexFingerprint(edited));
    expect(result).toEqual({ ok: false, reason: 'built from another knowledge base or other matching options' });
  });

  it('is refused for other matching options', () => {
    expect(indexFingerprint(kb, { keywordWeight: 0.5 })).not.toBe(indexFingerprint(kb));
    expect(parseMatcherIndex(file, indexFingerprint(kb, { keywordWeight: 0.5 })).ok).toBe(false);
  });

  it('is refused when damaged in transit', () => {
    const damaged = file.replace('"idf":[', '"idf":[9,');
    expect(parseMatcherIndex(damaged, indexFingerprint(kb))).toEqual({ ok: false, reason: 'damaged: its content does not match its hash' });
  });

  it('is refused when it is not an index at all', () => {
    expect(parseMatcherIndex('{"entries": []}', indexFingerprint(kb)).ok).toBe(false);
    expect(parseMatcherIndex('', indexFingerprint(kb)).ok).toBe(false);
    expect(parseMatcherIndex('{"format":2,"fingerprint":"x","sha256":"y"}\n{}', 'x').ok).toBe(false);
  });
});
