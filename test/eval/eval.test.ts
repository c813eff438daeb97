import { loadEvalSet } from '../../scripts/eval/evalSet';
import { rates } from '../../scripts/eval/evaluate';
import { join } from 'node:path';
import { evaluate } from '../../scripts/eval/evaluate';
import { cloudBot, EVAL_SET_PATH, HELDOUT2_SET_PATH, HELDOUT_SET_PATH, runEval } from '../../scripts/eval/runEval';
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
    for (const item of OTHER_SETS.flatMap(({ file }) => loadEvalSet(join(FIXTURES, file)))) {
      if (item.expected !== 'decline') for (const id of item.expected) expect({ question: item.question, id, known: kb.get(id) !== undefined }).toMatchObject({ known: true });
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

  // A ratchet above the targets: the figures measured on 2026-12-03 (docs/understanding.md: 190/193
  // in scope, 66/66 declined, none confidently wrong of 274), so that a change to the matcher or the
  // knowledge base cannot quietly give back what was gained. Raise them as CloudBot improves.
  it('does not fall below the quality already reached', () => {
    expect(cloudbot.inScopeCorrect).toBeGreaterThanOrEqual(190);
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

const FIXTURES = join(__dirname, '../fixtures');

/**
 * Every other question set, each held at the figures measured on 2026-12-03 (docs/understanding.md),
 * so that a change to the matcher or the knowledge base cannot quietly give back what was gained.
 * `seen` says whether the set's figures were seen while the matcher or the knowledge base was
 * tuned: those are optimistic. In the second session of 2026-12-03 every set here was a
 * development set: changes were chosen on development set 5 and held-out set 5 and checked on
 * the others, set 6 among them; set 7 stayed sealed and was scored once at the end. The targets (95% in scope, at most 1% confidently wrong) are not
 * met on the held-out sets; these are the figures measured, not the targets.
 */
const OTHER_SETS = [
  { file: 'dev-questions.tsv', seen: true, inScopeCorrect: 56, declined: 20, wrongAtMost: 1, smalltalk: 3 },
  { file: 'dev5-questions.tsv', seen: true, inScopeCorrect: 97, declined: 20, wrongAtMost: 0, smalltalk: 5 },
  { file: 'heldout-questions.tsv', seen: true, inScopeCorrect: 38, declined: 16, wrongAtMost: 1, smalltalk: 3 },
  { file: 'heldout2-questions.tsv', seen: true, inScopeCorrect: 35, declined: 16, wrongAtMost: 1, smalltalk: 3 },
  { file: 'heldout3-questions.tsv', seen: true, inScopeCorrect: 39, declined: 14, wrongAtMost: 1, smalltalk: 3 },
  { file: 'heldout4-questions.tsv', seen: true, inScopeCorrect: 47, declined: 16, wrongAtMost: 0, smalltalk: 6 },
  { file: 'heldout5-questions.tsv', seen: true, inScopeCorrect: 134, declined: 28, wrongAtMost: 4, smalltalk: 7 },
  { file: 'heldout6-questions.tsv', seen: true, inScopeCorrect: 149, declined: 26, wrongAtMost: 7, smalltalk: 10 },
  // Written blind (the lecture and the entry ids only) before the second session's tuning, sealed
  // through it, and scored once at its end: the one unbiased figure of that session. From now on
  // it is seen too; a further change needs a new sealed set.
  { file: 'heldout7-questions.tsv', seen: false, inScopeCorrect: 128, declined: 33, wrongAtMost: 12, smalltalk: 9 },
] as const;

describe.each(OTHER_SETS)('answer quality on $file', ({ file, inScopeCorrect, declined, wrongAtMost, smalltalk }) => {
  const report = evaluate(cloudBot(realKnowledgeBase()), loadEvalSet(join(FIXTURES, file)));

  it(`answers at least ${inScopeCorrect} in-scope questions right, declines at least ${declined}, and is confidently wrong at most ${wrongAtMost} times`, () => {
    expect(report.inScopeCorrect).toBeGreaterThanOrEqual(inScopeCorrect);
    expect(report.outOfScopeDeclined).toBeGreaterThanOrEqual(declined);
    expect(report.wrongInScope + report.wrongOutOfScope).toBeLessThanOrEqual(wrongAtMost);
  });

  it('gets the smalltalk right that it got when measured', () => {
    expect(report.smalltalkCorrect).toBeGreaterThanOrEqual(smalltalk);
  });
});
