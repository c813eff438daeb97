import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { Matcher } from '../../src/matching/Matcher';
import type { MatchingOptions } from '../../src/matching/matchingOptions';
import { loadEvalSet } from '../eval/evalSet';
import { type EvalSystem, evaluate, rates } from '../eval/evaluate';
import { matcherSystem } from '../eval/runEval';

/**
 * `tsx scripts/semantic/compare.ts [--thresholds 0.6,0.7] [--misses]`: the development sets
 * scored with the meaning-level signal off and at each threshold, as docs/semantic-signal.md
 * reports. Only development sets: the held-out ones are not for choosing settings.
 */
const DEVELOPMENT_SETS = ['eval-questions.tsv', 'dev-questions.tsv', 'dev5-questions.tsv'].map((file) => join(__dirname, '../../test/fixtures', file));

function cloudBot(kb: KnowledgeBase, options: Partial<MatchingOptions>): EvalSystem {
  return matcherSystem(kb, new Matcher(kb, options), `CloudBot, neighbours ${options.neighbourSimilarity ?? 'off'}`);
}

function main(): void {
  const { values } = parseArgs({ options: { thresholds: { type: 'string', default: '0.8,0.7,0.6' }, misses: { type: 'boolean' } } });
  const settings = [null, ...values.thresholds.split(',').map(Number)];
  const kb = loadKnowledgeBase(defaultKnowledgeDir());
  const rows: string[] = ['| set | neighbours | in-scope accuracy | confidently wrong (in scope + out of scope) | out-of-scope declined |', '| --- | --- | --- | --- | --- |'];
  const baseline = new Map<string, string>();
  for (const path of DEVELOPMENT_SETS) {
    const set = loadEvalSet(path);
    for (const neighbourSimilarity of settings) {
      const report = evaluate(cloudBot(kb, { neighbourSimilarity }), set);
      const r = rates(report);
      rows.push(
        `| ${relative(process.cwd(), path)} | ${neighbourSimilarity === null ? 'off' : `≥ ${neighbourSimilarity}`} | ${(r.inScopeAccuracy * 100).toFixed(1)}% (${report.inScopeCorrect}/${report.inScope}) | ` +
          `${report.wrongInScope + report.wrongOutOfScope} (${report.wrongInScope} + ${report.wrongOutOfScope}) | ${(r.outOfScopeDeclined * 100).toFixed(1)}% (${report.outOfScopeDeclined}/${report.outOfScope}) |`,
      );
      if (values.misses !== true) continue;
      // What changed against the signal off, question by question: new misses, then fixes.
      const missed = new Set<string>();
      for (const miss of report.misses) {
        const key = `${path}:${miss.line}`;
        missed.add(key);
        if (neighbourSimilarity === null) baseline.set(key, miss.got);
        else if (baseline.get(key) !== miss.got) rows.push(`    ${neighbourSimilarity}: "${miss.question}" expected ${miss.expected}, got ${miss.got} (off: ${baseline.get(key) ?? 'right'})`);
      }
      if (neighbourSimilarity === null) continue;
      for (const [key, got] of baseline) if (key.startsWith(`${path}:`) && !missed.has(key)) rows.push(`    ${neighbourSimilarity}: line ${key.slice(path.length + 1)} now right (off: ${got})`);
    }
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

main();
