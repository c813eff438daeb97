import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { isSystemName, SYSTEMS } from './systems';

/**
 * One cold start, run in a fresh process by `npm run bench`: load and validate the knowledge
 * base, build the system's index and answer one question. Prints the times as one JSON line;
 * `sinceProcessStartMs` also counts starting Node and loading the modules.
 */
const { positionals } = parseArgs({ options: {}, allowPositionals: true });
const [name, ...extra] = positionals;
if (!isSystemName(name) || extra.length > 0) throw new Error(`usage: cold.ts ${Object.keys(SYSTEMS).join('|')}`);
const start = performance.now();
const kb = loadKnowledgeBase(defaultKnowledgeDir());
const loaded = performance.now();
const system = SYSTEMS[name](kb);
const built = performance.now();
system.reply('what is paas');
const answered = performance.now();
process.stdout.write(
  `${JSON.stringify({ sinceProcessStartMs: answered, loadMs: loaded - start, buildMs: built - loaded, firstReplyMs: answered - built, coldMs: answered - start })}\n`,
);
