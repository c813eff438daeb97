import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpHandler } from '@azure/functions';
import { z } from 'zod';
import { processConfig } from '../config';
import { ConfigError, toError } from '../errors';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir, locateAppRoot } from '../knowledge/locateKnowledgeDir';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { consoleLogger } from '../logger';
import { createHealthHandler, type HealthReport } from './createHealthHandler';
import { createRuntime, type Runtime } from './createRuntime';

/**
 * What this process built, once, on first use: the knowledge base and the runtime, or the
 * reason they could not be built. A failure is kept too, so every request gets the same clear
 * 503 instead of a rebuild per request.
 */
interface Outcome {
  kb?: KnowledgeBase;
  runtime?: Runtime;
  error?: Error;
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
    result.kb = loadKnowledgeBase(defaultKnowledgeDir());
    const check = processConfig();
    if (!check.ok) throw new ConfigError(`Invalid configuration: ${check.problems.join('; ')}`);
    result.runtime = createRuntime({ config: check.config, kb: result.kb, logger: consoleLogger });
  } catch (thrown) {
    result.error = toError(thrown);
    consoleLogger.error(`CloudBot cannot start: ${result.error.message}`);
  }
  return result;
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
  const { kb } = built();
  return {
    version: appVersion(),
    knowledgeEntries: kb?.size ?? 0,
    knowledgeValid: kb !== undefined,
    configValid: config.ok,
    configProblems: config.ok ? [] : config.problems,
  };
});

let version: string | undefined;

function appVersion(): string {
  version ??= PackageSchema.parse(JSON.parse(readFileSync(join(locateAppRoot(), 'package.json'), 'utf8'))).version;
  return version;
}
