import { loadEvalSet } from '../../scripts/eval/evalSet';
import { rates } from '../../scripts/eval/evaluate';
import { join } from 'node:path';
import { evaluate } from '../../scripts/eval/evaluate';
import { labelledSetFiles } from '../../scripts/model/trainingData';
import { cloudBot, committedQuestionModel, EVAL_SET_PATH, HELDOUT2_SET_PATH, HELDOUT_SET_PATH, runEval } from '../../scripts/eval/runEval';
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
  const { cloudbot, baselines } = runEval(kb, set, committedQuestionModel(kb));
  const ours = rates(cloudbot);

  it('is a set of at least 250 questions, 60 of which must be declined', () => {
    expect(set.length).toBeGreaterThanOrEqual(250);
    expect(set.filter((item) => item.expected === 'decline').length).toBeGreaterThanOrEqual(60);
  });

  it('labels every question, and every held-out question, with ids the knowledge base has', () => {
    for (const item of [...set, ...loadEvalSet(HELDOUT_SET_PATH), ...loadEvalSet(HELDOUT2_SET_PATH)]) {
      if (item.expected !== 'decline') for (const id of item.expected) expect({ line: item.line, id, known: kb.get(id) !== undefined }).toMatchObject({ known: true });
    }
    // Every labelled set, the sealed ones too: a label the knowledge base lacks would be scored as a miss forever.
    for (const item of labelledSetFiles().flatMap((file) => loadEvalSet(join(FIXTURES, file)))) {
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

  // A ratchet above the targets. Since the third session of 2026-12-03 the question model learns
  // from this set, so these are its fit to its training data (193/193, 66/66, none wrong), not a
  // measure of quality: test/model/committedModel.test.ts holds the cross-validated figures.
  // The rules alone gave 190/193, 66/66 and none wrong.
  it('does not fall below the quality already reached', () => {
    expect(cloudbot.inScopeCorrect).toBeGreaterThanOrEqual(193);
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
 * Every other labelled set but the unscored ones (set 21, no longer clean, and set 48, sealed),
 * each held at the figures measured with the question model. The model learns
 * from all of them but sets 16 to 48, so the others' are its fit to its training data: a guard
 * against regressions, not a measure of quality. What generalises is measured by cross-validation (test/model/committedModel.test.ts,
 * `npm run eval:cv`) and by the sealed sets, each scored once at the end of a session and trained
 * on from the next: set 8 at the third's, set 9 at the fourth's, set 10 at the fifth's, set 11 at
 * the sixth's, set 12 at the seventh's, set 13 at the eighth's, set 14 at the ninth's, set 15 at
 * the tenth's; sets 16 to 20 and 22 to 47, scored once at the eleventh to forty-first sessions' ends,
 * are kept out of training (docs/understanding.md). The rules alone had reached, on
 * sets 1 to 7, 84%, 81%, 93%, 90%, 86%, 81% and 69% in scope; the targets (95% in scope,
 * at most 1% confidently wrong) are judged on the cross-validated and sealed figures, not on these.
 */
const OTHER_SETS = [
  { file: 'dev-questions.tsv', inScopeCorrect: 65, declined: 21, wrongAtMost: 0, smalltalk: 3 },
  { file: 'dev5-questions.tsv', inScopeCorrect: 105, declined: 20, wrongAtMost: 0, smalltalk: 5 },
  { file: 'heldout-questions.tsv', inScopeCorrect: 45, declined: 16, wrongAtMost: 0, smalltalk: 3 },
  { file: 'heldout2-questions.tsv', inScopeCorrect: 43, declined: 16, wrongAtMost: 0, smalltalk: 3 },
  { file: 'heldout3-questions.tsv', inScopeCorrect: 42, declined: 15, wrongAtMost: 0, smalltalk: 3 },
  { file: 'heldout4-questions.tsv', inScopeCorrect: 52, declined: 16, wrongAtMost: 0, smalltalk: 6 },
  { file: 'heldout5-questions.tsv', inScopeCorrect: 156, declined: 29, wrongAtMost: 0, smalltalk: 7 },
  // Sets 6 and 7 were one below their full fit in the tenth session: both ask "is PaaS more or
  // less work for me than IaaS?", where the rules' fact (IaaS the most effort) and the model
  // disagreed, so the bot asked. Since the eleventh session, whose model also learns from set 15,
  // the model answers PaaS there, sure enough to overrule the fact.
  { file: 'heldout6-questions.tsv', inScopeCorrect: 185, declined: 26, wrongAtMost: 0, smalltalk: 10 },
  { file: 'heldout7-questions.tsv', inScopeCorrect: 185, declined: 34, wrongAtMost: 0, smalltalk: 10 },
  // Written blind before the third session's work, kept out of the model's training through it,
  // and scored once at its end: 83.0% in scope, 4 confidently wrong, 32/34 declined. Since the
  // fourth session it trains the model like the others, so these are its fit; its honest figure
  // from then on is its cross-validated fold (test/model/committedModel.test.ts).
  { file: 'heldout8-questions.tsv', inScopeCorrect: 188, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the end of the third session, kept out of the model's training through the
  // fourth and scored once at its end: 89.9% in scope, 4 confidently wrong, 34/34 declined
  // (docs/understanding.md). It trains the model from the fifth session, like set 8 before it.
  // One question below its full fit since the eighth session: which of two benefits matters more,
  // labelled with the overview; later writers label such questions with the two benefits, and the
  // model now asks between one of them and the overview. Asked, not answered wrong, until the
  // tenth session: with its six new training sets, which label such questions with the two
  // benefits, the model answers scalability, counted wrong here. Cross-validated, those sets took
  // 3 confident wrong answers off the scored sets (docs/understanding.md, tenth session).
  { file: 'heldout9-questions.tsv', inScopeCorrect: 187, declined: 34, wrongAtMost: 1, smalltalk: 8 },
  // Written blind at the start of the fourth session, kept out of the model's training (SEALED_SETS)
  // through the fifth, and scored once at its end: 92.6% in scope, 6 confidently wrong, 34/34
  // declined (docs/understanding.md). It trains the model from the sixth session, like set 9 before it.
  // From the eighth to the tenth session one question was below its full fit: a yes-or-no
  // comparison of two service models, which its writer labelled with the two models alone and
  // every later writer, told the convention, labels with the family's overview first. At full fit
  // again since the eleventh session's model.
  { file: 'heldout10-questions.tsv', inScopeCorrect: 188, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the fifth session, kept out of the model's training (SEALED_SETS)
  // through the sixth, and scored once at its end: 96.8% in scope, 3 confidently wrong, 34/34
  // declined, 7/8 smalltalk (docs/understanding.md). It trains the model from the seventh session.
  // One question was below its full fit from the tenth session to the fourteenth: which of IaaS
  // and SaaS gives more control, which the lecture's facts answer (IaaS) and the model, trained on
  // more two-model comparisons labelled with the overview first, disputed, so the bot asked
  // between the two. Since the fifteenth session the overview answers it, the fact said first.
  { file: 'heldout11-questions.tsv', inScopeCorrect: 188, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the sixth session, kept out of the model's training (SEALED_SETS)
  // through the seventh, and scored once at its end: 97.9% in scope, none confidently wrong, 34/34
  // declined, 8/8 smalltalk (docs/understanding.md). It trains the model from the eighth session.
  { file: 'heldout12-questions.tsv', inScopeCorrect: 188, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the seventh session, kept out of the model's training (SEALED_SETS)
  // through the eighth, and scored once at its end: 97.9% in scope, none confidently wrong, 34/34
  // declined, 8/8 smalltalk (docs/understanding.md). It trains the model from the ninth session.
  { file: 'heldout13-questions.tsv', inScopeCorrect: 188, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the eighth session, kept out of the model's training (SEALED_SETS)
  // through the ninth, and scored once at its end: 96.3% in scope, 3 confidently wrong (1.3%), 33/34
  // declined, 8/8 smalltalk (docs/understanding.md). It trains the model from the tenth session.
  { file: 'heldout14-questions.tsv', inScopeCorrect: 188, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the ninth session, kept out of the model's training (SEALED_SETS)
  // through the tenth, and scored once at its end: 100% in scope, none confidently wrong, 34/34
  // declined, 8/8 smalltalk (docs/understanding.md). It trains the model from the eleventh session,
  // so these are its fit; its cross-validated fold gives the same figures.
  { file: 'heldout15-questions.tsv', inScopeCorrect: 188, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the tenth session, kept out of the model's training (SEALED_SETS)
  // through the eleventh, and scored once at its end: 99.5% in scope, none confidently wrong, 34/34
  // declined, 8/8 smalltalk (docs/understanding.md). Held at that sealed score. Still out of
  // training: in the twelfth session, training on it cost the other scored sets 6 right answers
  // and added 2 wrong ones, cross-validated, so it was not kept. At 186 from the fortieth session,
  // whose retrained model ("upside" read as "advantage" in its training questions) offers the
  // benefits first, below its answer threshold, for a governor's "main selling points … compared to
  // keeping everything on site"; cross-validated, that change gave 10 more right, 2 fewer, 1 wrong.
  { file: 'heldout16-questions.tsv', inScopeCorrect: 186, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the eleventh session, kept out of the model's training (SEALED_SETS)
  // through the twelfth, and scored once at its end: 98.9% in scope, none confidently wrong, 34/34
  // declined, 8/8 smalltalk (docs/understanding.md). Held at that sealed score.
  { file: 'heldout17-questions.tsv', inScopeCorrect: 187, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the twelfth session, kept out of the model's training (SEALED_SETS)
  // through the thirteenth, and scored once at its end: 97.3% in scope (183), none confidently
  // wrong, 34/34 declined, 8/8 smalltalk (docs/understanding.md). Held at 182 from the fourteenth
  // session: retrained for its three reading changes, the model gives one question it answered
  // right (the lag between a hybrid cloud's own and rented parts) 0.49 where it gave 0.50, and it is
  // declined, not answered wrong. Cross-validated over every labelled set, the same changes gave 44
  // more right answers and 38 fewer wrong ones, and one more right on the scored sets. Back at its
  // sealed score since the eighteenth session's model (a comparison of control it had asked back).
  // At 184 from the nineteenth session, whose reading of "more or less" answers one more; at 185
  // from the thirty-second, whose model answers that lag question again.
  { file: 'heldout18-questions.tsv', inScopeCorrect: 185, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the thirteenth session, kept out of the model's training
  // (SEALED_SETS) through the fourteenth, and scored once at its end: 98.4% in scope, none
  // confidently wrong, 34/34 declined, 8/8 smalltalk (docs/understanding.md). Held at that sealed score.
  { file: 'heldout19-questions.tsv', inScopeCorrect: 185, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the fourteenth session, kept out of the model's training
  // (SEALED_SETS) through the fifteenth, and scored once at its end: 98.4% in scope, none
  // confidently wrong, 34/34 declined, 8/8 smalltalk (docs/understanding.md). Held at that sealed
  // score until the twenty-sixth session, whose code answers one more of it (a scenario it had declined).
  // At 185 from the thirty-second session: retrained for its reading changes (every reason, what
  // other drawbacks, more words for a side, a statement naming no topic), the model gives one
  // scenario (persuading a firm to move) 0.54 where the rules decline, under the 0.55 it needs
  // alone, and it is declined, not answered wrong. Over the development sets 16 to 37, the same
  // changes answer 2 more right and 1 fewer wrong (docs/understanding.md). At 187 from the
  // thirty-seventh session, whose model, retrained on "instead of…" read to the sentence's subject,
  // answers that scenario.
  { file: 'heldout20-questions.tsv', inScopeCorrect: 187, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind in the fifteenth session, kept out of the model's training (SEALED_SETS) through
  // the sixteenth, and scored once at its end: 97.3% in scope, 1 confidently wrong (0.4%), 34/34
  // declined, 8/8 smalltalk (docs/understanding.md). Held at that sealed score until the eighteenth
  // session, whose reading of a statement before a question changed what 15 of the 16,403 training
  // questions teach: retrained on them, the model asks back about one long question it had answered
  // right (a student who missed the definition), where it answers one more of set 18. Neither is a
  // confident wrong answer; cross-validated, the session's changes gave 27 more right answers and
  // 19 fewer wrong over all sets, the scored sets unchanged. At 183 and none wrong from the
  // nineteenth session, whose chat spellings ("ppl") turn its one wrong answer right. At 182 from
  // the thirty-second session, whose retrained model gives one long comparison of IaaS and PaaS
  // 0.50 and declines it, as set 20's scenario above. At 183 from the thirty-fifth session, whose
  // retrained model answers a student who missed the first half of the lecture. At 182 from the
  // fortieth, whose retrained model asks back about that student again (set 16 above says why).
  { file: 'heldout22-questions.tsv', inScopeCorrect: 182, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the sixteenth session, kept out of the model's training
  // (SEALED_SETS) through the seventeenth, and scored once at its end: 97.9% in scope, none
  // confidently wrong, 34/34 declined, 8/8 smalltalk (docs/understanding.md). Held at that sealed
  // score until the nineteenth session, whose chat spellings ("dose", "meen") answer one more. At
  // 186 from the thirty-seventh session, where the rules' best part of the family a choice names,
  // agreed by a model at least 0.4 sure of it, answers (a question of reach).
  { file: 'heldout23-questions.tsv', inScopeCorrect: 186, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the seventeenth session, kept out of the model's training
  // (SEALED_SETS) through the eighteenth, and scored once at its end: 94.7% in scope (178, one
  // short of the 95% target, as the starting code), 1 confidently wrong (0.4%), 34/34 declined,
  // 8/8 smalltalk (docs/understanding.md). Held at that sealed score until the twenty-first
  // session, whose model answers "do as little as possible" as the least effort: 179 (95.2%). At
  // 180 from the thirty-second session, whose model answers a question about backups it asked back.
  // At 181 later; at 180 from the thirty-seventh session, whose model, retrained on "instead of…"
  // read to the sentence's subject, asks back about that question on backups again (disaster
  // mitigation or fault tolerance), where over every labelled set it answers 4 more right and 2
  // fewer wrong (docs/understanding.md).
  { file: 'heldout24-questions.tsv', inScopeCorrect: 180, declined: 34, wrongAtMost: 1, smalltalk: 8 },
  // Written blind at the start of the eighteenth session, kept out of the model's training
  // (SEALED_SETS) through the nineteenth, and scored once at its end: 96.3% in scope (181), 2
  // confidently wrong (0.9%), 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting
  // code 182 and 2. Held at that sealed score until the twentieth session, whose sharing scale
  // answers "the least sharing of infrastructure" with the private cloud, one of its two wrong answers.
  { file: 'heldout25-questions.tsv', inScopeCorrect: 184, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the nineteenth session, kept out of the model's training
  // (SEALED_SETS) through the twentieth, and scored once at its end: 99.5% in scope (187), 1
  // confidently wrong (0.4%), 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting
  // code the same. Held at that sealed score.
  { file: 'heldout26-questions.tsv', inScopeCorrect: 188, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the twentieth session, kept out of the model's training
  // (SEALED_SETS) through the twenty-first, and scored once at its end: 98.9% in scope (186), 1
  // confidently wrong (0.4%), 34/34 declined, 7/8 smalltalk (docs/understanding.md); the starting
  // code the same. Held at that sealed score until the twenty-second session, which read its misses
  // and answers two of them (a greeting before "remind me what agility was", "how do i use this
  // bot"): 187 (99.5%), none wrong, 8/8 smalltalk.
  { file: 'heldout27-questions.tsv', inScopeCorrect: 187, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the twenty-first session, kept out of the model's training
  // (SEALED_SETS) through the twenty-second, and scored once at its end: 98.9% in scope (186), none
  // confidently wrong, 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting code the
  // same. Held at that sealed score until the thirty-seventh session, whose model, retrained on
  // "instead of…" read to the sentence's subject, answers a scenario of a prototype running today.
  { file: 'heldout28-questions.tsv', inScopeCorrect: 187, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the twenty-second session, kept out of the model's training
  // (SEALED_SETS) through the twenty-third, and scored once at its end: 98.9% in scope (186), one
  // confidently wrong (0.4%), 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting
  // code the same. Held at that sealed score until the thirty-seventh session, whose reading of
  // "instead of buying a car you hire a taxi" to the sentence's subject answers its one wrong answer.
  { file: 'heldout29-questions.tsv', inScopeCorrect: 187, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the twenty-third session, kept out of the model's training
  // (SEALED_SETS) through the twenty-fourth, and scored once at its end: 96.3% in scope (181), 3
  // confidently wrong (1.3%, over the 1% target), 34/34 declined, 8/8 smalltalk
  // (docs/understanding.md); the starting code the same. A development set since: the twenty-fifth
  // session's code answers two of its wrong three (a provider who "takes on the most work", a
  // choice between "me or the provider" within PaaS), and is held there.
  { file: 'heldout30-questions.tsv', inScopeCorrect: 185, declined: 34, wrongAtMost: 1, smalltalk: 8 },
  // Written blind at the start of the twenty-fourth session, kept out of the model's training
  // (SEALED_SETS) through the twenty-fifth, and scored once at its end: 96.3% in scope (181), 3
  // confidently wrong (1.3%, over the 1% target), 34/34 declined, 8/8 smalltalk
  // (docs/understanding.md); the starting code the same. A development set since: the
  // twenty-sixth session's code answers its wrong three (a disadvantage of the public cloud, the
  // public cloud "deployment model", a mix offered beside public and private), and is held there;
  // the thirty-fifth's answers one more (OS updates not handled, IaaS or PaaS).
  { file: 'heldout31-questions.tsv', inScopeCorrect: 185, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the twenty-fifth session, kept out of the model's training
  // (SEALED_SETS) through the twenty-sixth, and scored once at its end: 97.9% in scope (184), 1
  // confidently wrong (0.4%), 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting
  // code 98.4% (185) and 1. A development set since: the twenty-seventh session's code answers its
  // wrong one (a Flask app whose team wants nothing to do with installing Linux: PaaS, read from
  // the parts' duties), and is held there.
  { file: 'heldout32-questions.tsv', inScopeCorrect: 186, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the twenty-sixth session, kept out of the model's training
  // (SEALED_SETS) through the twenty-seventh, and scored once at its end: 98.4% in scope (185), none
  // confidently wrong, 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting code
  // the same. Held at that sealed score. At 185 from the thirty-fifth session, whose reading of
  // understood sentences changed what some training questions teach: retrained on them, the model
  // declines "walk me through the three service models in order, from the one where I do the most
  // work…", where it answers one more of set 22. Neither is a confident wrong answer; cross-validated,
  // the reading turned 6 confident wrong answers right, none lost.
  { file: 'heldout33-questions.tsv', inScopeCorrect: 185, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the twenty-seventh session, kept out of the model's training
  // (SEALED_SETS) through the twenty-eighth, and scored once at its end: 97.3% in scope (183), 1
  // confidently wrong (0.4%), 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting
  // code the same. Held at that sealed score.
  { file: 'heldout34-questions.tsv', inScopeCorrect: 183, declined: 34, wrongAtMost: 1, smalltalk: 8 },
  // Set 35: written blind at the start of the twenty-eighth session, kept out of the model's
  // training (SEALED_SETS) through the twenty-ninth, and scored once at its end: 97.9% in scope
  // (184), none confidently wrong, 34/34 declined, 8/8 smalltalk (docs/understanding.md); the
  // starting code the same. Held at that sealed score.
  { file: 'heldout35-questions.tsv', inScopeCorrect: 184, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Set 36: written blind at the start of the twenty-ninth session, kept out of the model's
  // training (SEALED_SETS) through the thirtieth, and scored once at its end: 98.4% in scope
  // (185), 2 confidently wrong (0.9%), 34/34 declined, 8/8 smalltalk (docs/understanding.md); the
  // starting code the same. Held at that sealed score.
  { file: 'heldout36-questions.tsv', inScopeCorrect: 185, declined: 34, wrongAtMost: 2, smalltalk: 8 },
  // Set 37: written blind at the start of the thirtieth session, kept out of the model's training
  // (SEALED_SETS) through the thirty-first, and scored once at its end: 97.9% in scope (184), 1
  // confidently wrong (0.4%), 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting
  // code the same. At 186 and none wrong from the thirty-second session, which reads "every reason"
  // as the whole list and "minuses" as a side.
  { file: 'heldout37-questions.tsv', inScopeCorrect: 186, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Set 38: written blind at the start of the thirty-first session, kept out of the model's training
  // (SEALED_SETS) through the thirty-second, and scored once near its end: 96.3% in scope (181), 4
  // confidently wrong (1.7%, over the 1% target), 34/34 declined, 7/8 smalltalk
  // (docs/understanding.md); the starting code the same. Its misses read, two changes after it
  // ("every reason we might regret it" as the list against; "the most of the work on the
  // provider" as the least effort for the student) turn two wrong answers right: 183, 2 wrong.
  // 8/8 smalltalk from the thirty-third session, which reads "is anyone around?" as a greeting.
  // The thirty-sixth session's retrained model asks back "…the least hardware purchased up front?": 182.
  { file: 'heldout38-questions.tsv', inScopeCorrect: 182, declined: 34, wrongAtMost: 2, smalltalk: 8 },
  // Set 39: written blind at the start of the thirty-second session, kept out of the model's
  // training (SEALED_SETS) through the thirty-third, and scored once near its end: 95.7% in scope
  // (180), 3 confidently wrong (1.3%, over the 1% target), 34/34 declined, 7/8 smalltalk
  // (docs/understanding.md); the starting code 179, 2 wrong. Its misses read, two changes after it
  // (the lecture's silence on which one of a whole family is at an end no longer kept against the
  // model; "how am I supposed to use this bot?" as help) turn one wrong answer into a question
  // back and the smalltalk right: 180, 2 wrong, 8/8. At 181 from the thirty-seventh session, where
  // the rules' best part of the family a choice names, agreed by the model, answers (moving data).
  { file: 'heldout39-questions.tsv', inScopeCorrect: 181, declined: 34, wrongAtMost: 2, smalltalk: 8 },
  // Written blind at the start of the thirty-third session, committed unread, kept out of training
  // (SEALED_SETS) through the thirty-fourth, and scored once near its end: 97.3% in scope (183), 1
  // confidently wrong (0.4%), 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting
  // code the same, the session having changed nothing a student is answered with. A development
  // set since: the thirty-fifth session's code answers its wrong one (servers, OS and code not
  // cared about), and is held there.
  { file: 'heldout40-questions.tsv', inScopeCorrect: 184, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the thirty-fourth session, committed unread, kept out of training
  // (SEALED_SETS) through the thirty-fifth, and scored once near its end: 96.3% in scope (181), 3
  // confidently wrong (1.3%, over the 1% target), 34/34 declined, 8/8 smalltalk
  // (docs/understanding.md); the starting code the same. A development set since: the thirty-sixth
  // session reads "can you break it down?" as a request to explain, not a machine breaking down: 182, 2 wrong;
  // the thirty-seventh answers "go through the public one" with the public cloud, and a belief of
  // writing code in SaaS with SaaS, the belief corrected: 184, 1 wrong.
  { file: 'heldout41-questions.tsv', inScopeCorrect: 184, declined: 34, wrongAtMost: 1, smalltalk: 8 },
  // Written blind at the start of the thirty-fifth session, committed unread, kept out of training
  // (SEALED_SETS) through the thirty-sixth, and scored once near its end: 98.4% in scope (185), 2
  // confidently wrong (0.9%), 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting
  // code the same, answer for answer. A development set since: the thirty-seventh session answers
  // a belief of setting up the OS in SaaS with SaaS, the belief corrected: 186. The fortieth reads
  // "avoid dealing with" a duty as not doing it: 187, 1 wrong.
  { file: 'heldout42-questions.tsv', inScopeCorrect: 187, declined: 34, wrongAtMost: 1, smalltalk: 8 },
  // Written blind at the start of the thirty-sixth session, committed unread, kept out of training
  // (SEALED_SETS) through the thirty-seventh, and scored once near its end: 100% in scope (188),
  // none confidently wrong, 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting
  // code the same. Held there: a development set since.
  { file: 'heldout43-questions.tsv', inScopeCorrect: 188, declined: 34, wrongAtMost: 0, smalltalk: 8 },
  // Written blind at the start of the thirty-seventh session, committed unread, kept out of training
  // (SEALED_SETS) through the thirty-eighth, and scored once near its end: 98.4% in scope (185), 2
  // confidently wrong (0.9%), 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting
  // code the same, answer for answer. Held there: a development set since.
  { file: 'heldout44-questions.tsv', inScopeCorrect: 185, declined: 34, wrongAtMost: 2, smalltalk: 8 },
  // Written blind at the start of the thirty-eighth session, committed unread, kept out of training
  // (SEALED_SETS) through the thirty-ninth, and scored once near its end: 98.9% in scope (186), 2
  // confidently wrong (0.9%), 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting
  // code the same, answer for answer. A development set since: the fortieth session reads a duty
  // wanted only where its words are said together, so "an app … write messages" wants none: 187, 1 wrong.
  { file: 'heldout45-questions.tsv', inScopeCorrect: 187, declined: 34, wrongAtMost: 1, smalltalk: 8 },
  // Written blind at the start of the thirty-ninth session, committed unread, kept out of training
  // (SEALED_SETS) through the fortieth, and scored once near its end: 96.8% in scope (182), 3
  // confidently wrong (1.3%, over the 1% target), 34/34 declined, 8/8 smalltalk
  // (docs/understanding.md); the starting code the same, answer for answer. Held there: a
  // development set since.
  { file: 'heldout46-questions.tsv', inScopeCorrect: 182, declined: 34, wrongAtMost: 3, smalltalk: 8 },
  // Written blind at the start of the fortieth session, committed unread, kept out of training
  // (SEALED_SETS) through the forty-first, and scored once near its end: 98.4% in scope (185), 1
  // confidently wrong (0.4%), 34/34 declined, 8/8 smalltalk (docs/understanding.md); the starting
  // code the same, answer for answer. Held there: a development set since.
  { file: 'heldout47-questions.tsv', inScopeCorrect: 185, declined: 34, wrongAtMost: 1, smalltalk: 8 },
] as const;

describe.each(OTHER_SETS)('answer quality on $file', ({ file, inScopeCorrect, declined, wrongAtMost, smalltalk }) => {
  const report = evaluate(cloudBot(realKnowledgeBase(), committedQuestionModel(realKnowledgeBase())), loadEvalSet(join(FIXTURES, file)));

  it(`answers at least ${inScopeCorrect} in-scope questions right, declines at least ${declined}, and is confidently wrong at most ${wrongAtMost} times`, () => {
    expect(report.inScopeCorrect).toBeGreaterThanOrEqual(inScopeCorrect);
    expect(report.outOfScopeDeclined).toBeGreaterThanOrEqual(declined);
    expect(report.wrongInScope + report.wrongOutOfScope).toBeLessThanOrEqual(wrongAtMost);
  });

  it('gets the smalltalk right that it got when measured', () => {
    expect(report.smalltalkCorrect).toBeGreaterThanOrEqual(smalltalk);
  });
});
