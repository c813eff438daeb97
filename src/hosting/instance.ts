import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpHandler } from '@azure/functions';
import { z } from 'zod';
import { loadProcessConfig, processConfig } from '../config';
import { toError } from '../errors';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir, locateAppRoot } from '../knowledge/locateKnowledgeDir';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { consoleLogger } from '../logger';
import type { MatcherIndex } from '../matching/Matcher';
import { indexFingerprint, MATCHER_INDEX_FILE, parseMatcherIndex } from '../matching/matcherIndex';
import { type QuestionModel, readQuestionModel } from '../matching/questionModel';
import { createHealthHandler, type HealthReport } from './createHealthHandler';
import { createRuntime, type Runtime } from './createRuntime';
import { createChatPageHandler } from '../web/chatPage';
import { createLecturePageHandler, renderLecturePage } from '../web/lecturePage';
import { createDirectLineTokenHandler, directLineTokenSource } from '../web/directLineToken';
import { RateLimiter, TOKEN_RATE } from '../web/rateLimiter';
import { createWebChatAssetHandler, webChatBundle } from '../web/webChatAsset';
import { entryNamesOf, type EntryNames } from '../web/dashboard/dashboardStats';
import { type DashboardAccess, dashboardAccess } from '../web/dashboard/staffAccess';
import { createStaffDashboardHandler, type DashboardSource } from '../web/dashboard/staffDashboard';

/**
 * What this process built, once, on first use: the knowledge base and the runtime, or the
 * reason they could not be built. A failure is kept too, so every request gets the same clear
 * 503 instead of a rebuild per request.
 */
interface Outcome {
  kb?: KnowledgeBase;
  runtime?: Runtime;
  error?: Error;
  /** Whether the runtime's matcher has the trained question model. */
  questionModel?: boolean;
}

let outcome: Outcome | undefined;

function built(): Outcome {
  outcome ??= build();
  return outcome;
}

/** This instance's runtime; throws the reason it cannot be built. */
export function instanceRuntime(): Runtime {
  const { runtime, error } = built();
  if (runtime) return runtime;
  throw error ?? new Error('CloudBot runtime unavailable');
}

function build(): Outcome {
  const result: Outcome = {};
  try {
    const dir = defaultKnowledgeDir();
    result.kb = loadKnowledgeBase(dir);
    const questionModel = trainedModel(dir, result.kb);
    result.questionModel = questionModel !== undefined;
    result.runtime = createRuntime({
      config: loadProcessConfig(),
      kb: result.kb,
      logger: consoleLogger,
      matcherIndex: builtIndex(dir, result.kb),
      ...(questionModel ? { questionModel } : {}),
    });
  } catch (thrown) {
    result.error = toError(thrown);
    consoleLogger.error(`CloudBot cannot start: ${result.error.message}`);
  }
  return result;
}

/**
 * The matcher's index that `npm run package` made for this knowledge base, if the knowledge
 * folder has one that fits; otherwise the runtime builds its own, as it does in development.
 */
function builtIndex(dir: string, kb: KnowledgeBase): MatcherIndex | undefined {
  const file = join(dir, MATCHER_INDEX_FILE);
  if (!existsSync(file)) return undefined;
  const result = parseMatcherIndex(readFileSync(file, 'utf8'), indexFingerprint(kb));
  if (result.ok) return result.index;
  consoleLogger.warn(`Not using ${MATCHER_INDEX_FILE}, which is ${result.reason}: building the matcher's index instead.`);
  return undefined;
}

/** The question model trained for this knowledge base, if the folder has one that fits; otherwise the rules decide alone. */
function trainedModel(dir: string, kb: KnowledgeBase): QuestionModel | undefined {
  const result = readQuestionModel(dir, kb);
  if (result.ok) return result.model;
  consoleLogger.warn(`Not using a question model: ${result.reason}. The matcher's rules decide alone.`);
  return undefined;
}

/** The Bot Framework endpoint of this instance. */
export const messagesHandler: HttpHandler = async (request, context) => {
  let runtime: Runtime;
  try {
    runtime = instanceRuntime();
  } catch (error) {
    context.error(toError(error).message);
    return { status: 503, jsonBody: { error: 'CloudBot is not configured correctly; the operator has been told why.' } };
  }
  return runtime.messages(request, context);
};

const PackageSchema = z.object({ version: z.string() });

