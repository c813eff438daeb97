import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { z } from 'zod';
import { SETTINGS } from '../../src/config';
import { toError } from '../../src/errors';
import { TURN_ERROR_MESSAGE } from '../../src/hosting/createAdapter';
import { loadEvalSet } from '../eval/evalSet';
import { EVAL_SET_PATH } from '../eval/runEval';
import { settled } from './settle';

/**
 * `npm run bench:load`: the Bot Framework endpoint under load, over real HTTP. The server runs in
 * its own process, as `npm start` runs it, so that the load generator does not share its event
 * loop and the RSS we report is the server's alone. Every request is an `expectReplies` message
 * in a conversation of its own, asking one of the evaluation questions, so each turn does the
 * full work: validation, the adapter, a state read and write, matching, and the reply in the body.
 *
 *   npm run bench:load                          # 50 connections for 30 s, as the issue asks
 *   npm run bench:load -- --duration 5 --connections 10 --warmup 1
 *   npm run bench:load -- --built               # dist/ from `npm run build`, as `npm start` runs it
 *   npm run bench:load -- --profile prof        # also write the server's CPU profile into prof/
 *   npm run bench:load -- --conversations 500   # reuse 500 conversations: is RSS growth state or a leak?
 *   npm run bench:load -- --trace-gc            # also summarise the server's garbage-collection pauses
 *   npm run bench:load -- --warmup 3            # a fixed warm-up instead of waiting for RSS to settle
 *
 * With no storage configured, conversation state lives in the local server's bounded memory
 * store (10,000 items), which a new conversation per request fills within the warm-up.
 *
 * The measured window starts once the server has reached a steady state under the load, because
 * the target is about the steady state: V8 grows its heap to the allocation rate over the first
 * seconds of load, which says nothing about a leak. By default the warm-up lasts until the
 * server's RSS stops growing (see `settled`), and at most `MAX_WARMUP_S`: a leaking server never
 * settles, so its window starts at that bound and still shows the growth.
 */

const ROOT = join(__dirname, '../..');

/** The target for one instance at 50 connections. */
const TARGET = { turnsPerSecond: 2000, p99Ms: 25 };

/**
 * Growth of the server's RSS from the start to the end of the measured run that still counts as
 * flat. Some growth is the heap settling under load; a leak grows with the number of turns.
 */
const FLAT_RSS_GROWTH = 0.1;

/** The default warm-up: at least `MIN_WARMUP_S`, then until RSS settles, at most `MAX_WARMUP_S`. */
const MIN_WARMUP_S = 3;
const MAX_WARMUP_S = 30;
/**
 * RSS has settled when the highest sample of the last `SETTLE_SPAN` seconds is at most
 * `SETTLE_GROWTH` above the highest of the span before. Peaks, not single samples, because RSS
 * rises and falls with each mark-compact, about every three seconds under this load.
 */
const SETTLE_SPAN = 4;
const SETTLE_GROWTH = 0.02;

const SERVER_START_TIMEOUT_MS = 30_000;
const SERVER_STOP_TIMEOUT_MS = 5_000;
const RSS_SAMPLE_MS = 1_000;
/** How far past its longest warm-up and window autocannon may run: it is stopped before then. */
const RUN_SLACK_S = 5;

const ArgsSchema = z.object({
  duration: z.coerce.number().positive().max(3600),
  connections: z.coerce.number().int().positive().max(1000),
  /** Seconds, or `settle`: until the server's RSS stops growing. */
  warmup: z.union([z.literal('settle'), z.coerce.number().min(0).max(600)]),
  built: z.boolean(),
  profile: z.string().min(1).optional(),
  conversations: z.coerce.number().int().positive().optional(),
  'trace-gc': z.boolean(),
});
type Args = z.infer<typeof ArgsSchema>;

function readArgs(): Args {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '30' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: 'settle' },
      built: { type: 'boolean', default: false },
      profile: { type: 'string' },
      conversations: { type: 'string' },
      'trace-gc': { type: 'boolean', default: false },
    },
  });
  return ArgsSchema.parse(values);
}

