import { Matcher } from '../../src/matching/Matcher';
import { type Opinion, QuestionClassifier } from '../../src/matching/questionModel';
import { committedQuestionModel } from '../../scripts/eval/runEval';
import { realKnowledgeBase } from '../support/knowledge';
import { classifierThinking } from '../support/opinions';

/**
 * Comparisons the lecture leaves open, on the real knowledge base, by the rules alone: the tiny
 * lecture of rules.test.ts has no sub-topic named by a scale's own word, as the costs and control
 * drawbacks are here.
 */
describe('a comparison of sub-topics, on the real knowledge base', () => {
  const matcher = new Matcher(realKnowledgeBase());

  it.each([
    ['is a private cloud cheaper than a public one', 'deployment-models', 'cost', 'least', 'two parts it names, which the lecture ranks nothing of on cost'],
    ['which costs less, hybrid or public?', 'deployment-models', 'cost', 'least', 'two parts it names, which the lecture ranks nothing of on cost'],
    ['which deployment model needs the least effort?', 'deployment-models', 'effort', 'least', 'a family it names, which the lecture ranks nothing of on effort, not the part of another family ranked there'],
    ['which deployment model is cheapest', 'deployment-models', 'cost', 'least', 'a family it names, which the lecture ranks nothing of on cost'],
    ['is a private cloud more secure than a public one?', 'deployment-models', 'security', 'most', 'a scale the lecture ranks nothing on'],
    ['which deployment model is the safest', 'deployment-models', 'security', 'most', 'a scale the lecture ranks nothing on'],
    ['which service model is most secure', 'service-models', 'security', 'most', 'a scale the lecture ranks nothing on'],
  ])('"%s" is answered with the overview %s, the lecture not ranking them on %s (%s end) said first: %s', (question, id, scale, rank) => {
    expect(matcher.match(question)).toMatchObject({
      rule: 'comparisonAlongScale',
      kind: 'answer',
      id,
      direct: { kind: 'not-stated', asked: { scale, rank }, instead: [] },
    });
  });

  it('"max" is the lecture\'s "maximum" (knowledge/synonyms.yaml): "is SaaS the model with max control?" is no, IaaS, by its fact', () => {
    expect(matcher.match('is SaaS the model with max control?')).toMatchObject({ rule: 'comparisonAlongScale', kind: 'answer', id: 'service-models.iaas', direct: { kind: 'facts', verdict: 'no' } });
  });

  it('a drawback asked of a family it names is not a choice within that family: "which drawback bites hardest with hybrid clouds?"', () => {
    expect(matcher.match('Which drawback bites hardest with hybrid clouds?').id).not.toBe('deployment-models');
  });

  it('a yes or no the facts settle is not turned into a choice by the question model reading it as the part asked about: "is SaaS the model with maximum control?" is no, IaaS', () => {
    const kb = realKnowledgeBase();
    const withModel = new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb)));
    expect(withModel.match('Is SaaS the model with maximum control?')).toMatchObject({ kind: 'answer', id: 'service-models.iaas', direct: { kind: 'facts', verdict: 'no' } });
  });

  it('nor turned into "did you mean…?" by a question model reading it as the family\'s overview: "is PaaS more effort than IaaS?" is the overview, with no first, by IaaS\'s fact', () => {
    // A model of its own, unsure and preferring the overview: the committed model's opinion of this
    // question changes with each retraining, and this is about what any such opinion leads to.
    const overviewPreferred: Opinion[] = [
      { id: 'service-models', p: 0.6 },
      { id: 'service-models.iaas', p: 0.3 },
      { id: '-', p: 0.1 },
    ];
    const readsOverview = classifierThinking(overviewPreferred);
    const withModel = new Matcher(realKnowledgeBase(), {}, undefined, readsOverview);
    expect(withModel.match('Is PaaS more effort than IaaS?')).toMatchObject({ kind: 'answer', id: 'service-models', direct: { kind: 'facts', verdict: 'no' } });
  });

  it('the question model does not overrule it with the part of another family: "which deployment model needs the least effort?" is not SaaS', () => {
    const kb = realKnowledgeBase();
    const withModel = new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb)));
    expect(withModel.match('which deployment model needs the least effort?')).toMatchObject({ kind: 'answer', id: 'deployment-models' });
  });

  it('"public or private, which gives less control?" is about the deployment models, whose parts it names, however well IaaS scores on control: the public cloud, by elimination, as the private cloud gives full control', () => {
    expect(matcher.match('public or private, which gives less control?')).toMatchObject({
      rule: 'comparisonAlongScale',
      kind: 'answer',
      id: 'deployment-models.public',
      direct: { kind: 'facts', says: ['A private cloud gives you full control over the computers, because it is private.'], chosen: 'deployment-models.public' },
    });
  });

  it('"which is cheaper, IaaS or SaaS?" is not SaaS by elimination: the lecture says IaaS "often" costs more (`hedged`), so the overview answers, with that fact', () => {
    expect(matcher.match('which is cheaper, IaaS or SaaS?')).toMatchObject({ rule: 'comparisonAlongScale', kind: 'answer', id: 'service-models', direct: { kind: 'facts', says: ['IaaS often costs more than the other service models.'] } });
  });

  it('"does a private cloud give you less control than a public one?" compares the two it names, not the hybrid cloud their names mention too: no, by the private cloud\'s fact', () => {
    expect(matcher.match('Does a private cloud give you less control than a public one?')).toMatchObject({ rule: 'comparisonAlongScale', kind: 'answer', direct: { kind: 'facts', verdict: 'no' } });
  });

  it('"besides private, which type of cloud gives the most control?" is a choice among the deployment models, which it set aside one of: the lecture does not say which of the others', () => {
    expect(matcher.match('besides private, which type of cloud gives you the most control?')).toMatchObject({
      rule: 'comparisonAlongScale',
      kind: 'answer',
      id: 'deployment-models',
      direct: { kind: 'not-stated', asked: { scale: 'control', rank: 'most' }, othersOnly: true },
    });
  });

  it.each(['is cost a bigger problem than latency', 'is control a bigger drawback than security'])(
    '"%s" names one of the two by the scale\'s own word, so it is not such a comparison',
    (question) => {
      const result = matcher.match(question);
      expect(result.reading.comparison).toBeDefined();
      expect(result.direct?.kind).not.toBe('not-stated');
    },
  );
});
