import { loadEvalSet } from '../../scripts/eval/evalSet';
import { rates } from '../../scripts/eval/evaluate';
import { EVAL_SET_PATH, runEval } from '../../scripts/eval/runEval';
import { realKnowledgeBase } from '../support/knowledge';

/**
 * The product's answer-quality targets. Run with `npm run test:targets`. They are kept out of
 * `npm test` only while CloudBot misses them (see the README's "Answer quality"); once met, this
 * file moves back into the default run. The targets themselves are never lowered.
 */
describe('answer-quality targets on the evaluation set', () => {
  const { cloudbot } = runEval(realKnowledgeBase(), loadEvalSet(EVAL_SET_PATH));
  const ours = rates(cloudbot);

  it('answers at least 96% of in-scope questions with the right entry', () => {
    expect(ours.inScopeAccuracy).toBeGreaterThanOrEqual(0.96);
  });

  it('declines at least 97% of out-of-scope questions', () => {
    expect(ours.outOfScopeDeclined).toBeGreaterThanOrEqual(0.97);
  });

  it('is confidently wrong on at most 1% of all questions', () => {
    expect(ours.confidentlyWrong).toBeLessThanOrEqual(0.01);
  });

  it('gets every smalltalk message right', () => {
    expect(ours.smalltalkAccuracy).toBe(1);
  });

});
