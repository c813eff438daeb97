import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type BundleResult, bundleApp, functionEntries } from '../package/bundle';
import { compileProbe, type ProbeResult, runProbe } from './coldstartProbe';

/**
 * `npm run bench:coldstart`: how long a fresh Functions instance takes to answer its first
 * message, unbundled (tsc's output loading node_modules, as `npm run build` deploys it) against
 * the esbuild package (`npm run package`). Each run is a new `node` process that loads the entry
 * files and runs appStart as the worker does, then invokes `messages` (coldstartChild.ts).
 */

const ROOT = join(__dirname, '..', '..');
const RUNS = 15;
/** The target: the bundle's first reply in at most this share of the unbundled time. */
const TARGET_RATIO = 0.4;

interface Variant {
  label: string;
  appDir: string;
  /** In load order, `messages` first. */
  entries: string[];
  runs: ProbeResult[];
}

function buildUnbundled(): void {
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed:\n${result.stdout}${result.stderr}`);
}

/** Fails the benchmark on a run that did not answer: a fast wrong answer is no cold start. */
function checked(variant: Variant, result: ProbeResult): ProbeResult {
  const reply = result.replies[0];
  if (reply?.status !== 200 || !reply.texts.some((text) => text.includes('PaaS'))) {
    throw new Error(`${variant.label}: the first reply did not mention PaaS: ${JSON.stringify(result.replies)}`);
  }
  return result;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : (upper + (sorted[middle - 1] ?? Number.NaN)) / 2;
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<void> {
  progress('Building: tsc -p tsconfig.build.json, and the bundle…');
  buildUnbundled();
  const bundle = await bundleApp({ rootDir: ROOT, outDir: join(ROOT, 'dist', 'package') });
  const scratch = mkdtempSync(join(tmpdir(), 'cloudbot-coldstart-'));
  try {
    // The same bundle without its code cache, to show what each step of the package is worth.
    const uncached = await bundleApp({ rootDir: ROOT, outDir: join(scratch, 'package-without-code-cache'), codeCache: false });
    const probe = await compileProbe(scratch);
    const inPackage = (result: BundleResult) => result.functions.map((file) => join(result.outDir, file));
    const variants: Variant[] = [
      {
        label: 'unbundled (tsc + node_modules)',
        appDir: ROOT,
        entries: functionEntries(ROOT).map((entry) => join(ROOT, 'dist', 'functions', basename(entry).replace(/\.ts$/, '.js'))),
        runs: [],
      },
      { label: 'bundle, no code cache', appDir: uncached.outDir, entries: inPackage(uncached), runs: [] },
      { label: 'bundle (dist/package)', appDir: bundle.outDir, entries: inPackage(bundle), runs: [] },
    ];
    // One run each first, unrecorded, so that both read their files from the page cache alike.
    for (const variant of variants) checked(variant, runProbe(probe, variant));
    for (let round = 0; round < RUNS; round++) {
      progress(`Run ${String(round + 1)}/${String(RUNS)}`);
      // Alternating the order spreads any drift in the machine's load over every variant.
      for (const variant of round % 2 === 0 ? variants : [...variants].reverse()) {
        variant.runs.push(checked(variant, runProbe(probe, variant)));
      }
    }
    process.stdout.write(report(variants));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function report(variants: readonly Variant[]): string {
  const unbundled = variants[0];
  const bundled = variants[variants.length - 1];
  if (!unbundled || !bundled || variants.length < 2) throw new Error('at least two variants expected');
  const functionCount = unbundled.entries.length;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const rows: [string, (runs: readonly ProbeResult[]) => number, (value: number) => string][] = [
    ['process start → messages module loaded, median', (runs) => median(runs.map((r) => r.moduleLoadedMs)), ms],
    ['process start → messages module loaded, p90', (runs) => percentile(runs.map((r) => r.moduleLoadedMs), 90), ms],
    ['process start → first reply, median', (runs) => median(runs.map((r) => r.firstReplyMs)), ms],
    ['process start → first reply, p90', (runs) => percentile(runs.map((r) => r.firstReplyMs), 90), ms],
    [`process start → all ${String(functionCount)} function files loaded, median`, (runs) => median(runs.map((r) => r.entriesLoadedMs)), ms],
    ['appStart hook (knowledge base, index, adapter), median', (runs) => median(runs.map((r) => r.appStartedMs - r.entriesLoadedMs)), ms],
    ['CPU time to first reply (user + system), median', (runs) => median(runs.map((r) => r.firstReplyCpuMs)), ms],
    ['first invocation of messages, median', (runs) => median(runs.map((r) => r.firstReplyMs - r.appStartedMs)), ms],
    ['JavaScript files loaded (require.cache)', (runs) => median(runs.map((r) => r.modulesLoaded)), (value) => value.toFixed(0)],
  ];
  const lines = rows.map(([label, measure, format]) => {
    const cells = variants.map((variant) => format(measure(variant.runs)));
    const ratio = measure(bundled.runs) / measure(unbundled.runs);
    return `| ${label} | ${cells.join(' | ')} | ${ratio.toFixed(2)}× |`;
  });
  const ratio = median(bundled.runs.map((r) => r.firstReplyMs)) / median(unbundled.runs.map((r) => r.firstReplyMs));
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    `Cold start, ${new Date().toISOString().slice(0, 10)}: ${String(cpus().length)} × ${cpu}, Node ${process.version}, load average ${loadavg()[0]?.toFixed(2) ?? '?'}`,
    `Command: tsx scripts/bench/coldstart.ts (npm run bench:coldstart); ${String(RUNS)} fresh node processes per variant, alternating, after one unrecorded run each`,
    '',
    `| measure | ${variants.map((variant) => variant.label).join(' | ')} | ${bundled.label} ÷ ${unbundled.label} |`,
    `| --- | ${variants.map(() => '---').join(' | ')} | --- |`,
    ...lines,
    '',
    `Target, first reply of the bundle ≤ ${String(TARGET_RATIO * 100)}% of unbundled (medians): ${ratio <= TARGET_RATIO ? 'met' : 'not met'} (${(ratio * 100).toFixed(0)}%).`,
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
