import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { inspect } from 'node:util';
import { runInThisContext } from 'node:vm';
import { HttpRequest } from '@azure/functions';
import fc from 'fast-check';
import { z } from 'zod';
import { loadConfig } from '../../src/config';
import { TURN_ERROR_MESSAGE } from '../../src/hosting/createAdapter';
import { createRuntime } from '../../src/hosting/createRuntime';
import type { JsonHandler } from '../../src/hosting/createMessagesHandler';
import { HttpError } from '../../src/errors';
import { readActivity } from '../../src/hosting/readActivity';
import { invocation, messageActivity, postRequest } from '../support/activities';
import { realKnowledgeBase } from '../support/knowledge';
import { capturingLogger } from '../support/logger';
import {
  CHANNEL_ISSUER,
  badTokens,
  channelClaims,
  signJwt,
  signingKeys,
  stubSigningKeyFetch,
  TEST_APP_ID,
  TRUSTED_KEY_ID,
  trustedHeader,
  validToken,
} from '../support/tokens';

/**
 * Random and malformed requests through the real handler, adapter and bot: with the default
 * configuration (no app id, as the Emulator and local use run), and with an app id, where every
 * request carries a missing, malformed or forged token. Every property makes a fixed number of
 * runs, all of which must pass; jest's timeout on each test bounds the time.
 *
 * Every message-shaped body asks for `expectReplies`, or has a `deliveryMode` the schema refuses,
 * so that no reply is ever posted: a normal delivery would post to the `serviceUrl` (loopback here
 * in any case), and botbuilder retries a refused post for ten seconds. Invokes also come with a
 * normal delivery: their answer is the invoke response, which botbuilder keeps in the turn.
 */

const config = loadConfig({});
const securedConfig = loadConfig({ MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'fuzz-password-not-for-logs' });
const LIMIT = config.MAX_BODY_BYTES;
const APP_ROOT = resolve(__dirname, '../..');

/** One request taking this long is a hang, whatever the machine: the run, and so the property, fails. */
const RUN_TIME_LIMIT_MS = 5_000;
/**
 * Each property's runs take 2 to 6 s on an idle 2-core machine; this leaves room for a machine
 * several times slower and busy, and fails the test rather than cut its runs short.
 */
const PROPERTY_TIMEOUT_MS = 50_000;

/** Runs per property: about 7,000 requests in all. */
const RUNS = { rawRequests: 1500, mutatedActivities: 2000, invokes: 500, texts: 800, badTokens: 2000 } as const;

/**
 * The one 5xx the Bot Framework protocol asks for: an invoke that the bot does not handle is
 * answered 501 Not Implemented by botbuilder itself (CloudBot handles no invoke). Every other
 * answer must be below 500.
 */
const UNHANDLED_INVOKE = { type: 'invoke', status: 501 } as const;

/** What a stack trace or a source location looks like in a response body. */
const LEAKS: readonly RegExp[] = [
  /\bat (?:async )?[\w$.<>[\]]+ \(.*:\d+:\d+\)/,
  /\bat (?:file:\/\/)?\/\S+:\d+:\d+/,
  /\.ts:\d/,
  /\.js:\d/,
  /node_modules/,
  /\b(?:Type|Range|Reference|Syntax|Rest)Error\b/,
];

/**
 * Jest hands each test file a copy of `process` whose events never fire. Node reports unhandled
 * rejections and uncaught exceptions on the host's process, which is the global of the main context.
 */
function hostProcess(): Pick<EventEmitter, 'on' | 'off'> {
  const host: unknown = runInThisContext('process');
  if (!(host instanceof EventEmitter)) throw new Error('The host process is not reachable from this test.');
  return host;
}

interface Answer {
  status: number;
  /** The body as the host would write it. */
  text: string;
  json: unknown;
}

/** What an `expectReplies` response carries: the replies the turn produced. */
const RepliesSchema = z.object({
  activities: z.array(z.looseObject({ type: z.string(), text: z.string().optional(), attachments: z.array(z.unknown()).optional() })),
});

const DELETE = Symbol('delete');