/** The health endpoint of this instance. It works even when the runtime could not be built. */
export const healthHandler: HttpHandler = createHealthHandler((): HealthReport => {
  const config = processConfig();
  const { kb, questionModel } = built();
  return {
    version: appVersion(),
    knowledgeEntries: kb?.size ?? 0,
    knowledgeValid: kb !== undefined,
    questionModel: questionModel === true,
    configValid: config.ok,
    configProblems: config.ok ? [] : config.problems,
  };
});

let version: string | undefined;

function appVersion(): string {
  version ??= PackageSchema.parse(JSON.parse(readFileSync(join(locateAppRoot(), 'package.json'), 'utf8'))).version;
  return version;
}

/**
 * The chat page, its Web Chat bundle, its token endpoint and the lecture page, built once per
 * instance on first use. They do not need the bot, so they keep working (the lecture page with a
 * 503) while its configuration or knowledge base is broken.
 */
interface WebHandlers {
  page: HttpHandler;
  lecture: HttpHandler;
  asset: HttpHandler;
  token: HttpHandler;
}

let web: WebHandlers | undefined;

function webHandlers(): WebHandlers {
  if (web) return web;
  const check = processConfig();
  const config = check.ok ? check.config : undefined;
  const bundle = webChatBundle();
  const endpoint = config?.DIRECT_LINE_ENDPOINT;
  const secret = config?.DIRECT_LINE_SECRET;
  web = {
    page: createChatPageHandler({
      bundle,
      // Web Chat reaches Direct Line over HTTPS and, for streaming, WebSockets.
      connectOrigins: endpoint ? [new URL(endpoint).origin, new URL(endpoint).origin.replace(/^http/, 'ws')] : [],
      lectureTitle: built().kb?.lecture.title ?? 'Lecture 5: Cloud computing',
      frameOrigins: config?.ALLOWED_ORIGINS ?? [],
    }),
    asset: createWebChatAssetHandler(bundle),
    lecture: lectureHandler(),
    token: createDirectLineTokenHandler(
      secret !== undefined && endpoint !== undefined ? directLineTokenSource(secret, endpoint) : undefined,
      new RateLimiter(TOKEN_RATE),
      consoleLogger,
      config?.ALLOWED_ORIGINS ?? [],
      config?.publicOrigin,
    ),
  };
  return web;
}

/** The lecture page, rendered once; without a valid knowledge base it cannot say what CloudBot answers. */
function lectureHandler(): HttpHandler {
  const { kb } = built();
  if (!kb) return () => Promise.resolve({ status: 503, jsonBody: { error: 'The lecture page is unavailable: the knowledge base did not load.' } });
  const html = renderLecturePage(kb);
  return createLecturePageHandler(() => html);
}

export const lecturePageHandler: HttpHandler = (request, context) => webHandlers().lecture(request, context);
export const chatPageHandler: HttpHandler = (request, context) => webHandlers().page(request, context);
export const webChatAssetHandler: HttpHandler = (request, context) => webHandlers().asset(request, context);
export const directLineTokenHandler: HttpHandler = (request, context) => webHandlers().token(request, context);

let dashboard: HttpHandler | undefined;

/**
 * The staff dashboard, built on first use. Who may open it is decided from the configuration
 * alone, so that a refusal reads nothing; with a configuration that does not parse, no one can
 * be told to be staff, and the dashboard is off.
 */
function dashboardHandler(): HttpHandler {
  if (dashboard) return dashboard;
  const check = processConfig();
  const access: DashboardAccess = check.ok ? dashboardAccess(check.config) : { mode: 'off', reason: 'the configuration is invalid' };
  let names: EntryNames | undefined;
  const source = (): DashboardSource => {
    const runtime = instanceRuntime();
    names ??= entryNamesOf(runtime.kb);
    const { staff } = runtime.config;
    return {
      records: runtime.records,
      tickets: runtime.tickets,
      ticketsOff: staff.mode === 'off' ? staff.reason : undefined,
      names,
      lectureTitle: runtime.kb.lecture.title,
      recording: runtime.config.RECORD_QUESTIONS,
    };
  };
  dashboard = createStaffDashboardHandler({ access, source, logger: consoleLogger });
  return dashboard;
}

export const staffDashboardHandler: HttpHandler = (request, context) => dashboardHandler()(request, context);
