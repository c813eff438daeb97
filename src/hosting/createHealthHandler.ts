import type { HttpHandler, HttpResponseInit } from '@azure/functions';

export interface HealthReport {
  version: string;
  knowledgeEntries: number;
  configValid: boolean;
  /** Which settings are wrong, by name; never their values. */
  configProblems: string[];
  knowledgeValid: boolean;
  /** Whether the question model is in use; without it the bot still answers, by its rules alone (a 200, with the reason logged at start). */
  questionModel: boolean;
}

/** `GET /api/health`: 200 when the bot can answer, 503 with the reason when it cannot. */
export function createHealthHandler(report: () => HealthReport): HttpHandler {
  return (): HttpResponseInit => {
    const health = report();
    const ok = health.configValid && health.knowledgeValid;
    return {
      status: ok ? 200 : 503,
      headers: { 'cache-control': 'no-store' },
      jsonBody: { status: ok ? 'ok' : 'unavailable', ...health },
    };
  };
}