/** Deep nesting is written as text: building it as objects would overflow the test's own `JSON.stringify`. */
const DEEP = /"\\u0000deep:(\d+):([ao])"/g;
const deepMarker = (depth: number, kind: 'a' | 'o') => `\u0000deep:${depth}:${kind}`;

function serialise(body: unknown): string {
  return JSON.stringify(body).replace(DEEP, (_match, depth: string, kind: string) =>
    kind === 'a' ? `${'['.repeat(Number(depth))}${']'.repeat(Number(depth))}` : `${'{"a":'.repeat(Number(depth))}0${'}'.repeat(Number(depth))}`,
  );
}

/** The `type` of the activity in a body, when the body is a JSON object that has one. */
function typeOfBody(body: string | Uint8Array | undefined): unknown {
  if (body === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
    return isContainer(parsed) && Object.hasOwn(parsed, 'type') ? Reflect.get(parsed, 'type') : undefined;
  } catch {
    return undefined;
  }
}

interface RawRequest {
  method: string;
  body: string | Uint8Array | undefined;
  contentType: string | undefined;
  contentLength: string | undefined;
}

function httpRequest({ method, body, contentType, contentLength }: RawRequest, authorization?: string): HttpRequest {
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers.authorization = authorization;
  if (contentType !== undefined) headers['content-type'] = contentType;
  if (contentLength !== undefined) headers['content-length'] = contentLength;
  return new HttpRequest({
    method,
    url: 'http://localhost/api/messages',
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? { string: body } : { bytes: body },
  });
}

/** A well-formed message, from a student to the bot (`recipient.id` "bot"), that asks for its replies in the response. */
function replyInResponse(text: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return messageActivity(text, { deliveryMode: 'expectReplies', ...fields });
}

/** The bot's own mention, as Teams marks it up; a new one each time, since the mutations change it in place. */
const botMention = () => ({ type: 'mention', mentioned: { id: 'bot', name: 'CloudBot' }, text: '<at>CloudBot</at>' });

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/**
 * Sets (or deletes) the value at a path, making the containers on the way if they are missing or
 * not containers. Values are defined as own properties, so that `__proto__` becomes a key of the
 * JSON rather than the object's prototype.
 */
function mutate(target: object, path: readonly (string | number)[], value: unknown): void {
  let container = target;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) {
      if (value === DELETE) Reflect.deleteProperty(container, key);
      else Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next: unknown = Object.hasOwn(container, key) ? Reflect.get(container, key) : undefined;
    if (isContainer(next)) {
      container = next;
    } else {
      const made = typeof path[index + 1] === 'number' ? [] : {};
      Object.defineProperty(container, key, { value: made, enumerable: true, writable: true, configurable: true });
      container = made;
    }
  }
}

// ---- arbitraries ------------------------------------------------------------------------------

