import { type FoldReport, foldModels, scoreFolds } from '../../scripts/model/crossValidate';
import { isTrainingOnlySet, labelledSetFiles, loadSets, SEALED_SETS, trainingExamples, trainingInputsDigest, trainingSetFiles } from '../../scripts/model/trainingData';
import type { EvalReport } from '../../scripts/eval/evaluate';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { Matcher } from '../../src/matching/Matcher';
import { readQuestionModel } from '../../src/matching/questionModel';
import { DEFAULT_TRAINING_OPTIONS, trainQuestionModel } from '../../src/matching/trainQuestionModel';
import { realKnowledgeBase } from '../support/knowledge';

const committed = () => {
  const result = readQuestionModel(defaultKnowledgeDir(), realKnowledgeBase());
  if (!result.ok) throw new Error(result.reason);
  return result.model;
};

describe('the committed question model', () => {
  it('was trained from the knowledge files and labelled sets as they are now (else run npm run kb:train)', () => {
    expect(committed().inputs).toBe(trainingInputsDigest(defaultKnowledgeDir(), trainingSetFiles(), DEFAULT_TRAINING_OPTIONS));
  });

  it('is exactly what npm run kb:train makes from them: training is deterministic', () => {
    const kb = realKnowledgeBase();
    const examples = trainingExamples(kb, new Matcher(kb), [...loadSets(trainingSetFiles()).values()]);
    const retrained = trainQuestionModel(examples, trainingInputsDigest(defaultKnowledgeDir(), trainingSetFiles(), DEFAULT_TRAINING_OPTIONS));
    expect(retrained).toEqual(committed());
  });
});

describe('the labelled sets', () => {
  it('each either train the model or are sealed, never both, so a new set is a decision', () => {
    const all = labelledSetFiles();
    for (const sealed of SEALED_SETS) expect(all).toContain(sealed);
    expect([...trainingSetFiles(), ...SEALED_SETS].sort()).toEqual(all);
    expect(trainingSetFiles().filter((name) => SEALED_SETS.includes(name))).toEqual([]);
  });
});

/**
 * Measured on 2026-12-05 in the twenty-first session (docs/understanding.md), over the sets written
 * to score the bot, held-out sets 8 to 15 among them (2,575 in scope, 531 to decline, 3,237 in all):
 * 2,538 right, 13 wrong; on 2026-12-07, in the thirty-eighth, 2,539 and 12, the one part asked for
 * kept against the family's overview. Another shuffling seed moves these by up to 4 right answers
 * for the same code (twentieth session).
 */
const RATCHET = { inScopeCorrect: 2539, wrongAtMost: 12, declined: 530 };

/**
 * Leave-one-set-out cross-validation (`npm run eval:cv`): each set answered with a model that
 * never saw it. Held at the figures measured on 2026-12-04 (docs/understanding.md), so that a
 * change to the model, the rules or the knowledge base cannot quietly give back what was gained.
 */
describe('cross-validated, each set with a model trained without it', () => {
  const kb = realKnowledgeBase();
  const sets = loadSets(trainingSetFiles());
  // Only the sets written to score the bot are folds here: the training sets' folds would more
  // than double the time, and `npm run eval:cv` reports them.
  const scored = scoreFolds(kb, sets, foldModels(kb, sets, DEFAULT_TRAINING_OPTIONS, [...sets.keys()].filter((name) => !isTrainingOnlySet(name))));
  const total = (of: readonly FoldReport[], side: 'rules' | 'withModel', key: keyof Pick<EvalReport, 'inScopeCorrect' | 'wrongInScope' | 'wrongOutOfScope' | 'outOfScopeDeclined'>) =>
    of.reduce((sum, fold) => sum + fold[side][key], 0);
  const wrong = (of: readonly FoldReport[], side: 'rules' | 'withModel') => total(of, side, 'wrongInScope') + total(of, side, 'wrongOutOfScope');

  it('scores every set written to score the bot, each with a model that never saw it', () => {
    expect(scored.map((fold) => fold.set).sort()).toEqual(trainingSetFiles().filter((name) => !isTrainingOnlySet(name)));
  });

  it('answers more in-scope questions right than the rules alone, with fewer confident wrong answers', () => {
    expect(total(scored, 'withModel', 'inScopeCorrect')).toBeGreaterThan(total(scored, 'rules', 'inScopeCorrect'));
    expect(wrong(scored, 'withModel')).toBeLessThan(wrong(scored, 'rules'));
  });

  it('does not fall below the figures measured', () => {
    expect(total(scored, 'withModel', 'inScopeCorrect')).toBeGreaterThanOrEqual(RATCHET.inScopeCorrect);
    expect(wrong(scored, 'withModel')).toBeLessThanOrEqual(RATCHET.wrongAtMost);
    expect(total(scored, 'withModel', 'outOfScopeDeclined')).toBeGreaterThanOrEqual(RATCHET.declined);
  });
});