interface RunningServer {
  child: ChildProcess;
  pid: number;
  port: number;
  /** What the server wrote to stderr (its warnings and errors) since it became ready. */
  logged: string[];
  /** With `--trace-gc`: each collection V8 reported since the server became ready, as this process received it. */
  collections: Collection[];
}

/** One garbage collection, from a `--trace-gc` line. */
interface Collection {
  /** The V8 isolate: the main thread's, or a worker's (tsx runs its module loader in one). */
  isolate: string;
  kind: 'scavenge' | 'mark-compact';
  /** When the line arrived, on this process's `performance.now()` clock. */
  at: number;
  pauseMs: number;
  /** Heap used after the collection, in MiB. */
  afterMiB: number;
}

// "[pid:0x…]   5234 ms: Scavenge 45.3 (60.1) -> 40.2 (61.1) MB, 1.23 / 0.00 ms  …"
const GC_LINE = /^\[\d+:(0x[0-9a-f]+)\]\s+[\d.]+ ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact)\b[^,]*? [\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB, ([\d.]+) \/ [\d.]+ ms/m;

function parseCollections(chunk: string, at: number): Collection[] {
  return chunk.split('\n').flatMap((line) => {
    const [, isolate, kind, after, pause] = GC_LINE.exec(line) ?? [];
    if (isolate === undefined || kind === undefined || after === undefined || pause === undefined) return [];
    return [{ isolate, kind: kind === 'Scavenge' || kind === 'Minor Mark-Compact' ? 'scavenge' : 'mark-compact', at, pauseMs: Number(pause), afterMiB: Number(after) }];
  });
}

/**
 * The environment minus every setting the app reads, so that the server runs on its defaults
 * (unauthenticated, in-memory state, nothing recorded) whatever the caller's shell has set.
 * PORT 0 lets the kernel pick a free port, which the server prints when it is ready.
 */
function defaultConfigEnv(): NodeJS.ProcessEnv {
  const settings = new Set<string>(Object.keys(SETTINGS));
  const kept = Object.entries(process.env).filter(([name]) => !settings.has(name));
  return { ...Object.fromEntries(kept), PORT: '0', HOST: '127.0.0.1' };
}

function startServer({ built, profile, 'trace-gc': traceGc }: Args): Promise<RunningServer> {
  // Node writes the profile when the server exits, which it does cleanly on SIGTERM.
  const profiling = profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`];
  const entry = built ? [join(ROOT, 'dist/src/dev/server.js')] : ['--import', 'tsx', join(ROOT, 'src/dev/server.ts')];
  const args = [...profiling, ...(traceGc ? ['--trace-gc'] : []), ...entry];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: defaultConfigEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const startup: string[] = [];
  const logged: string[] = [];
  const collections: Collection[] = [];
  let ready = false;
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${reason}\n${startup.join('')}`));
    };
    const timer = setTimeout(() => { fail(`the server did not start within ${SERVER_START_TIMEOUT_MS} ms`); }, SERVER_START_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      if (!ready) fail(`the server exited before it was ready (${String(code ?? signal)})`);
    });
    // Both pipes are always read: a server that fills an unread pipe blocks on its next log line.
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      (ready ? logged : startup).push(chunk);
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (ready) {
        if (traceGc) collections.push(...parseCollections(chunk, performance.now()));
        return;
      }
      startup.push(chunk);
      const port = /listening on http:\/\/[^/:\s]+:(\d+)/.exec(startup.join(''))?.[1];
      if (port === undefined || child.pid === undefined) return;
      ready = true;
      clearTimeout(timer);
      resolve({ child, pid: child.pid, port: Number(port), logged, collections });
    });
  });
}

async function stopServer(server: RunningServer): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => { resolve('late'); }, SERVER_STOP_TIMEOUT_MS)));
  if ((await Promise.race([exited, late])) === 'late') child.kill('SIGKILL');
  clearTimeout(timer);
}