/** Characters that trip naive text handling: direction and zero-width marks, lone surrogate halves, emoji sequences, controls. */
const oddChar = fc.oneof(
  fc.constantFrom(
    '\u202E', '\u202D', '\u200F', '\u200E', '\u061C', '\u2067', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD',
    '\u0000', '\u0007', '\u001B', '\n', '\r\n', '\t', '\u2028', '\u2029', '\u0301', '\u20DD', '🙂', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈',
    '🇬🇧', '\uDBFF\uDFFF', 'İ', 'ß', 'ﬃ', 'Ω', '𝔭𝔞𝔞𝔰', 'שלום', 'مرحبا', '中文', '\\', '"', '<', '>', '&amp;', '%00',
  ),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const studentWords = fc.constantFrom(
  'what', 'is', 'paas', 'IaaS', 'saas', 'cloud', 'hybird', 'private', 'public', 'why', 'any downsides?', 'and paas?',
  'give me an example', 'tell me more', '2', 'the first one', 'hi', "what's", '<at>CloudBot</at>', '<b>', '</at>', '<at>',
);
const oddText = fc
  .tuple(fc.array(fc.oneof(oddChar, studentWords, fc.string({ unit: 'grapheme' })), { maxLength: 40 }), fc.constantFrom('', ' ', '\u200B'))
  .map(([parts, separator]) => parts.join(separator));
/** Long enough to be cut before matching; short enough that the body stays under the limit even with every unit escaped in JSON. */
const longOddText = fc.string({ unit: fc.oneof(oddChar, studentWords), minLength: 400, maxLength: 1000 });

/** A string around the body limit, in one- to four-byte characters. */
const hugeString = fc
  .tuple(fc.integer({ min: LIMIT - 2048, max: LIMIT + 2048 }), fc.constantFrom('x', 'é', '€', '😀', '\\', '"', '\u0000'))
  .map(([bytes, char]) => char.repeat(Math.ceil(bytes / Buffer.byteLength(char))));

const deepValue = fc.tuple(fc.integer({ min: 1, max: 30_000 }), fc.constantFrom('a' as const, 'o' as const)).map(([depth, kind]) => deepMarker(depth, kind));

/** Values of every JSON type, and some that are almost right. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(DELETE),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom('', ' ', '0', 'null', 'undefined', '[object Object]', 'message', 'invoke', 'mention', 'expectReplies', 'http://127.0.0.1:9'),
  oddText,
  hugeString,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.array(fc.record({ id: fc.oneof(fc.string(), fc.integer()) }), { minLength: 250, maxLength: 300 }),
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.jsonValue({ maxDepth: 4 }),
  deepValue,
);

/**
 * `deliveryMode` only gets values the schema refuses: a string other than `expectReplies`, null or
 * no value at all would mean a normal delivery, which posts its replies.
 */
const wrongDeliveryMode = fc.oneof(fc.boolean(), fc.integer(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));

/** `serviceUrl` is never a URL of another host; with `expectReplies` nothing is posted to it anyway. */
const wrongServiceUrl = fc.oneof(
  wrongValue.filter((value) => typeof value !== 'string'),
  fc.string().map((text) => text.replaceAll(':', '')),
  fc.constantFrom('', 'not a url', 'file:///etc/passwd', 'ftp://127.0.0.1/', 'javascript:alert(1)', 'http://[::1', 'https://127.0.0.1:9/%'),
);

const PATHS: readonly (readonly (string | number)[])[] = [
  ['type'], ['id'], ['channelId'], ['text'], ['from'], ['from', 'id'], ['from', 'name'], ['from', 'role'], ['from', 'properties'],
  ['recipient'], ['recipient', 'id'], ['recipient', 'name'], ['recipient', 'properties'], ['conversation'], ['conversation', 'id'],
  ['conversation', 'isGroup'], ['conversation', 'tenantId'], ['conversation', 'properties'], ['membersAdded'], ['membersAdded', 0],
  ['membersAdded', 0, 'id'], ['membersRemoved'], ['entities'], ['entities', 0], ['entities', 0, 'type'], ['entities', 0, 'mentioned'],
  ['entities', 0, 'mentioned', 'id'], ['entities', 0, 'text'], ['value'], ['value', 'entryId'], ['value', 'vote'], ['value', 'question'],
  ['value', 'confidence'], ['channelData'], ['channelData', 'tenant'], ['locale'], ['timestamp'], ['localTimestamp'], ['localTimezone'],
  ['attachments'], ['attachments', 0, 'content'], ['name'], ['replyToId'], ['textFormat'], ['inputHint'], ['suggestedActions'],
  ['relatesTo'], ['callerId'], ['valueType'], ['action'], ['code'], ['importance'], ['expiration'], ['speak'], ['summary'],
  ['semanticAction'], ['attachmentLayout'], ['reactionsAdded'], ['historyDisclosed'], ['__proto__'], ['constructor'],
];

const mutation = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...PATHS), wrongValue) },
  { weight: 1, arbitrary: fc.tuple(fc.constant(['deliveryMode'] as const), wrongDeliveryMode) },
  { weight: 1, arbitrary: fc.tuple(fc.constant(['serviceUrl'] as const), wrongServiceUrl) },
);

