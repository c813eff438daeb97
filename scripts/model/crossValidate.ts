import { parseArgs } from 'node:util';
import type { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { DEFAULT_MATCHING_OPTIONS } from '../../src/matching/matchingOptions';
import { Matcher } from '../../src/matching/Matcher';
import { QuestionClassifier } from '../../src/matching/questionModel';
import { DEFAULT_TRAINING_OPTIONS, trainQuestionModel, type TrainingOptions } from '../../src/matching/trainQuestionModel';
import type { EvalQuestion } from '../eval/evalSet';
import { type EvalReport, evaluate } from '../eval/evaluate';
import { matcherSystem } from '../eval/runEval';
import { isTrainingOnlySet, loadSets, trainingExamples, trainingSetFiles } from './trainingData';

/** One set's scores, the rules alone and with a model that never saw it. */
export interface FoldReport {
  set: string;
  rules: EvalReport;
  withModel: EvalReport;
}

/**
 * Leave-one-set-out cross-validation: for each labelled set, a model trained on the knowledge
 * base and every other set answers it. The only honest figures for sets the model learns from.
 */
export function crossValidate(kb: KnowledgeBase, sets: ReadonlyMap<string, readonly EvalQuestion[]>, training: Readonly<TrainingOptions> = DEFAULT_TRAINING_OPTIONS, matching = DEFAULT_MATCHING_OPTIONS): FoldReport[] {
  return scoreFolds(kb, sets, foldModels(kb, sets, training), matching);
}

/** For each set named in `folds` (by default every set), the model trained on the knowledge base and all the other sets. */
export function foldModels(
  kb: KnowledgeBase,
  sets: ReadonlyMap<string, readonly EvalQuestion[]>,
  training: Readonly<TrainingOptions> = DEFAULT_TRAINING_OPTIONS,
  folds: readonly string[] = [...sets.keys()],
): Map<string, QuestionClassifier> {
  const rulesOnly = new Matcher(kb);
  return new Map(
    folds.map((name) => {
      const others = [...sets].filter(([other]) => other !== name).map(([, questions]) => questions);
      return [name, new QuestionClassifier(trainQuestionModel(trainingExamples(kb, rulesOnly, others), 'cross-validation', training))];
    }),
  );
}

/** Each set that has a fold's model, answered by the rules alone and with that model, under the given matching options. */
export function scoreFolds(kb: KnowledgeBase, sets: ReadonlyMap<string, readonly EvalQuestion[]>, models: ReadonlyMap<string, QuestionClassifier>, matching = DEFAULT_MATCHING_OPTIONS): FoldReport[] {
  const rulesOnly = new Matcher(kb, matching);
  return [...sets].filter(([name]) => models.has(name)).map(([name, set]) => {
    const withModel = new Matcher(kb, matching, undefined, models.get(name));
    return { set: name, rules: evaluate(matcherSystem(kb, rulesOnly, 'rules'), set), withModel: evaluate(matcherSystem(kb, withModel, 'rules + model'), set) };
  });
}

const cell = (r: EvalReport) => `${String(r.inScopeCorrect)}/${String(r.inScope)} (${((100 * r.inScopeCorrect) / Math.max(1, r.inScope)).toFixed(1)}%) | ${String(r.wrongInScope + r.wrongOutOfScope)} | ${String(r.outOfScopeDeclined)}/${String(r.outOfScope)}`;

/**
 * `--sweep`: every combination of the second opinion's thresholds around the defaults, scored on
 * the same fold models, best first by right answers less three for each confident wrong one.
 */
function sweep(kb: KnowledgeBase, sets: ReadonlyMap<string, readonly EvalQuestion[]>, models: ReadonlyMap<string, QuestionClassifier>): string[] {
  const rows: { merit: number; line: string }[] = [];
  for (const opinionAnswer of [0.6, 0.7, 0.8])
    for (const opinionDecline of [0.4, 0.5, 0.7])
      for (const opinionTrusted of [0.45, 0.55, 0.65])
        for (const opinionOverrule of [0.8, 0.9]) {
          const folds = scoreFolds(kb, sets, models, { ...DEFAULT_MATCHING_OPTIONS, opinionAnswer, opinionDecline, opinionTrusted, opinionOverrule });
          const sum = (key: 'inScopeCorrect' | 'wrongInScope' | 'wrongOutOfScope' | 'outOfScopeDeclined') => folds.reduce((total, fold) => total + fold.withModel[key], 0);
          const wrong = sum('wrongInScope') + sum('wrongOutOfScope');
          rows.push({
            merit: sum('inScopeCorrect') - 3 * wrong,
            line: `answer ${String(opinionAnswer)} decline ${String(opinionDecline)} trusted ${String(opinionTrusted)} overrule ${String(opinionOverrule)}: right ${String(sum('inScopeCorrect'))}, wrong ${String(wrong)}, declined ${String(sum('outOfScopeDeclined'))}`,
          });
        }
  return rows.sort((a, b) => b.merit - a.merit).map((row) => row.line);
}

function main(): void {
  const { values } = parseArgs({ options: { prune: { type: 'string' }, l2: { type: 'string' }, answer: { type: 'string' }, decline: { type: 'string' }, sweep: { type: 'boolean' }, neighbours: { type: 'string' } } });
  const training = { ...DEFAULT_TRAINING_OPTIONS, ...(values.prune === undefined ? {} : { prune: Number(values.prune) }), ...(values.l2 === undefined ? {} : { l2: Number(values.l2) }) };
  const matching = {
    ...DEFAULT_MATCHING_OPTIONS,
    ...(values.answer === undefined ? {} : { opinionAnswer: Number(values.answer) }),
    ...(values.decline === undefined ? {} : { opinionDecline: Number(values.decline) }),
  };
  const kb = loadKnowledgeBase(defaultKnowledgeDir());
  const sets = loadSets(trainingSetFiles());
  if (values.sweep === true) {
    process.stdout.write(`${sweep(kb, sets, foldModels(kb, sets, training)).join('\n')}\n`);
    return;
  }
  if (values.neighbours !== undefined) {
    // The other meaning-level signal (docs/semantic-signal.md): word neighbours, which learn nothing, on the same sets.
    const options = { ...matching, neighbourSimilarity: Number(values.neighbours) };
    const reports = [...sets].map(([name, set]) => [name, evaluate(matcherSystem(kb, new Matcher(kb, options), 'rules + neighbours'), set)] as const);
    const sum = (key: 'inScopeCorrect' | 'inScope' | 'wrongInScope' | 'wrongOutOfScope' | 'outOfScopeDeclined' | 'outOfScope') => reports.reduce((total, [, report]) => total + report[key], 0);
    process.stdout.write(
      `Rules + word neighbours ≥ ${values.neighbours}: in scope right ${String(sum('inScopeCorrect'))}/${String(sum('inScope'))}, wrong ${String(sum('wrongInScope') + sum('wrongOutOfScope'))}, declined ${String(sum('outOfScopeDeclined'))}/${String(sum('outOfScope'))}\n`,
    );
    return;
  }
  const folds = crossValidate(kb, sets, training, matching);
  process.stdout.write(`${foldTable(folds).join('\n')}\n`);
}

/**
 * The folds as a Markdown table, with a total over every set and one over the sets written as
 * students' questions to score the bot (not `train-*`, written to teach the model), so that the
 * figures compare with those measured before the training sets were added.
 */
function foldTable(folds: readonly FoldReport[]): string[] {
  const scored = folds.filter((fold) => !isTrainingOnlySet(fold.set));
  return [
    '| set | rules: in scope right | wrong | declined | rules + model: in scope right | wrong | declined |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...folds.map((fold) => `| ${fold.set.replace('-questions.tsv', '')} | ${cell(fold.rules)} | ${cell(fold.withModel)} |`),
    totalRow('evaluation and held-out sets', scored),
    totalRow('all', folds),
  ];
}

function totalRow(name: string, folds: readonly FoldReport[]): string {
  const total = (pick: (fold: FoldReport) => EvalReport, key: keyof EvalReport) => folds.reduce((sum, fold) => sum + Number(pick(fold)[key]), 0);
  return `| ${name} | ${(['rules', 'withModel'] as const)
      .map((side) => {
        const pick = (fold: FoldReport) => fold[side];
        const inScope = total(pick, 'inScope');
        return `${String(total(pick, 'inScopeCorrect'))}/${String(inScope)} (${((100 * total(pick, 'inScopeCorrect')) / inScope).toFixed(1)}%) | ${String(total(pick, 'wrongInScope') + total(pick, 'wrongOutOfScope'))} of ${String(total(pick, 'questions'))} | ${String(total(pick, 'outOfScopeDeclined'))}/${String(total(pick, 'outOfScope'))}`;
      })
      .join(' | ')} |`;
}

if (require.main === module) main();