/** The process's resident set in MiB, from Linux's /proc; undefined where there is none. */
function rssMiB(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/**
 * CPU time the process has used so far, all threads (the JS thread, GC helpers, libuv), in ms.
 * /proc counts it in clock ticks of USER_HZ, which Linux fixes at 100 for user space.
 */
function cpuMs(pid: number): number | undefined {
  try {
    // The command name, in parentheses, may hold spaces; the fields after it are space-separated.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) * 10 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One `expectReplies` message per request. Each starts a conversation nobody has used before,
 * unless `conversations` bounds them, so that every turn reads and writes state of its own.
 */
function activityBodies(questions: readonly string[], conversations?: number): () => string {
  let sent = 0;
  return () => {
    const n = sent++;
    const conversation = conversations === undefined ? n : n % conversations;
    return JSON.stringify({
      type: 'message',
      id: `bench-${n}`,
      channelId: 'emulator',
      // expectReplies answers in the response body; nothing is posted here, but it must be loopback.
      serviceUrl: 'http://127.0.0.1:9',
      deliveryMode: 'expectReplies',
      from: { id: `bench-student-${conversation}`, name: 'Student' },
      recipient: { id: 'cloudbot', name: 'CloudBot' },
      conversation: { id: `bench-conversation-${conversation}` },
      text: questions[n % questions.length],
    });
  };
}

/** A turn only counts as answered when the body carries at least one reply and it is not the apology for a failed turn. */
function answered(body: string | Buffer | undefined): boolean {
  const text = typeof body === 'string' ? body : (body?.toString('utf8') ?? '');
  return text.includes('"activities":[{') && !text.includes(TURN_ERROR_MESSAGE);
}

/** What the server did while it was measured, as this process saw it. */
interface Window {
  seconds: number;
  /** Every response's latency in ms, as the client measured it, sorted. */
  latencies: Float64Array;
  byClass: { '2xx': number; '4xx': number; '5xx': number; other: number };
  errors: number;
  timeouts: number;
  /** 2xx responses without a reply, or with the apology for a failed turn. */
  unanswered: number;
  /** When the slowest response arrived, in s into the window: at the start it is a cold path, later a pause. */
  slowestAtS: number;
}

interface RssSample {
  at: number;
  rss: number;
}

interface Probe {
  rssMiB: number | undefined;
  serverCpuMs: number | undefined;
  clientCpu: NodeJS.CpuUsage;
  at: number;
}

function probe(pid: number): Probe {
  return { rssMiB: rssMiB(pid), serverCpuMs: cpuMs(pid), clientCpu: process.cpuUsage(), at: performance.now() };
}

/**
 * One autocannon run of warm-up plus measured time, on the same connections throughout. The
 * warm-up is not a run of its own because libuv accepts one connection per turn of the event loop
 * (libuv/libuv#3696): fifty connections opened at once against a saturated server take a second
 * or two to be accepted, and the last one's first request waits all that time. Real channels hold
 * their connections open, so the measured window starts once all of them are in use.
 */
function runLoad(
  args: Args,
  port: number,
  pid: number,
  body: () => string,
  rssSamples: readonly RssSample[],
): Promise<{ window: Window; start: Probe; end: Probe; warmupS: number }> {
  const latencies: number[] = [];
  const window: Omit<Window, 'seconds' | 'latencies'> = {
    byClass: { '2xx': 0, '4xx': 0, '5xx': 0, other: 0 },
    errors: 0,
    timeouts: 0,
    unanswered: 0,
    slowestAtS: Number.NaN,
  };
  let start: Probe | undefined;
  let end: Probe | undefined;
  let slowestMs = -1;
  const begun = performance.now();
  const measuring = () => start !== undefined && end === undefined;
  const timers: NodeJS.Timeout[] = [];
  const longestWarmupS = args.warmup === 'settle' ? MAX_WARMUP_S : args.warmup;
  return new Promise((resolve, reject) => {
    const beginWindow = () => {
      if (start !== undefined) return;
      start = probe(pid);
      timers.push(
        setTimeout(() => {
          // autocannon stops at its next one-second tick; responses after this point are not counted.
          end = probe(pid);
          instance.stop();
        }, args.duration * 1000),
      );
    };
    if (args.warmup === 'settle') {
      timers.push(
        setInterval(() => {
          const elapsedS = (performance.now() - begun) / 1000;
          const sinceLoad = rssSamples.filter(({ at }) => at >= begun).map(({ rss }) => rss);
          if (elapsedS >= MAX_WARMUP_S || (elapsedS >= MIN_WARMUP_S && settled(sinceLoad, SETTLE_SPAN, SETTLE_GROWTH))) beginWindow();
        }, RSS_SAMPLE_MS),
      );
    } else {
      timers.push(setTimeout(beginWindow, args.warmup * 1000));
    }
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: args.connections,
        // A bound only: the run is stopped once its window has lasted `duration`.
        duration: longestWarmupS + args.duration + RUN_SLACK_S,
        requests: [
          {
            method: 'POST',
            path: '/api/messages',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({ ...request, body: body() }),
          },
        ],
        verifyBody: (received) => {
          const ok = answered(received);
          if (measuring() && !ok) window.unanswered++;
          return ok;
        },
      },
      (error: unknown) => {
        for (const timer of timers) clearTimeout(timer);
        end ??= probe(pid);
        if (error !== null && error !== undefined) {
          reject(toError(error));
          return;
        }
        if (start === undefined) {
          reject(new Error('the run ended before its warm-up did'));
          return;
        }
        resolve({
          window: { ...window, seconds: (end.at - start.at) / 1000, latencies: Float64Array.from(latencies).sort() },
          start,
          end,
          warmupS: (start.at - begun) / 1000,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (!measuring() || start === undefined) return;
      latencies.push(responseTime);
      const statusClass = `${String(status).charAt(0)}xx`;
      if (statusClass === '2xx' || statusClass === '4xx' || statusClass === '5xx') window.byClass[statusClass]++;
      else window.byClass.other++;
      if (responseTime > slowestMs) {
        slowestMs = responseTime;
        window.slowestAtS = (performance.now() - start.at) / 1000;
      }
    });
    instance.on('reqError', (error: unknown) => {
      if (!measuring()) return;
      window.errors++;
      if (toError(error).message.includes('timed out')) window.timeouts++;
    });
  });
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Measured extends Window {
  /** How long the warm-up lasted, and whether it ended because RSS settled. */
  warmupS: number;
  readyRss: number | undefined;
  startRss: number | undefined;
  endRss: number | undefined;
  peakRss: number;
  /** The highest RSS sampled in each fifth of the measured window: a trend, where start and end are two points of a GC cycle. */
  rssByFifth: number[];
  /** CPU the server and this load generator used during the measured window, in ms. */
  serverCpuMs: number | undefined;
  clientCpuMs: number;
  /** The machine's one-minute load average just before the run: other work skews the figures. */
  loadBefore: number;
  serverLog: string;
  /** With `--trace-gc`: the server's collections during the measured window. */
  collections?: Collection[];
}

/** The collections of the isolate that collected most: the main thread's, which serves the requests. */
function mainThreadCollections(collections: readonly Collection[]): Collection[] {
  const counts = new Map<string, number>();
  for (const { isolate } of collections) counts.set(isolate, (counts.get(isolate) ?? 0) + 1);
  const [main] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return collections.filter((collection) => collection.isolate === main);
}

/** Count, total and longest pause of one kind of collection, and the heap used after the first and last. */
function gcSummary(collections: readonly Collection[], kind: Collection['kind'], seconds: number): string {
  const ofKind = mainThreadCollections(collections).filter((collection) => collection.kind === kind);
  if (ofKind.length === 0) return 'none';
  const pauses = ofKind.map((collection) => collection.pauseMs);
  const total = pauses.reduce((sum, pause) => sum + pause, 0);
  const heap = `heap used after: ${(ofKind[0]?.afterMiB ?? Number.NaN).toFixed(1)} → ${(ofKind.at(-1)?.afterMiB ?? Number.NaN).toFixed(1)} MiB`;
  return `${ofKind.length}, ${total.toFixed(0)} ms in all (${((total / (seconds * 1000)) * 100).toFixed(1)} % of the window), longest ${Math.max(...pauses).toFixed(1)} ms; ${heap}`;
}

async function measure(args: Args, questions: readonly string[]): Promise<Measured> {
  const server = await startServer(args);
  try {
    const readyRss = rssMiB(server.pid);
    const loadBefore = loadavg()[0] ?? Number.NaN;
    let peakRss = readyRss ?? Number.NaN;
    const samples: RssSample[] = [];
    const sampler = setInterval(() => {
      const rss = rssMiB(server.pid) ?? Number.NaN;
      peakRss = Math.max(peakRss, rss);
      samples.push({ at: performance.now(), rss });
    }, RSS_SAMPLE_MS);
    const warmup = args.warmup === 'settle' ? `a warm-up until RSS settles (${MIN_WARMUP_S} to ${MAX_WARMUP_S} s)` : `${args.warmup} s warm-up`;
    process.stderr.write(`${args.connections} connections: ${warmup}, then ${args.duration} s measured…\n`);
    const { window, start, end, warmupS } = await runLoad(args, server.port, server.pid, activityBodies(questions, args.conversations), samples);
    clearInterval(sampler);
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`the server died during the run (${String(server.child.exitCode ?? server.child.signalCode)}):\n${server.logged.join('')}`);
    }
    const clientCpu = { user: end.clientCpu.user - start.clientCpu.user, system: end.clientCpu.system - start.clientCpu.system };
    return {
      ...window,
      warmupS,
      readyRss,
      startRss: start.rssMiB,
      endRss: end.rssMiB,
      peakRss: Math.max(peakRss, end.rssMiB ?? Number.NaN),
      rssByFifth: [0, 1, 2, 3, 4].map((fifth) => {
        const from = start.at + ((end.at - start.at) * fifth) / 5;
        const to = start.at + ((end.at - start.at) * (fifth + 1)) / 5;
        return Math.max(...samples.filter(({ at }) => at >= from && at < to).map(({ rss }) => rss));
      }),
      serverCpuMs: start.serverCpuMs !== undefined && end.serverCpuMs !== undefined ? end.serverCpuMs - start.serverCpuMs : undefined,
      clientCpuMs: (clientCpu.user + clientCpu.system) / 1000,
      loadBefore,
      serverLog: server.logged.join(''),
      ...(args['trace-gc'] ? { collections: server.collections.filter((collection) => collection.at >= start.at && collection.at <= end.at) } : {}),
    };
  } finally {
    await stopServer(server);
  }
}

function report(args: Args, questionCount: number, measured: Measured): string {
  const { latencies, byClass, seconds, slowestAtS, readyRss, startRss, endRss, peakRss, serverCpuMs, clientCpuMs, loadBefore, serverLog } = measured;
  const turns = byClass['2xx'];
  const non2xx = byClass['4xx'] + byClass['5xx'] + byClass.other;
  const turnsPerSecond = turns / seconds;
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  const max = latencies.at(-1) ?? Number.NaN;
  const growth = startRss !== undefined && endRss !== undefined ? (endRss - startRss) / startRss : undefined;
  const logLines = serverLog.split('\n').filter((line) => line.trim() !== '');

  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const mib = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? 'n/a (no /proc)' : `${value.toFixed(1)} MiB`);
  const cores = (used: number) => `${(used / (seconds * 1000)).toFixed(2)} cores`;
  const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
  const checks = {
    throughput: turnsPerSecond >= TARGET.turnsPerSecond,
    p99: p99 <= TARGET.p99Ms,
    errors: measured.errors === 0,
    non2xx: non2xx === 0,
    answered: measured.unanswered === 0,
    memory: growth !== undefined && growth <= FLAT_RSS_GROWTH,
  };
  const cpu = cpus();
  const command = ['npm run bench:load', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const server = args.built ? 'node dist/src/dev/server.js' : 'node --import tsx src/dev/server.ts';
  const conversations = args.conversations === undefined ? 'a new conversation per request' : `${args.conversations} conversations in turn`;
  const warmup =
    args.warmup !== 'settle'
      ? `${args.warmup} s warm-up`
      : measured.warmupS >= MAX_WARMUP_S
        ? `${measured.warmupS.toFixed(1)} s warm-up (RSS had not settled)`
        : `${measured.warmupS.toFixed(1)} s warm-up (until RSS settled)`;
  const rows: [string, string, string, string][] = [
    ['date', new Date().toISOString().slice(0, 10), '', ''],
    ['machine', `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${platform()} ${release()}; load average ${loadBefore.toFixed(2)} before the run`, '', ''],
    ['Node', process.version, '', ''],
    ['command', `\`${command}\``, '', ''],
    ['server', `child process \`${server}\`, default config (unauthenticated, in-memory state)`, '', ''],
    [
      'load',
      `autocannon in this process, ${args.connections} connections, ${warmup} then ${seconds.toFixed(1)} s measured; ` +
        `expectReplies messages asking the ${questionCount} evaluation questions in turn, ${conversations}`,
      '',
      '',
    ],
    ['turns (2xx responses)', String(turns), '', ''],
    ['throughput', `${turnsPerSecond.toFixed(0)} turns/s`, `≥ ${TARGET.turnsPerSecond}`, yes(checks.throughput)],
    ['latency p50', ms(p50), '', ''],
    ['latency p99', ms(p99), `≤ ${TARGET.p99Ms} ms`, yes(checks.p99)],
    ['latency max', `${ms(max)}, ${slowestAtS.toFixed(1)} s into the window`, '', ''],
    ['errors (connection, timeouts)', `${measured.errors} (${measured.timeouts} timeouts)`, '0', yes(checks.errors)],
    ['non-2xx responses', `${non2xx} (4xx ${byClass['4xx']}, 5xx ${byClass['5xx']})`, '0', yes(checks.non2xx)],
    ['2xx without a reply, or with the failed-turn apology', String(measured.unanswered), '0', yes(checks.answered)],
    [
      'server CPU',
      serverCpuMs === undefined ? 'n/a (no /proc)' : `${cores(serverCpuMs)}; ${ms(serverCpuMs / turns)} per turn`,
      '',
      '',
    ],
    ['load generator CPU', cores(clientCpuMs), '', ''],
    ['server RSS when ready', mib(readyRss), '', ''],
    ['server RSS at start of window', mib(startRss), '', ''],
    ['server RSS at end of window', mib(endRss), '', ''],
    ['server RSS peak (sampled every second)', mib(peakRss), '', ''],
    ['server RSS, highest in each fifth of the window', measured.rssByFifth.map((value) => (Number.isFinite(value) ? value.toFixed(0) : 'n/a')).join(' → ') + ' MiB', '', ''],
    [
      'server RSS growth over the window',
      growth === undefined ? 'n/a' : `${(growth * 100).toFixed(1)} %`,
      `flat (≤ ${FLAT_RSS_GROWTH * 100} %)`,
      yes(checks.memory),
    ],
    ...(measured.collections === undefined
      ? []
      : ([
          ['server GC: scavenges', gcSummary(measured.collections, 'scavenge', seconds), '', ''],
          ['server GC: mark-compacts', gcSummary(measured.collections, 'mark-compact', seconds), '', ''],
        ] satisfies [string, string, string, string][])),
    ['server log lines during the run', String(logLines.length), '', ''],
  ];
  return [
    '| measure | result | target | met |',
    '| --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    `Targets met: ${Object.values(checks).every(Boolean) ? 'yes' : 'no'}.`,
    ...(logLines.length > 0 ? ['', 'First lines the server logged during the run:', ...logLines.slice(0, 5).map((line) => `    ${line}`)] : []),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const args = readArgs();
  const questions = loadEvalSet(EVAL_SET_PATH).map((item) => item.question);
  const measured = await measure(args, questions);
  process.stdout.write(report(args, questions.length, measured));
}

main().catch((error: unknown) => {
  process.stderr.write(`${toError(error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
