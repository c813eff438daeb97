import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { realMatcher } from '../support/knowledge';

const Cases = z.object({
  answers: z.array(z.tuple([z.string(), z.string()])),
  smalltalk: z.array(z.tuple([z.string(), z.string()])),
  fallbacks: z.array(z.string()),
});
const cases = Cases.parse(parse(readFileSync(join(__dirname, 'fixtures/matcher-cases.yaml'), 'utf8')));

describe('Matcher', () => {
  const matcher = realMatcher();

  // "a|b" accepts either entry, where the lecture really does answer the question in both.
  describe.each(cases.answers)('when asked "%s"', (question, ids) => {
    it(`answers with ${ids}`, () => {
      const result = matcher.match(question);
      expect(result.kind).toBe('answer');
      expect(ids.split('|')).toContain(result.id);
      expect(result.confidence).toBeGreaterThan(0);
    });
  });

  describe.each(cases.smalltalk)('when told "%s"', (text, id) => {
    it(`replies with ${id}`, () => {
      expect(matcher.match(text)).toMatchObject({ kind: 'smalltalk', id });
    });
  });

  describe.each(cases.fallbacks)('when asked the off-topic "%s"', (question) => {
    it('declines instead of guessing', () => {
      expect(matcher.match(question)).toMatchObject({ kind: 'fallback', id: null });
    });
  });

  it.each(['the upside of a private cloud', 'the up side of a private cloud', 'the upsides of a private cloud'])('reads "%s" with the lecture\'s word for a side, one upside as several', (question) => {
    const result = matcher.match(question);
    expect(result.explanation.terms).toContain('benefit');
    expect(result.explanation.unknown).toEqual([]);
  });

  describe('when an overview and its sub-topics are close', () => {
    it.each([
      ['public vs hybrid cloud?', 'deployment-models', 'two sub-topics by title: the comparison'],
      ['is alibaba cloud public or private?', 'deployment-models.public', 'an example only one sub-topic gives'],
      ['would a hospital avoid the cloud', 'drawbacks.security', 'an example only one sub-topic gives'],
      ['the private cloud model', 'deployment-models.private', 'one sub-topic by title'],
    ])('when asked "%s", answers %s (%s)', (question, id) => {
      expect(matcher.match(question)).toMatchObject({ kind: 'answer', id });
    });
  });

  describe('when a question names one sub-topic and an example of another', () => {
    it('when it claims the example is the one named ("is gmail iaas"), answers what the example is, the claim corrected first', () => {
      expect(matcher.match('is gmail iaas')).toMatchObject({ kind: 'answer', id: 'service-models.saas', direct: { kind: 'claim', claimed: 'service-models.iaas' } });
    });

    it.each([
      ['who owns a public cloud', ['deployment-models.private', 'deployment-models.public']],
    ])('when asked "%s", asks between %j instead of answering either', (question, ids) => {
      const result = matcher.match(question);
      expect(result.kind).toBe('clarify');
      expect(result.candidates.map((candidate) => candidate.id).sort()).toEqual([...ids].sort());
    });
  });

  describe('when a question is ambiguous between entries', () => {
    it('asks which one was meant, offering the candidates, instead of guessing', () => {
      const result = matcher.match('cloud model');
      expect(result.kind).toBe('clarify');
      expect(result.id).toBeNull();
      expect(result.candidates.length).toBeGreaterThanOrEqual(2);
      const ids = result.candidates.map((candidate) => candidate.id);
      expect(ids).toEqual(expect.arrayContaining(['deployment-models', 'service-models']));
    });
  });

  describe('when a word is not in the knowledge base', () => {
    it.each([
      ['sass cloud', 'sass→saas', 'a neighbouring key'],
      ['what is clod computing', 'clod→cloud', 'a missing letter'],
      ['whats paass', 'paass→paas', 'a doubled letter'],
      ['whats the point of the clowd', 'clowd→cloud', 'a letter spelt by ear'],
    ])('when asked "%s", corrects %s (%s)', (question, correction) => {
      expect(matcher.match(question).explanation.corrections).toContain(correction);
    });

    it.each([
      ['what is elastic band made of', 'band', 'bad'],
      ['what is elastic band made of', 'made', 'make'],
      ['who is the prime minister', 'prime', 'price'],
    ])('when asked "%s", leaves the short word "%s" alone rather than read "%s"', (question, word) => {
      const corrections = matcher.match(question).explanation.corrections;
      expect(corrections.filter((c) => c.startsWith(`${word}→`))).toEqual([]);
    });
  });

  describe('when only part of a keyword phrase is asked', () => {
    it('does not take "big" for "big data"', () => {
      expect(matcher.match('who are the big cloud providers').id).not.toBe('drawbacks.latency');
    });
  });

  describe('when two entries are close but only one explains every word', () => {
    it('answers that one: IaaS "costs more", the costs entry says nothing of "more"', () => {
      const result = matcher.match('is iaas more expensive');
      expect(result).toMatchObject({ kind: 'answer', id: 'service-models.iaas' });
      expect(result.candidates.map((candidate) => candidate.id)).toContain('drawbacks.costs');
    });
  });

  describe('when the question names a sub-topic the best entry knows nothing of', () => {
    it('offers both instead of answering the best entry', () => {
      const ids = (question: string) => matcher.match(question).candidates.map((candidate) => candidate.id);
      expect(matcher.match('are private clouds worth it')).toMatchObject({ kind: 'clarify' });
      expect(ids('are private clouds worth it')).toEqual(['benefits', 'deployment-models.private']);
      expect(matcher.match('is saas worth it')).toMatchObject({ kind: 'clarify' });
      expect(ids('is saas worth it')).toContain('service-models.saas');
    });

    it('still answers when the best entry speaks of what is named', () => {
      // The latency answer names the hybrid cloud; the overview names each of its sub-topics.
      expect(matcher.match('why is latency a problem with the hybrid cloud')).toMatchObject({ kind: 'answer', id: 'drawbacks.latency' });
      expect(matcher.match('what are the benefits of the cloud')).toMatchObject({ kind: 'answer', id: 'benefits' });
    });
  });

  describe('when asked what something is', () => {
    it('answers only for what an entry is called, and offers the entry the word comes from first', () => {
      for (const [question, entry] of [
        ['what is a taxi', 'service-models'],
        ['what is software', 'service-models.saas'],
        ['what is the internet', 'cloud-computing'],
        ['what is google', 'deployment-models.public'],
        ['what is a backup', 'benefits.disaster-mitigation'],
      ] as const) {
        const result = matcher.match(question);
        expect(result).toMatchObject({ kind: 'fallback', id: null });
        expect(result.candidates[0]?.id).toBe(entry);
      }
    });

    it('answers what names an entry: its title, the abbreviation after it, or one of its names', () => {
      expect(matcher.match('what is paas')).toMatchObject({ kind: 'answer', id: 'service-models.paas' });
      expect(matcher.match('what is the cloud')).toMatchObject({ kind: 'answer', id: 'cloud-computing' });
      expect(matcher.match('what is hybrid')).toMatchObject({ kind: 'answer', id: 'deployment-models.hybrid' });
      expect(matcher.match('what are the cons')).toMatchObject({ kind: 'answer', id: 'drawbacks' });
      expect(matcher.match('what does the taxi example mean')).toMatchObject({ kind: 'answer', id: 'service-models' });
      // The lecture's own terms for a topic are its names too.
      expect(matcher.match('what are natural backups')).toMatchObject({ kind: 'answer', id: 'benefits.disaster-mitigation' });
      expect(matcher.match('what is oversight')).toMatchObject({ kind: 'answer', id: 'drawbacks.control' });
      expect(matcher.match('what is scaling')).toMatchObject({ kind: 'answer', id: 'benefits.scalability' });
    });

    it('leaves alone what asks what a thing is like, or describes it at length', () => {
      expect(matcher.match("what's so great about the cloud")).toMatchObject({ kind: 'answer', id: 'benefits' });
      expect(matcher.match('what is the thing where you rent a computer and set it up yourself')).toMatchObject({ kind: 'answer', id: 'service-models.iaas' });
    });
  });

  it('does not correct what a question is for into a topic word: "project" is not "protect"', () => {
    const result = matcher.match('which one should i use for my project');
    expect(result.explanation.terms).not.toContain('protect');
    expect(result).not.toMatchObject({ id: 'benefits.disaster-mitigation' });
  });

  it('reads "in-house" as the company\'s own premises, as the private cloud\'s alternates say it', () => {
    expect(matcher.match('our company runs all its servers in-house')).toMatchObject({ kind: 'answer', id: 'deployment-models.private' });
  });

  it('reads an exam\'s "name a … that is not about …" as a choice the "not" rules one part out of', () => {
    expect(matcher.match('name a benefit that is not about failures')).toMatchObject({ kind: 'answer', id: 'benefits', direct: { kind: 'not-the-one', described: 'benefits.fault-tolerance' } });
  });

  it('finds the odd one out of a family named in five words ("not a reason to avoid the cloud: …")', () => {
    expect(matcher.match('Which of these is not a reason to avoid the cloud: costs, security, agility, control?')).toMatchObject({ rule: 'oddOneOut', id: 'benefits.agility' });
  });

  describe('when a request asks to be taken through a topic', () => {
    it('reads "break it down", "go through" and "in detail" as the request, not as a machine breaking down', () => {
      expect(matcher.match('can you break down the service models').explanation.terms).not.toContain('break');
      expect(matcher.match('the deployment models confused me, can you break it down?')).toMatchObject({ kind: 'answer', id: 'deployment-models' });
      expect(matcher.match('could you go through the private one in detail')).toMatchObject({ kind: 'answer', id: 'deployment-models.private' });
    });

    it('still reads a machine that breaks down', () => {
      expect(matcher.match('what happens if a server breaks down')).toMatchObject({ kind: 'answer', id: 'benefits.fault-tolerance' });
    });
  });

  describe('when the question carries a Teams mention', () => {
    it('ignores the mention', () => {
      expect(matcher.match('<at>CloudBot</at> what is paas').id).toBe('service-models.paas');
    });
  });

  describe('when a message opens with smalltalk', () => {
    it('answers the question after a greeting instead of only greeting back', () => {
      expect(matcher.match('hi, what is paas?')).toMatchObject({ kind: 'answer', id: 'service-models.paas', normalised: 'hi what is paas' });
      expect(matcher.match('thanks! and what about saas')).toMatchObject({ kind: 'answer', id: 'service-models.saas' });
    });

    it('takes it as smalltalk when what follows is no question the lecture answers', () => {
      expect(matcher.match('thanks, that made sense')).toMatchObject({ kind: 'smalltalk', id: 'smalltalk.thanks' });
      expect(matcher.match('cheers mate')).toMatchObject({ kind: 'smalltalk', id: 'smalltalk.thanks' });
    });

    it('keeps the opening when what follows only reads as other smalltalk', () => {
      // "helped" is "help" once stemmed: on its own it would be the help entry.
      expect(matcher.match('thx that helped')).toMatchObject({ kind: 'smalltalk', id: 'smalltalk.thanks' });
      expect(matcher.match('cya later')).toMatchObject({ kind: 'smalltalk', id: 'smalltalk.goodbye' });
    });
  });

  it('explains its decision with the terms it used and the words it did not know', () => {
    const result = matcher.match('what is terraform paas');
    expect(result.explanation.unknown).toContain('terraform');
    expect(result.explanation.terms).toHaveLength(2);
    expect(matcher.match('scalabilty').explanation.corrections).toEqual(['scalabilty→scalability']);
  });

  it('gives the same result for the same question every time', () => {
    const first = matcher.match('why not use the cloud');
    for (let i = 0; i < 3; i += 1) expect(matcher.match('why not use the cloud')).toEqual(first);
  });
});
