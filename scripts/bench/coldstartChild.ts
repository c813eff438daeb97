import { writeFileSync, writeSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CREATE_CODE_CACHE } from '../package/codeCache';

/**
 * One cold start, in a fresh `node` process, the way the Azure Functions Node.js worker does it:
 * provide `@azure/functions-core` by intercepting `require`, load the app's entry files, run its
 * `appStart` hooks, then invoke `messages` through the programming model the app registered,
 * which builds the `HttpRequest` and `InvocationContext` with the app's own `@azure/functions`.
 *
 * It imports nothing but Node's built-ins (and a constant from the package's loader, which uses
 * only built-ins), so it adds no module of the app's to either variant,
 * and it is compiled to plain JavaScript first (coldstartProbe.ts), so no TypeScript loader runs.
 * `performance.now()` counts from the start of this process.
 *
 * Usage: node coldstartChild.cjs [--text <message>]… [--conversation <id>] [--code-cache <file>] <entry file>… 3>result.json
 * The first entry file is timed on its own. The result goes to file descriptor 3 as one line of
 * JSON, apart from stdout and stderr, where the app writes its own logs.
 *
 * With `--code-cache`, it also writes the V8 code cache of the package's app, as compiled after
 * the conversation, to that file: `npm run package` makes the package's cache this way.
 */

const RESULT_FD = 3;

// The subset of the worker's `@azure/functions-core` declarations that `@azure/functions` uses.
interface Binding {
  type: string;
  route?: string;
  methods?: string[];
  authLevel?: string;
}
interface FunctionMetadata {
  name: string;
  bindings: Record<string, Binding>;
}
type FunctionCallback = (...args: unknown[]) => unknown;
type HookCallback = (context: unknown) => unknown;
interface RpcTypedData {
  string?: string | null;
  bytes?: Uint8Array | null;
}
interface RpcInvocationResponse {
  returnValue?: { http?: { statusCode?: string | null; body?: RpcTypedData | null } | null } | null;
}
interface InvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], handler: FunctionCallback): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<RpcInvocationResponse>;
}
interface ProgrammingModel {
  getInvocationModel(coreContext: unknown): InvocationModel;
}

interface Registration {
  metadata: FunctionMetadata;
  callback: FunctionCallback;
}

const registrations: Registration[] = [];
const hooks: { name: string; callback: HookCallback }[] = [];
const workerLogs: string[] = [];
let programmingModel: ProgrammingModel | undefined;

const disposable = { dispose: () => undefined };
const coreApi = {
  version: 'cold-start-probe',
  hostVersion: 'cold-start-probe',
  registerFunction: (metadata: FunctionMetadata, callback: FunctionCallback) => {
    registrations.push({ metadata, callback });
    return disposable;
  },
  registerHook: (name: string, callback: HookCallback) => {
    hooks.push({ name, callback });
    return disposable;
  },
  setProgrammingModel: (model: ProgrammingModel) => {
    programmingModel = model;
  },
  getProgrammingModel: () => programmingModel,
  log: (level: string, category: string, message: string) => {
    if (level === 'error' || level === 'critical' || level === 'warning') workerLogs.push(`${category} ${level}: ${message}`);
  },
};

// What the worker does: `@azure/functions-core` is a built-in module only inside it.
// eslint-disable-next-line @typescript-eslint/unbound-method -- the proxy calls it with the `this` it was called with
Module.prototype.require = new Proxy(Module.prototype.require, {
  apply(target, thisArg, args: unknown[]) {
    if (args[0] === '@azure/functions-core') return coreApi;
    return Reflect.apply(target, thisArg, args) as unknown;
  },
});

function triggerOf(metadata: FunctionMetadata): [string, Binding] {
  const trigger = Object.entries(metadata.bindings).find(([, binding]) => binding.type === 'httpTrigger');
  if (!trigger) throw new Error(`${metadata.name} has no HTTP trigger`);
  return trigger;
}

function bodyText(body: RpcTypedData | null | undefined): string {
  if (body?.bytes) return Buffer.from(body.bytes).toString('utf8');
  return body?.string ?? '';
}

/** The texts of an `expectReplies` response's activities. */
function replyTexts(body: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null || !('activities' in parsed) || !Array.isArray(parsed.activities)) return [];
  return (parsed.activities as unknown[]).flatMap((activity) =>
    typeof activity === 'object' && activity !== null && 'text' in activity && typeof activity.text === 'string' ? [activity.text] : [],
  );
}

