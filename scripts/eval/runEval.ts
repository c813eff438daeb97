import { join } from 'node:path';
import { Answerer } from '../../src/answering/Answerer';
import type { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { Matcher } from '../../src/matching/Matcher';
import { QuestionClassifier, type QuestionModel, readQuestionModel } from '../../src/matching/questionModel';
import { bm25, plainFuse } from './baselines';
import { type EvalQuestion, loadEvalSet } from './evalSet';
import { type EvalReport, type EvalSystem, evaluate, rates } from './evaluate';

export const EVAL_SET_PATH = join(__dirname, '../../test/fixtures/eval-questions.tsv');
/** Questions written after the matcher was tuned on the evaluation set, to score it on questions it was not tuned on. */
export const HELDOUT_SET_PATH = join(__dirname, '../../test/fixtures/heldout-questions.tsv');
/** A second held-out set, written by someone else after all the tuning on the two sets above. */
export const HELDOUT2_SET_PATH = join(__dirname, '../../test/fixtures/heldout2-questions.tsv');

/** The question model committed beside the knowledge base, which the bot uses; a model that does not fit is an error here. */
export function committedQuestionModel(kb: KnowledgeBase, dir: string = defaultKnowledgeDir()): QuestionModel {
  const result = readQuestionModel(dir, kb);
  if (!result.ok) throw new Error(`The committed question model cannot be used: ${result.reason}`);
  return result.model;
}

/** CloudBot through the same Answerer as `ask` and the bot; with `model` as the bot has it, or the rules alone. */
export function cloudBot(kb: KnowledgeBase, model?: QuestionModel): EvalSystem {
  const matcher = new Matcher(kb, {}, undefined, model === undefined ? undefined : new QuestionClassifier(model));
  return matcherSystem(kb, matcher, model === undefined ? 'CloudBot, rules alone' : 'CloudBot');
}

/** Any matcher (other options, another model) answering through the Answerer, as the bot would with it. */
export function matcherSystem(kb: KnowledgeBase, matcher: Matcher, name: string): EvalSystem {
  const answerer = new Answerer(kb, matcher);
  return {
    name,
    reply(question) {
      const reply = answerer.answerQuestion(question);
      return { kind: reply.kind, id: reply.id, suggestions: reply.suggestions.map((s) => s.id) };
    },
  };
}

/** BM25 thresholds tried for baseline (b); the one that serves it best is reported. */
const BM25_THRESHOLDS = [0, 2, 4, 6, 8, 10, 12, 15, 20, 25, 30];

/** Scores CloudBot and both baselines on the same set, in one run. */
export function runEval(kb: KnowledgeBase, set: readonly EvalQuestion[] = loadEvalSet(EVAL_SET_PATH), model?: QuestionModel) {
  // The timed instances are built first, as an instance builds its index at start, long before
  // its first message. One untimed pass on throwaway instances then warms the JIT, as a few
  // messages warm a live instance, and lets the timed instances' indexes settle in the old
  // generation: built just before the pass, they made its first garbage collections copy them,
  // and those pauses were the p99. The timed instances have answered nothing, so no cache
  // carries over.
  const timedCloudBot = cloudBot(kb, model);
  const timedFuse = plainFuse(kb);
  evaluate(cloudBot(kb, model), set);
  evaluate(plainFuse(kb), set);
  const cloudbot = evaluate(timedCloudBot, set);
  const fuse = evaluate(timedFuse, set);
  const bestBm25 = evaluate(bm25(kb, bestBm25Threshold(kb, set)), set);
  return { cloudbot, baselines: [fuse, bestBm25] };
}

/** The BM25 threshold that serves baseline (b) best on this set. */
export function bestBm25Threshold(kb: KnowledgeBase, set: readonly EvalQuestion[]): number {
  let best = { threshold: BM25_THRESHOLDS[0] ?? 0, merit: -Infinity };
  for (const threshold of BM25_THRESHOLDS) {
    const merit = baselineMerit(evaluate(bm25(kb, threshold), set));
    if (merit > best.merit) best = { threshold, merit };
  }
  return best.threshold;
}

/** How a baseline's threshold is chosen: right answers, less a penalty for each confident wrong one. */
function baselineMerit(report: EvalReport): number {
  return report.inScopeCorrect + report.outOfScopeDeclined + report.smalltalkCorrect - 2 * (report.wrongInScope + report.wrongOutOfScope);
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The Markdown table `npm run eval` prints and docs/understanding.md and docs/evaluation.md quote. */
export function formatTable(reports: readonly EvalReport[]): string {
  const rows: [string, (r: EvalReport) => string][] = [
    ['in-scope top-1 accuracy', (r) => `${pct(rates(r).inScopeAccuracy)} (${r.inScopeCorrect}/${r.inScope})`],
    ['clarifications offering the right entry', (r) => `${r.clarifiedRight}/${r.clarified}`],
    ['confidently wrong, in scope', (r) => `${r.wrongInScope}`],
    ['confidently wrong, out of scope', (r) => `${r.wrongOutOfScope}`],
    ['confidently wrong, share of all questions', (r) => pct(rates(r).confidentlyWrong)],
    ['out-of-scope declined', (r) => `${pct(rates(r).outOfScopeDeclined)} (${r.outOfScopeDeclined}/${r.outOfScope})`],
    ['smalltalk accuracy', (r) => `${pct(rates(r).smalltalkAccuracy)} (${r.smalltalkCorrect}/${r.smalltalk})`],
    ['median time per question', (r) => `${r.medianMs.toFixed(3)} ms`],
    ['p99 time per question', (r) => `${r.p99Ms.toFixed(3)} ms`],
  ];
  const header = `| ${['metric', ...reports.map((r) => r.system)].join(' | ')} |`;
  const rule = `| ${['---', ...reports.map(() => '---')].join(' | ')} |`;
  return [header, rule, ...rows.map(([label, cell]) => `| ${[label, ...reports.map(cell)].join(' | ')} |`)].join('\n');
}
