import { Analyzer, buildAnalyzerIndex } from '../../src/matching/Analyzer';
import { committedCommonWords } from '../../src/matching/commonWords';
import { buildMatcherIndex, Matcher } from '../../src/matching/Matcher';
import { realKnowledgeBase } from '../support/knowledge';

/**
 * Typo correction and the common words it leaves alone, on a made-up vocabulary: "farewell" is
 * the one word a slip could reach.
 */
describe('an Analyzer given common words', () => {
  const vocabulary = ['farewell and thanks', 'the lantern'];
  const withList = new Analyzer(buildAnalyzerIndex([], vocabulary, [], ['firewall', 'lanterns']));
  const without = new Analyzer(buildAnalyzerIndex([], vocabulary));

  it('corrects two slips in a long word it was not told is a word', () => {
    expect(without.analyse('firewall').corrections).toEqual(['firewall→farewell']);
    expect(withList.analyse('farewll').corrections).toEqual(['farewll→farewell']);
  });

  it('leaves a common word two slips from a known one as typed', () => {
    expect(withList.analyse('what is a firewall')).toMatchObject({ terms: ['firewal'], corrections: [] });
  });

  it('still corrects one slip in a common word', () => {
    expect(withList.analyse('faewell').corrections).toEqual(['faewell→farewell']);
    expect(new Analyzer(buildAnalyzerIndex([], vocabulary, [], ['farewel'])).analyse('farewel').corrections).toEqual(['farewel→farewell']);
  });

  it('drops a listed word the vocabulary itself uses', () => {
    expect(buildAnalyzerIndex([], vocabulary, [], ['farewell', 'firewall']).commonWords).toEqual(['firewall']);
  });
});

describe('the committed list of common words', () => {
  const index = buildMatcherIndex(realKnowledgeBase());

  it('is in the matcher index, without the words the knowledge base uses', () => {
    const { words } = committedCommonWords();
    expect(words.length).toBeGreaterThan(0);
    expect(index.analyzer.commonWords.length).toBeGreaterThan(0);
    expect(index.analyzer.commonWords.every((word) => words.includes(word) && !index.analyzer.known.includes(word))).toBe(true);
  });

  it('keeps a question about a firewall from being read as a goodbye', () => {
    const match = new Matcher(realKnowledgeBase()).match('What is a firewall?');
    expect(match.kind).not.toBe('smalltalk');
    expect(match.explanation.terms).toContain('firewal');
  });
});