/** CPU time this process has used, which other work on a shared machine disturbs less than wall time. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

let invocations = 0;

/** One invocation of `messages`, as the worker makes it from the host's RPC request. */
async function invokeMessages(model: ProgrammingModel, registration: Registration, text: string, conversationId: string) {
  const invocationId = `cold-start-${String(++invocations)}`;
  const activity = {
    type: 'message',
    id: String(invocations),
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: 'u' },
    recipient: { id: 'b' },
    conversation: { id: conversationId },
    text,
    deliveryMode: 'expectReplies',
  };
  const [triggerName] = triggerOf(registration.metadata);
  const invocation = model.getInvocationModel({
    invocationId,
    metadata: registration.metadata,
    state: undefined,
    log: coreApi.log,
    request: {
      invocationId,
      functionId: registration.metadata.name,
      inputData: [
        {
          name: triggerName,
          data: {
            http: {
              method: 'POST',
              url: 'http://localhost:7071/api/messages',
              headers: { 'content-type': 'application/json' },
              body: { string: JSON.stringify(activity) },
            },
          },
        },
      ],
    },
  });
  const { context, inputs } = await invocation.getArguments();
  const result = await invocation.invokeFunction(context, inputs, registration.callback);
  const http = (await invocation.getResponse(context, result)).returnValue?.http;
  const body = bodyText(http?.body);
  return { status: Number(http?.statusCode ?? 0), texts: replyTexts(body) };
}

/** The code cache of the package's app, from the shared file that loaded it (scripts/package/sharedFile.ts). */
function codeCacheOf(load: NodeJS.Require): Buffer {
  for (const loaded of Object.values(load.cache)) {
    const exports: unknown = loaded?.exports;
    if (typeof exports !== 'object' || exports === null) continue;
    const create: unknown = Reflect.get(exports, CREATE_CODE_CACHE);
    if (typeof create === 'function') return (create as () => Buffer)();
  }
  throw new Error('No loaded module offers a code cache: is this a package from npm run package?');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { text: { type: 'string', multiple: true }, conversation: { type: 'string' }, 'code-cache': { type: 'string' } },
    allowPositionals: true,
  });
  const [first, ...rest] = positionals;
  if (first === undefined) throw new Error('Usage: node coldstartChild.cjs [--text <message>]… [--conversation <id>] <entry file>…');

  const load = createRequire(__filename);
  load(first);
  const moduleLoadedMs = performance.now();
  for (const entry of rest) load(entry);
  const entriesLoadedMs = performance.now();

  for (const hook of hooks.filter((candidate) => candidate.name === 'appStart')) {
    await hook.callback({ hookData: {}, appHookData: {}, functionAppDirectory: process.cwd() });
  }
  const appStartedMs = performance.now();

  const messages = registrations.find((registration) => registration.metadata.name === 'messages');
  if (!programmingModel) throw new Error('The app set no programming model: @azure/functions did not find the worker API');
  if (!messages) throw new Error('No "messages" function was registered');
  const replies = [];
  let firstReplyMs: number | undefined;
  let firstReplyCpuMs: number | undefined;
  for (const text of values.text ?? ['what is paas']) {
    replies.push(await invokeMessages(programmingModel, messages, text, values.conversation ?? 'c'));
    firstReplyMs ??= performance.now();
    firstReplyCpuMs ??= cpuMs();
  }

  const cacheFile = values['code-cache'];
  if (cacheFile !== undefined) writeFileSync(cacheFile, codeCacheOf(load));

  const result = {
    moduleLoadedMs,
    entriesLoadedMs,
    appStartedMs,
    firstReplyMs,
    firstReplyCpuMs,
    modulesLoaded: Object.keys(load.cache).length,
    registrations: registrations.map(({ metadata }) => ({ name: metadata.name, trigger: triggerOf(metadata)[1] })),
    hooks: hooks.map((hook) => hook.name),
    replies,
    workerLogs,
  };
  // Synchronous, so that the line is complete before the exit below.
  writeSync(RESULT_FD, `${JSON.stringify(result)}\n`);
}

main().then(
  // Exits at once: an SDK's idle keep-alive socket or timer must not hold the measurement open.
  () => process.exit(0),
  (error: unknown) => {
    writeSync(2, `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
