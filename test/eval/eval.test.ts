import { loadEvalSet } from '../../scripts/eval/evalSet';
import { rates } from '../../scripts/eval/evaluate';
import { EVAL_SET_PATH, HELDOUT2_SET_PATH, HELDOUT_SET_PATH, runEval } from '../../scripts/eval/runEval';
import { TARGETS } from '../../scripts/eval/targets';
import { realKnowledgeBase } from '../support/knowledge';

/**
 * Answer quality on the students' evaluation set, against the two baselines. Deterministic:
 * counts only. Timing is measured by `npm run eval` and `npm run bench`, never asserted here.
 * CloudBot meets the product's targets (`scripts/eval/targets.ts`), so they are asserted here,
 * with a ratchet at the figures measured since.
 */
describe('answer quality on the evaluation set', () => {
  const kb = realKnowledgeBase();
  const set = loadEvalSet(EVAL_SET_PATH);
  const { cloudbot, baselines } = runEval(kb, set);
  const ours = rates(cloudbot);

  it('is a set of at least 250 questions, 60 of which must be declined', () => {
    expect(set.length).toBeGreaterThanOrEqual(250);
    expect(set.filter((item) => item.expected === 'decline').length).toBeGreaterThanOrEqual(60);
  });

  it('labels every question, and every held-out question, with ids the knowledge base has', () => {
    for (const item of [...set, ...loadEvalSet(HELDOUT_SET_PATH), ...loadEvalSet(HELDOUT2_SET_PATH)]) {
      if (item.expected !== 'decline') for (const id of item.expected) expect({ line: item.line, id, known: kb.get(id) !== undefined }).toMatchObject({ known: true });
    }
  });

  it(`answers at least ${TARGETS.inScopeAccuracy * 100}% of in-scope questions with the right entry`, () => {
    expect(ours.inScopeAccuracy).toBeGreaterThanOrEqual(TARGETS.inScopeAccuracy);
  });

  it(`declines at least ${TARGETS.outOfScopeDeclined * 100}% of out-of-scope questions`, () => {
    expect(ours.outOfScopeDeclined).toBeGreaterThanOrEqual(TARGETS.outOfScopeDeclined);
  });

  it(`is confidently wrong on at most ${TARGETS.confidentlyWrong * 100}% of all questions`, () => {
    expect(ours.confidentlyWrong).toBeLessThanOrEqual(TARGETS.confidentlyWrong);
  });

  it('gets every smalltalk message right', () => {
    expect(ours.smalltalkAccuracy).toBe(TARGETS.smalltalkAccuracy);
  });

  // A ratchet above the targets: the figures measured on 2026-11-29 (README: 189/193 in scope, 66/66
  // declined, none confidently wrong of 274), so that a change to the matcher or the knowledge
  // base cannot quietly give back what was gained. Raise them as CloudBot improves.
  it('does not fall below the quality already reached', () => {
    expect(cloudbot.inScopeCorrect).toBeGreaterThanOrEqual(189);
    expect(cloudbot.outOfScopeDeclined).toBeGreaterThanOrEqual(66);
    expect(cloudbot.wrongInScope + cloudbot.wrongOutOfScope).toBe(0);
  });

  it.each(baselines.map((baseline) => [baseline.system, baseline] as const))(
    'beats the baseline "%s" on accuracy and on confidently wrong answers',
    (_name, baseline) => {
      const theirs = rates(baseline);
      expect(ours.inScopeAccuracy).toBeGreaterThan(theirs.inScopeAccuracy);
      expect(ours.confidentlyWrong).toBeLessThan(theirs.confidentlyWrong);
    },
  );
});
