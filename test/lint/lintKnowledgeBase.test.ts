import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { buildKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { lintFails, lintKnowledgeBase } from '../../src/lint/lintKnowledgeBase';
import { Matcher } from '../../src/matching/Matcher';
import { DEFAULT_MATCHING_OPTIONS } from '../../src/matching/matchingOptions';
import { realKnowledgeBase, realMatcher } from '../support/knowledge';

const lecture = readFileSync(join(__dirname, '../../knowledge/lecture-05-cloud-computing.md'), 'utf8');
const fixture = readFileSync(join(__dirname, '../knowledge/fixtures/valid.yaml'), 'utf8');
const margin = DEFAULT_MATCHING_OPTIONS.margin;

describe('kb:lint', () => {
  it('passes on the knowledge base in knowledge/: every alternate finds its entry and every lecture line is cited', () => {
    const report = lintKnowledgeBase(realKnowledgeBase(), realMatcher(), margin);
    expect(report.unretrieved).toEqual([]);
    expect(report.uncited).toEqual([]);
    expect(lintFails(report)).toBe(false);
  });

  it('reports the lecture lines that a small knowledge base leaves uncited', () => {
    const kb = buildKnowledgeBase([{ name: 'knowledge/small.yaml', text: fixture }], lecture);
    const report = lintKnowledgeBase(kb, new Matcher(kb), margin);
    expect(report.uncited.map((line) => line.line)).toEqual(
      expect.arrayContaining(['- Reach: Access across the world', '- Security: handing data to someone else eg. hospital data wouldn\'t be put on the cloud.']),
    );
    expect(lintFails(report)).toBe(true);
  });

  it('reports an alternate that retrieves another entry, and the pair as too close to tell apart', () => {
    const doc = parse(fixture) as { entries: [{ alternates: string[] }, { alternates: string[] }] };
    // An author gives the definition an alternate that is the benefits entry's "why use the cloud" in other words.
    doc.entries[0].alternates.push('why use cloud');
    const kb = buildKnowledgeBase([{ name: 'knowledge/mixed.yaml', text: stringify(doc) }], lecture);
    const report = lintKnowledgeBase(kb, new Matcher(kb), margin);
    expect(report.unretrieved).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'cloud-computing', alternate: 'why use cloud', got: 'benefits' })]),
    );
    expect(report.confusable.map((pair) => [pair.a, pair.b].sort())).toContainEqual(['benefits', 'cloud-computing']);
  });
});
