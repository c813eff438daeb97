import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { z } from 'zod';
import { SETTINGS } from '../../src/config';

/**
 * Runs coldstartChild.ts: compiles it once to plain JavaScript, then starts it in fresh `node`
 * processes and reads what it measured. Shared by `npm run bench:coldstart` and the package test.
 */

const CHILD_SOURCE = join(__dirname, 'coldstartChild.ts');

/** Compiles the child into `outDir` and returns the file to run. Node built-ins only, so nothing else is inlined. */
export async function compileProbe(outDir: string): Promise<string> {
  const outfile = join(outDir, 'coldstartChild.cjs');
  await build({
    entryPoints: [CHILD_SOURCE],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return outfile;
}

const TriggerSchema = z.looseObject({
  type: z.string(),
  route: z.string().optional(),
  methods: z.array(z.string()).optional(),
  authLevel: z.string().optional(),
});

export const ProbeResultSchema = z.object({
  /** Process start → the first entry file's `require` returned. */
  moduleLoadedMs: z.number(),
  /** Process start → every entry file loaded, as the worker loads all that `main` matches. */
  entriesLoadedMs: z.number(),
  /** Process start → the `appStart` hooks finished. */
  appStartedMs: z.number(),
  /** Process start → the first `messages` invocation returned its response. */
  firstReplyMs: z.number(),
  /** CPU time (user + system) the process had used by then. */
  firstReplyCpuMs: z.number(),
  /** Modules in `require.cache`: the files Node resolved, read and compiled. */
  modulesLoaded: z.number(),
  registrations: z.array(z.object({ name: z.string(), trigger: TriggerSchema })),
  hooks: z.array(z.string()),
  replies: z.array(z.object({ status: z.number(), texts: z.array(z.string()) })),
  /** Warnings and errors the app's `@azure/functions` sent to the worker's log. */
  workerLogs: z.array(z.string()),
});

export type ProbeResult = z.infer<typeof ProbeResultSchema>;

export interface ProbeOptions {
  /** Entry files in load order; the first is timed on its own. */
  entries: readonly string[];
  /** The app's root: the worker's working directory. */
  appDir: string;
  /** Messages to send, in order, in one conversation; by default "what is paas". */
  texts?: readonly string[];
  conversationId?: string;
  /** Also write the V8 code cache of the package's app here, after the conversation. */
  codeCacheFile?: string;
  /** Settings for the app, on top of an environment with none of its own. */
  settings?: Readonly<Record<string, string>>;
  timeoutMs?: number;
}

/**
 * This process's environment without any of the app's settings, so that a developer's shell
 * (an app id, a storage account) cannot change what is measured, and without NODE_OPTIONS, so
 * that no loader or flag from a parent tool runs in the child.
 */
export function cleanEnvironment(settings: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [...Object.keys(SETTINGS), 'NODE_OPTIONS']) Reflect.deleteProperty(env, name);
  return { ...env, ...settings };
}

/** Starts one fresh `node` process on the probe and returns what it measured; throws with its stderr if it failed. */
export function runProbe(probeFile: string, options: ProbeOptions): ProbeResult & { stderr: string } {
  const args = [probeFile];
  for (const text of options.texts ?? []) args.push('--text', text);
  if (options.conversationId !== undefined) args.push('--conversation', options.conversationId);
  if (options.codeCacheFile !== undefined) args.push('--code-cache', options.codeCacheFile);
  args.push(...options.entries);
  const child = spawnSync(process.execPath, args, {
    cwd: options.appDir,
    env: cleanEnvironment(options.settings),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const stderr = child.stderr;
  if (child.error) throw new Error(`The cold-start probe could not run: ${child.error.message}\n${stderr}`);
  if (child.status !== 0) throw new Error(`The cold-start probe exited with ${String(child.status ?? child.signal)}:\n${stderr}`);
  const result = child.output[3];
  if (typeof result !== 'string' || result.trim() === '') throw new Error(`The cold-start probe reported nothing:\n${stderr}`);
  return { ...ProbeResultSchema.parse(JSON.parse(result)), stderr };
}
