import { spawnSync } from 'node:child_process';
import type { HeapProfiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { loadEvalSet } from '../eval/evalSet';
import { EVAL_SET_PATH } from '../eval/runEval';
import { SYSTEMS, type SystemName } from './systems';

/**
 * `npm run bench`: speed of CloudBot's matcher against the two baselines, in one run on one
 * machine, so that the ratios mean something. Accuracy is `npm run eval`'s job.
 */
const BUILDS = 30;
const PASSES = 20;
const COLD_RUNS = 7;

/** Bytes between the sampling heap profiler's samples: fine enough for a few kilobytes a reply. */
const SAMPLING_INTERVAL = 512;

const ColdSchema = z.object({ sinceProcessStartMs: z.number(), loadMs: z.number(), buildMs: z.number(), firstReplyMs: z.number() });

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);

/** Sample sizes of a heap profile's nodes, summed. */
const sampledBytes = (node: HeapProfiler.SamplingHeapProfileNode): number => node.selfSize + node.children.reduce((sum, child) => sum + sampledBytes(child), 0);

/**
 * Bytes allocated per reply, garbage included, from V8's sampling heap profiler over one pass: what
 * sets how often the young generation is collected, whose pauses (a few milliseconds on this VM)
 * are most of the p99. Steadier than the p99 itself, which the machine's noise moves.
 */
async function allocatedPerReply(system: { reply(question: string): unknown }, questions: readonly string[]): Promise<number> {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.startSampling', { samplingInterval: SAMPLING_INTERVAL, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    for (const question of questions) system.reply(question);
    const { profile } = await session.post('HeapProfiler.stopSampling');
    return sampledBytes(profile.head) / questions.length;
  } finally {
    session.disconnect();
  }
}

async function measure(name: SystemName, questions: readonly string[]) {
  const kb = loadKnowledgeBase(defaultKnowledgeDir());
  const builds: number[] = [];
  for (let i = 0; i < BUILDS; i++) {
    const start = performance.now();
    SYSTEMS[name](kb);
    builds.push(performance.now() - start);
  }
  // Warm up on one instance, then time a fresh one, as the eval does.
  const warm = SYSTEMS[name](kb);
  for (const question of questions) warm.reply(question);
  const system = SYSTEMS[name](kb);
  const times: number[] = [];
  const started = performance.now();
  for (let pass = 0; pass < PASSES; pass++) {
    for (const question of questions) {
      const start = performance.now();
      system.reply(question);
      times.push(performance.now() - start);
    }
  }
  const elapsedS = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const allocatedBytes = await allocatedPerReply(system, questions);
  const cold = Array.from({ length: COLD_RUNS }, () => coldStart(name));
  return {
    name,
    allocatedBytes,
    buildMs: median(builds),
    perSecond: times.length / elapsedS,
    p50: percentile(times, 50),
    p90: percentile(times, 90),
    p99: percentile(times, 99),
    max: times.at(-1) ?? Number.NaN,
    coldLoadMs: median(cold.map((c) => c.loadMs)),
    coldBuildMs: median(cold.map((c) => c.buildMs)),
    coldFirstReplyMs: median(cold.map((c) => c.firstReplyMs)),
    coldTotalMs: median(cold.map((c) => c.sinceProcessStartMs)),
  };
}

function coldStart(name: SystemName) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'cold.ts'), name], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`cold start of ${name} failed: ${result.stderr}`);
  return ColdSchema.parse(JSON.parse(result.stdout));
}

async function main(): Promise<void> {
  const questions = loadEvalSet(EVAL_SET_PATH).map((item) => item.question);
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  for (const name of Object.keys(SYSTEMS) as SystemName[]) results.push(await measure(name, questions));
  const [ours] = results;
  if (!ours) return;
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  const rows: [string, (r: (typeof results)[number]) => string, (r: (typeof results)[number]) => number][] = [
    ['throughput (questions/s)', (r) => r.perSecond.toFixed(0), (r) => r.perSecond],
    ['latency p50', (r) => ms(r.p50), (r) => r.p50],
    ['latency p90', (r) => ms(r.p90), (r) => r.p90],
    ['latency p99', (r) => ms(r.p99), (r) => r.p99],
    ['latency max', (r) => ms(r.max), (r) => r.max],
    ['allocated per reply (sampled)', (r) => `${(r.allocatedBytes / 1024).toFixed(1)} KB`, (r) => r.allocatedBytes],
    ['index build (warm, median)', (r) => ms(r.buildMs), (r) => r.buildMs],
    ['cold: load + validate knowledge base', (r) => ms(r.coldLoadMs), (r) => r.coldLoadMs],
    ['cold: build index', (r) => ms(r.coldBuildMs), (r) => r.coldBuildMs],
    ['cold: first reply', (r) => ms(r.coldFirstReplyMs), (r) => r.coldFirstReplyMs],
    ['cold: process start → first reply', (r) => ms(r.coldTotalMs), (r) => r.coldTotalMs],
  ];
  const names = { cloudbot: 'CloudBot', fuse: 'fuse.js, default options', bm25: 'MiniSearch BM25' } as const;
  const header = `| measure | ${results.map((r) => names[r.name]).join(' | ')} | ${results.slice(1).map((r) => `CloudBot ÷ ${names[r.name]}`).join(' | ')} |`;
  const rule = `| --- | ${results.map(() => '---').join(' | ')} | ${results.slice(1).map(() => '---').join(' | ')} |`;
  const lines = rows.map(
    ([label, cell, value]) =>
      `| ${label} | ${results.map(cell).join(' | ')} | ${results.slice(1).map((r) => `${(value(ours) / value(r)).toFixed(2)}×`).join(' | ')} |`,
  );
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    [
      `${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpu}, Node ${process.version}`,
      `${questions.length} evaluation questions × ${PASSES} passes after a warm-up; builds: median of ${BUILDS}; cold: median of ${COLD_RUNS} fresh processes`,
      '',
      header,
      rule,
      ...lines,
      '',
    ].join('\n'),
  );
}

void main();
