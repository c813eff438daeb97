import stem from 'wink-porter2-stemmer';
import { Analyzer, buildAnalyzerIndex } from '../../src/matching/Analyzer';
import { buildMatcherIndex, Matcher } from '../../src/matching/Matcher';
import type { NeighbourTable } from '../../src/matching/neighbourTable';
import { realKnowledgeBase } from '../support/knowledge';

/**
 * The meaning-level signal: a word the knowledge base never uses may stand for its closest
 * knowledge-base word by meaning. These tables are made up ("zorbly" is no English word), so that
 * the tests check the mechanism, not the word vectors it is usually built from.
 */
function table(neighbours: NeighbourTable['neighbours']): NeighbourTable {
  return { source: 'hand-made', built: '2026-12-03', vocabulary: 3, minSimilarity: 0.5, knowledgeWords: 1, neighbours };
}

describe('an Analyzer given neighbours by meaning', () => {
  const analyzer = new Analyzer(buildAnalyzerIndex([], ['the bus is cheap', 'a car costs money'], [['coach', 'bus', 0.9], ['banknote', 'money', 0.6]]));

  it('reads an unknown word as its neighbour, weighed by their similarity, and says so', () => {
    const analysis = analyzer.analyse('is the coach cheap');
    expect(analysis.terms).toEqual([stem('bus'), stem('cheap')]);
    expect(analysis.termWeights).toEqual([0.9, 1]);
    expect(analysis.corrections).toEqual(['coach≈bus']);
  });

  it('gives a term the full weight when the question also uses the word itself', () => {
    expect(analyzer.analyse('coach or bus').termWeights).toEqual([1]);
  });

  it("leaves the knowledge base's own text alone", () => {
    expect(analyzer.analyseKnown('the coach').terms).toEqual(['coach']);
  });

  it('ignores a pair whose word the knowledge base uses or whose neighbour it does not', () => {
    const stale = new Analyzer(buildAnalyzerIndex([], ['the bus is cheap'], [['cheap', 'bus', 0.9], ['coach', 'tram', 0.9]]));
    expect(stale.analyse('cheap coach')).toMatchObject({ terms: ['cheap', 'coach'], corrections: [] });
  });
});

describe('a Matcher with the signal on', () => {
  const kb = realKnowledgeBase();
  const neighbours = table({ zorbly: ['expensive', 0.9], glimpish: ['expensive', 0.6], cloud: ['expensive', 0.95] });
  const matcher = new Matcher(kb, { neighbourSimilarity: 0.8 }, buildMatcherIndex(kb, { neighbourSimilarity: 0.8 }, () => neighbours));

  it('maps an unknown word at or above the threshold to its neighbour', () => {
    const { explanation } = matcher.match('is iaas zorbly');
    expect(explanation.corrections).toContain('zorbly≈expensive');
    // Then read as "expensive" is: the synonym table's "cost".
    expect(explanation.terms).toEqual(matcher.match('is iaas expensive').explanation.terms);
    expect(explanation.unknown).toEqual([]);
  });

  it('leaves a word below the threshold unknown', () => {
    const { explanation } = matcher.match('is iaas glimpish');
    expect(explanation.corrections).toEqual([]);
    expect(explanation.unknown).toEqual([stem('glimpish')]);
  });

  it('never replaces a word the knowledge base uses', () => {
    expect(matcher.match('what is the cloud').explanation.corrections).toEqual([]);
  });
});

describe('a Matcher with the signal off (the default)', () => {
  it('never reads the table', () => {
    const kb = realKnowledgeBase();
    const read = jest.fn(() => table({ zorbly: ['expensive', 0.9] }));
    const matcher = new Matcher(kb, {}, buildMatcherIndex(kb, {}, read));
    expect(read).not.toHaveBeenCalled();
    expect(matcher.match('is iaas zorbly').explanation.unknown).toContain(stem('zorbly'));
  });
});
