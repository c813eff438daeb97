import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { formatTable, runEval } from './runEval';

/** `npm run eval`: the table for the README, then every miss of CloudBot's with what was expected. */
function main(): void {
  const kb = loadKnowledgeBase(defaultKnowledgeDir());
  const { cloudbot, baselines } = runEval(kb);
  const out: string[] = [
    `Evaluation set: ${cloudbot.questions} questions (${cloudbot.inScope} in scope, ${cloudbot.outOfScope} out of scope, ${cloudbot.smalltalk} smalltalk)`,
    '',
    formatTable([cloudbot, ...baselines]),
    '',
    `CloudBot misses (${cloudbot.misses.length}):`,
    ...cloudbot.misses.map((m) => `  line ${m.line}: "${m.question}" expected ${m.expected}, got ${m.got}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