/** A factory that fast-check prints as the activity it makes, so that a counterexample shows the activity, not the code. */
function printedAsItsActivity(make: () => Record<string, unknown>): () => Record<string, unknown> {
  return Object.assign(make, { [fc.toStringMethod]: () => `() => (${serialise(make())})` });
}

/** Invoke names that Teams and Web Chat send, the ones botbuilder's ActivityHandler routes itself, and made-up ones. */
const invokeName = fc.oneof(
  fc.constantFrom(
    'composeExtension/query', 'composeExtension/submitAction', 'task/fetch', 'task/submit', 'adaptiveCard/action',
    'application/search', 'signin/verifyState', 'signin/tokenExchange', 'actionableMessage/executeAction',
    'fileConsent/invoke', 'config/fetch', 'healthCheck', '',
  ),
  fc.string({ maxLength: 40 }),
);

/** What an invoke carries in `value`: the shapes botbuilder parses for its own invokes, and anything. */
const invokeValue = fc.oneof(
  fc.constant(undefined),
  fc.record({ action: fc.record({ type: fc.constantFrom('Action.Execute', 'Action.Submit', ''), verb: fc.string(), data: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }) }, { requiredKeys: [] }),
  fc.record({ kind: fc.constantFrom('search', 'searchAnswer', 'typeahead', 'other'), queryText: fc.string(), dataset: fc.string() }, { requiredKeys: [] }),
  fc.record({ state: fc.string(), id: fc.string(), token: fc.string(), connectionName: fc.string() }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 3 }),
);

/**
 * An invoke, as a normal delivery (answered with its invoke response) or asking for replies; it
 * starts well-formed, so the mutations have something to break.
 */
const invokeActivity = fc
  .tuple(invokeName, invokeValue, fc.boolean())
  .map(([name, value, expectReplies]) =>
    printedAsItsActivity(() =>
      messageActivity('', { type: 'invoke', name, ...(value === undefined ? {} : { value }), ...(expectReplies ? { deliveryMode: 'expectReplies' } : {}) }),
    ),
  );

/** Well-formed activities of the kinds channels send, for the mutations to start from. */
const baseActivity = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      () => replyInResponse('what is paas'),
      () => replyInResponse('<at>CloudBot</at> why use the cloud', { channelId: 'msteams', entities: [botMention()], channelData: { tenant: { id: 'tenant' } } }),
      () => replyInResponse('', { value: { entryId: 'paas' } }),
      () => replyInResponse('👍 Helpful', { value: { vote: 'up', entryId: 'paas', question: 'what is paas', confidence: 0.9 } }),
      () => replyInResponse('', { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'student' }, { id: 'bot' }] }),
    ),
  },
  { weight: 2, arbitrary: invokeActivity },
);

const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/vnd.api+json', 'text/json',
      'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream',
      'application/jsonp', 'json', '*/*', '',
    ),
    // Header values arrive as printable ASCII; anything else is refused before any handler runs.
    fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
  ),
  { nil: undefined },
);

/** Bodies no channel would send. */
const rawBody = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ unit: oddChar, maxLength: 200 }),
  fc.uint8Array({ maxLength: 2048 }),
  hugeString,
  fc.constantFrom(2, 16).map((times) => 'x'.repeat(times * LIMIT)),
  deepValue.map((marker) => serialise(marker)),
  // A valid activity cut short, given trailing garbage, or written the way people write JSON by hand.
  fc.tuple(fc.nat(), fc.constantFrom('cut', 'trail', 'quotes', 'comment', 'bom', 'nan')).map(([at, damage]) => {
    const json = JSON.stringify(replyInResponse('what is iaas'));
    switch (damage) {
      case 'cut': return json.slice(0, at % json.length);
      case 'trail': return `${json},`;
      case 'quotes': return json.replaceAll('"', "'");
      case 'comment': return `// activity\n${json}`;
      case 'bom': return `\uFEFF${json}`;
      case 'nan': return json.replace('"what is iaas"', 'NaN');
    }
  }),
  baseActivity.map((make) => make()).map((activity) => JSON.stringify(activity)),
);

