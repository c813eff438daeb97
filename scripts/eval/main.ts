import { basename, dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { LABELLED_SETS_DIR, trainingSetFiles } from '../model/trainingData';
import { loadEvalSet } from './evalSet';
import { committedQuestionModel, EVAL_SET_PATH, formatTable, runEval } from './runEval';

/**
 * `npm run eval`: the table for the docs, then every miss of CloudBot's with what was expected.
 * `npm run eval -- --set <file.tsv>` scores another question file of the same format instead,
 * such as the held-out set that is never used for tuning.
 */
function main(): void {
  const { values } = parseArgs({ options: { set: { type: 'string' }, quiet: { type: 'boolean' } } });
  const path = values.set === undefined ? EVAL_SET_PATH : resolve(values.set);
  const kb = loadKnowledgeBase(defaultKnowledgeDir());
  const { cloudbot, baselines } = runEval(kb, loadEvalSet(path), committedQuestionModel(kb));
  const trained = trainingSetFiles().includes(basename(path)) && dirname(path) === LABELLED_SETS_DIR;
  const out: string[] = [
    ...(trained
      ? [`Note: the question model learns from this set, so CloudBot's figures below are its fit to its own training data; \`npm run eval:cv\` scores each set with a model that never saw it.`, '']
      : []),
    `Evaluation set ${relative(process.cwd(), path)}: ${cloudbot.questions} questions (${cloudbot.inScope} in scope, ${cloudbot.outOfScope} out of scope, ${cloudbot.smalltalk} smalltalk)`,
    '',
    formatTable([cloudbot, ...baselines]),
    '',
    `CloudBot by category: ${[...cloudbot.byCategory].map(([name, c]) => `${name} ${c.right}/${c.questions}`).join(', ')}`,
    '',
    `CloudBot misses (${cloudbot.misses.length}):`,
    // `--quiet` scores a sealed set without showing its questions.
    ...(values.quiet === true ? [] : cloudbot.misses).map((m) => `  line ${m.line}: "${m.question}" expected ${m.expected}, got ${m.got}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
