import { isTopic } from '../../src/knowledge/KnowledgeBase';
import { realKnowledgeBase, realMatcher } from '../support/knowledge';

/** The ids the product requires, exactly as written in the specification. */
const REQUIRED_IDS = [
  'cloud-computing',
  'deployment-models',
  'deployment-models.public',
  'deployment-models.private',
  'deployment-models.hybrid',
  'benefits',
  'benefits.availability',
  'benefits.scalability',
  'benefits.reach',
  'benefits.agility',
  'benefits.disaster-mitigation',
  'benefits.fault-tolerance',
  'benefits.elasticity',
  'drawbacks',
  'drawbacks.latency',
  'drawbacks.costs',
  'drawbacks.security',
  'drawbacks.control',
  'drawbacks.intellectual-property',
  'service-models',
  'service-models.iaas',
  'service-models.paas',
  'service-models.saas',
  'smalltalk.greeting',
  'smalltalk.thanks',
  'smalltalk.help',
  'smalltalk.goodbye',
];

describe('the knowledge base in knowledge/', () => {
  const kb = realKnowledgeBase();

  it('validates', () => {
    expect(kb.size).toBeGreaterThanOrEqual(REQUIRED_IDS.length);
  });

  it.each(REQUIRED_IDS)('has the required entry %s', (id) => {
    expect(kb.get(id)).toBeDefined();
  });

  describe('each entry is found by its own alternate questions', () => {
    const matcher = realMatcher();
    const cases = kb.entries.flatMap((entry) => entry.alternates.map((alternate) => [entry.id, alternate] as const));
    it.each(cases)('%s ← "%s"', (id, alternate) => {
      const result = matcher.match(alternate);
      expect({ kind: result.kind, id: result.id }).toEqual({
        kind: id.startsWith('smalltalk.') ? 'smalltalk' : 'answer',
        id,
      });
      // Exact phrasings are answered directly; the scores must point to the entry on their own too.
      if (!id.startsWith('smalltalk.')) expect(matcher.scores(alternate)[0]?.id).toBe(id);
    });
  });

  describe('answers are true to the lecture', () => {
    it('fix the lecture\'s typos rather than repeat them', () => {
      const typos = ['on-demnd', 'Micorosft', 'srvices', 'ract ', 'withe ', 'migh tmean', 'best of both world,'];
      for (const entry of kb.entries) {
        for (const typo of typos) expect({ id: entry.id, typo, found: entry.answer.includes(typo) }).toMatchObject({ found: false });
      }
    });

    it('give a correct SaaS example instead of the lecture\'s "Google Outlook"', () => {
      const saas = kb.get('service-models.saas')?.answer ?? '';
      expect(saas).toMatch(/Outlook\.com|Gmail/);
      expect(saas).not.toMatch(/\be\.?g\.?,? Google Outlook/i);
    });

    it.each([
      ['deployment-models.public', /Azure/],
      ['deployment-models.public', /Alibaba/],
      ['deployment-models.private', /Slough/],
      ['deployment-models.hybrid', /ICT/],
      ['deployment-models.hybrid', /duplicat/i],
      ['drawbacks.security', /hospital/i],
      ['drawbacks.latency', /hybrid/i],
      ['service-models', /taxi/i],
      ['service-models.paas', /Jupyter/],
      ['service-models.iaas', /update/i],
      ['cloud-computing', /on-demand/i],
      ['cloud-computing', /networks of computers/i],
    ])('%s keeps the lecture\'s fact %s', (id, fact) => {
      expect(kb.get(id)?.answer).toMatch(fact);
    });

    it('cite a lecture section from every topic entry', () => {
      for (const entry of kb.topics) {
        expect(isTopic(entry) && kb.sectionOf(entry)).toBeTruthy();
      }
    });

    it('the help text names every topic the bot knows', () => {
      const help = kb.get('smalltalk.help')?.answer.toLowerCase() ?? '';
      for (const word of ['public', 'private', 'hybrid', 'iaas', 'paas', 'saas']) expect(help).toContain(word);
    });
  });
});