const rawRequest: fc.Arbitrary<RawRequest> = fc
  .record({
    method: fc.oneof({ weight: 9, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'GET') }),
    body: rawBody,
    contentType,
    contentLength: fc.option(fc.oneof(fc.nat({ max: 4 * LIMIT }).map(String), fc.constantFrom('abc', '-1', '1e9', '', '0x10', 'Infinity')), {
      nil: undefined,
    }),
  })
  .map((request) => (request.method === 'GET' ? { ...request, body: undefined } : request));

/** Claims of a token: a channel's valid ones with some changed or added, including the Emulator's and skills' claims. */
const claims = fc
  .tuple(
    fc.record(
      {
        iss: fc.oneof(
          fc.constantFrom(CHANNEL_ISSUER, 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', 'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0'),
          fc.jsonValue({ maxDepth: 1 }),
        ),
        aud: fc.oneof(fc.constant(TEST_APP_ID), fc.jsonValue({ maxDepth: 1 })),
        exp: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
        nbf: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
        ver: fc.constantFrom('1.0', '2.0', 'x'),
        appid: fc.oneof(fc.constant(TEST_APP_ID), fc.string()),
        azp: fc.oneof(fc.constant(TEST_APP_ID), fc.string()),
        serviceurl: fc.oneof(fc.constant('http://127.0.0.1:9'), fc.string()),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  )
  .map(([changed, extra]) => ({ ...extra, ...channelClaims(), ...changed }));

/** A JWT header naming the trusted key (or another, or none) and some algorithm, allowed or not. */
const jwtHeader = fc
  .record(
    {
      alg: fc.oneof(fc.constantFrom('RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'HS256', 'none', 'NONE'), fc.jsonValue({ maxDepth: 1 })),
      kid: fc.oneof(fc.constant(TRUSTED_KEY_ID), fc.jsonValue({ maxDepth: 1 })),
      typ: fc.constantFrom('JWT', 'jwt', 'at+jwt'),
      x5t: fc.string(),
    },
    { requiredKeys: ['alg'] },
  )
  .map((header) => ({ ...trustedHeader(), ...header }));

/**
 * Authorization headers no channel would send, so each must be refused with 401: missing, not a
 * bearer JWT, malformed, forged (signed with another key, as an HMAC of the public key, or not at
 * all, whatever the claims), and the one-change-from-valid tokens of the handler's tests. Header
 * values arrive as printable ASCII; anything else is refused before any handler runs.
 */
const badAuthorization: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 200 }).map((token) => `Bearer ${token}`),
  fc.constantFrom(...badTokens().map(([, authorization]) => authorization)),
  fc.tuple(jwtHeader, claims, fc.constantFrom('attacker', 'hmac', 'none', 'spliced')).map(([header, payload, signer]) => {
    const { attacker, trustedPublicPem } = signingKeys();
    switch (signer) {
      case 'attacker': return `Bearer ${signJwt(header, payload, attacker)}`;
      case 'hmac': return `Bearer ${signJwt({ ...header, alg: 'HS256' }, payload, trustedPublicPem)}`;
      case 'none': return `Bearer ${signJwt({ ...header, alg: 'none' }, payload, attacker).replace(/[^.]+$/, '')}`;
      case 'spliced': {
        // A real signature over other claims: the claims were changed after signing (one is added, so they always differ).
        const [head = '', , signature = ''] = validToken().split('.');
        return `Bearer ${head}.${Buffer.from(JSON.stringify({ ...payload, changedAfterSigning: true })).toString('base64url')}.${signature}`;
      }
    }
  }),
);

// ---- the properties ---------------------------------------------------------------------------

describe('POST /api/messages, fuzzed', () => {
  const logger = capturingLogger();
  const { messages } = createRuntime({ config, kb: realKnowledgeBase(), logger });
  const secured = createRuntime({ config: securedConfig, kb: realKnowledgeBase(), logger: capturingLogger() });
  const host = hostProcess();
  const unhandled: unknown[] = [];
  const remember = (reason: unknown) => unhandled.push(reason);

  beforeAll(() => {
    host.on('unhandledRejection', remember);
    host.on('uncaughtException', remember);
    stubSigningKeyFetch();
  });
  afterAll(() => {
    host.off('unhandledRejection', remember);
    host.off('uncaughtException', remember);
    jest.restoreAllMocks();
  });

  /** A failed turn logs an error (and apologises); nothing else the bot does logs one. */
  const loggedErrors = () => logger.lines.filter((line) => line.level === 'error').length;

  /**
   * Calls the handler and writes the body as the Functions host would: a body it cannot write is
   * its 500. `logs` are what the handler logged through its invocation context.
   */
  async function send(request: HttpRequest, handler: JsonHandler = messages): Promise<Answer & { logs: string[] }> {
    const { context, logs } = invocation();
    const response = await handler(request, context);
    const status = response.status ?? 200;
    if (response.jsonBody !== undefined) {
      try {
        return { status, text: JSON.stringify(response.jsonBody), json: response.jsonBody, logs };
      } catch (error) {
        return { status: 500, text: `the host could not write the body: ${String(error)}`, json: undefined, logs };
      }
    }
    if (response.body === undefined || response.body === null || typeof response.body === 'string') {
      return { status, text: response.body ?? '', json: undefined, logs };
    }
    return { status: 500, text: 'the handler returned a body the host cannot write as-is', json: undefined, logs };
  }

  /** Below 500, bar the protocol's one exception for `sentType` "invoke"; and nothing internal in the body. */
  function expectSafe(answer: Answer, sentType: unknown): void {
    const unhandledInvoke = sentType === UNHANDLED_INVOKE.type && answer.status === UNHANDLED_INVOKE.status;
    if (!unhandledInvoke) expect(answer.status).toBeLessThan(500);
    for (const leak of LEAKS) expect(answer.text).not.toMatch(leak);
    expect(answer.text).not.toContain(APP_ROOT);
  }

  /** Makes all `numRuns` runs of a property, failing it on the first run that fails or takes too long. */
  async function holds<Ts extends unknown[]>(property: fc.IAsyncProperty<Ts>, numRuns: number): Promise<void> {
    const details = await fc.check(property, { numRuns, plugins: [fc.timeout(RUN_TIME_LIMIT_MS)] });
    if (details.failed) {
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`${fc.defaultReportMessage(details)}\n\nFailure: ${cause}`);
    }
    expect(details.numRuns).toBe(numRuns);
    // Node reports an unhandled rejection once the microtasks have run; give it a turn of the loop.
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  }

  it('never answers 5xx or shows internals to arbitrary requests: any JSON, bytes, huge, deep, wrong content types', async () => {
    await holds(
      fc.asyncProperty(rawRequest, async (raw) => {
        expectSafe(await send(httpRequest(raw)), typeOfBody(raw.body));
      }),
      RUNS.rawRequests,
    );
  }, PROPERTY_TIMEOUT_MS);

  it('never answers 5xx, shows internals or fails a turn it accepted, whatever the type of each field, invokes included', async () => {
    await holds(
      fc.asyncProperty(baseActivity, fc.array(mutation, { minLength: 1, maxLength: 3 }), async (make, mutations) => {
        const activity = make();
        for (const [path, value] of mutations) mutate(activity, path, value);
        // An invoke sent as a normal delivery and then given another type would post its replies (see the top of the file).
        fc.pre(activity.type === 'invoke' || Object.hasOwn(activity, 'deliveryMode'));
        const failuresBefore = loggedErrors();
        const answer = await send(postRequest(serialise(activity)));
        expectSafe(answer, Reflect.get(activity, 'type'));
        if (answer.status < 300) {
          // Accepted means the SDK can handle it: a turn that fails on it should have been a 400.
          expect(answer.text).not.toContain(TURN_ERROR_MESSAGE);
          expect(loggedErrors()).toBe(failuresBefore);
        }
      }),
      RUNS.mutatedActivities,
    );
  }, PROPERTY_TIMEOUT_MS);

  it('answers well-formed invokes with their invoke response: 501 for any the bot does not handle, never another 5xx or a failed turn', async () => {
    await holds(
      fc.asyncProperty(invokeActivity, async (make) => {
        const activity = make();
        const failuresBefore = loggedErrors();
        const answer = await send(postRequest(activity));
        expectSafe(answer, activity.type);
        expect(answer.text).not.toContain(TURN_ERROR_MESSAGE);
        expect(loggedErrors()).toBe(failuresBefore);
      }),
      RUNS.invokes,
    );
  }, PROPERTY_TIMEOUT_MS);

  it('answers any text in a well-formed expectReplies message with 200 and at least one reply', async () => {
    await holds(
      fc.asyncProperty(
        fc.oneof(oddText, longOddText),
        fc.constantFrom('emulator', 'webchat', 'directline', 'msteams'),
        fc.oneof(fc.constantFrom('fuzz-1', 'fuzz-2'), fc.string({ unit: oddChar, minLength: 1, maxLength: 80 })),
        fc.boolean(),
        async (text, channelId, conversationId, mentioned) => {
          const activity = replyInResponse(mentioned ? `<at>CloudBot</at> ${text}` : text, {
            channelId,
            conversation: { id: conversationId },
            ...(mentioned ? { entities: [botMention()] } : {}),
          });
          const failuresBefore = loggedErrors();
          const answer = await send(postRequest(activity));
          expectSafe(answer, activity.type);
          expect(answer.status).toBe(200);
          const replies = RepliesSchema.parse(answer.json).activities;
          expect(replies.length).toBeGreaterThanOrEqual(1);
          for (const reply of replies) {
            expect(reply.type).toBe('message');
            // Something to read: text, or a card.
            expect(`${reply.text ?? ''}${reply.attachments?.length ? '[card]' : ''}`.trim()).not.toBe('');
            expect(reply.text).not.toBe(TURN_ERROR_MESSAGE);
          }
          expect(loggedErrors()).toBe(failuresBefore);
        },
      ),
      RUNS.texts,
    );
  }, PROPERTY_TIMEOUT_MS);

  describe('with an app id configured', () => {
    /** botbuilder's token check writes to the console on some refusals (the key list, an expiry); kept here to be checked. */
    const consoleLines: string[] = [];
    beforeAll(() => {
      for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
        jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          consoleLines.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' '));
        });
      }
    });

    it('refuses every request with a missing, malformed or forged token with 401, never a 5xx, an error log or the token in a log', async () => {
      await holds(
        fc.asyncProperty(baseActivity, fc.array(mutation, { maxLength: 2 }), badAuthorization, async (make, mutations, authorization) => {
          const activity = make();
          for (const [path, value] of mutations) mutate(activity, path, value);
          const body = serialise(activity);
          const raw: RawRequest = { method: 'POST', body, contentType: 'application/json', contentLength: undefined };
          // What the handler would say of the body alone: a body it refuses may be refused before the token is checked.
          const bodyRefusal = await readActivity(httpRequest(raw), LIMIT).then(
            () => undefined,
            (error: unknown) => (error instanceof HttpError ? error.status : 500),
          );
          const consoleBefore = consoleLines.length;
          const answer = await send(httpRequest(raw, authorization), secured.messages);
          expectSafe(answer, undefined);
          expect(bodyRefusal === undefined ? [401] : [401, bodyRefusal]).toContain(answer.status);
          expect(answer.logs).toEqual([expect.stringMatching(/^warning: Rejected request \(4\d\d\): /)]);
          const token = authorization?.replace(/^Bearer /, '') ?? '';
          if (token.length > 8) {
            for (const line of [...answer.logs, ...consoleLines.slice(consoleBefore)]) expect(line).not.toContain(token);
          }
        }),
        RUNS.badTokens,
      );
    }, PROPERTY_TIMEOUT_MS);
  });

  it('is still up and answering afterwards, with nothing left unhandled', async () => {
    const answer = await send(postRequest(replyInResponse('what is saas')));
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/Software as a Service|SaaS/);
    const securedAnswer = await send(postRequest(replyInResponse('what is saas'), { authorization: `Bearer ${validToken()}` }), secured.messages);
    expect(securedAnswer.status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });
});
