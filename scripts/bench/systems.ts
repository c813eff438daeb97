import type { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { bm25, plainFuse } from '../eval/baselines';
import type { EvalSystem } from '../eval/evaluate';
import { cloudBot, committedQuestionModel } from '../eval/runEval';

/** The systems the benchmark compares, by the name a child process is given. */
export const SYSTEMS = {
  cloudbot: (kb: KnowledgeBase) => cloudBot(kb, committedQuestionModel(kb)),
  fuse: (kb: KnowledgeBase) => plainFuse(kb),
  // The threshold does not change BM25's speed; the eval picks the best one for accuracy.
  bm25: (kb: KnowledgeBase) => bm25(kb, 8),
} as const satisfies Record<string, (kb: KnowledgeBase) => EvalSystem>;

export type SystemName = keyof typeof SYSTEMS;

export function isSystemName(name: string | undefined): name is SystemName {
  return name !== undefined && Object.hasOwn(SYSTEMS, name);
}
