import { randomBytes } from 'node:crypto';
import type { HttpHandler, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import type { Logger } from '../../logger';
import type { RecordHistory, RecentRecords } from '../../records/records';
import type { TicketStore } from '../../tickets/TicketStore';
import type { Ticket } from '../../tickets/ticket';
import { withTimeout } from '../../timeout';
import { renderDashboard, renderRefusal } from './dashboardPage';
import { dashboardStats, type EntryNames } from './dashboardStats';
import { type DashboardAccess, decideAccess, SIGN_IN_PATH } from './staffAccess';

/** What the dashboard reads, from the instance's runtime. */
export interface DashboardSource {
  records: RecordHistory;
  /** Undefined when asking the teaching team is off; `ticketsOff` then says why. */
  tickets: TicketStore | undefined;
  ticketsOff: string | undefined;
  names: EntryNames;
  lectureTitle: string;
  recording: boolean;
}

export interface StaffDashboardDeps {
  access: DashboardAccess;
  /** The runtime's parts; throws when the runtime could not be built (the page answers 503). */
  source: () => DashboardSource;
  logger: Logger;
  now?: () => Date;
  /** Records read per kind: a bound on the time and memory of one page. */
  recordLimit?: number;
  /** Each storage read is abandoned after this long, and the page says what it could not show. */
  timeoutMs?: number;
}

/** `?days=`: the period shown, a week to a term. */
const QuerySchema = z.object({ days: z.coerce.number().int().min(7).max(120).catch(14).default(14) });
const DEFAULT_RECORD_LIMIT = 20_000;

const HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  // Students' questions: never cached, never framed, nowhere to send a referrer.
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The lecture page's policy: no script at all, styles by nonce; charts are inline SVG. */
function csp(nonce: string): string {
  return ["default-src 'none'", "script-src 'none'", `style-src 'nonce-${nonce}'`, "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');
}

/**
 * `GET /api/staff/dashboard` (and `/staff/dashboard` locally): the teaching team's charts of what
 * students asked, how CloudBot replied, ratings, quiz results and waiting questions. Access is
 * decided before anything is read (see `decideAccess`).
 */
export function createStaffDashboardHandler(deps: StaffDashboardDeps): HttpHandler {
  const now = deps.now ?? (() => new Date());
  const limit = deps.recordLimit ?? DEFAULT_RECORD_LIMIT;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  let offLogged = false;

  return async (request): Promise<HttpResponseInit> => {
    const decision = decideAccess(deps.access, request.headers);
    if (!decision.allowed) {
      if (deps.access.mode === 'off' && !offLogged) {
        offLogged = true;
        deps.logger.warn(`The staff dashboard is off: ${deps.access.reason}.`);
      }
      return { status: decision.status, headers: { ...HEADERS, 'content-security-policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" }, body: renderRefusal(decision.status, SIGN_IN_PATH) };
    }
    let source: DashboardSource;
    try {
      source = deps.source();
    } catch {
      // The instance has logged why it could not start.
      return { status: 503, headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' }, body: 'The dashboard is unavailable: CloudBot did not start. The operator has been told why.' };
    }
    const query = QuerySchema.parse(Object.fromEntries(request.query.entries()));
    const at = now();
    const from = new Date(Date.parse(at.toISOString().slice(0, 10)) - (query.days - 1) * 86_400_000);
    const problems: string[] = [];
    const bounded = <T>(work: Promise<T>, what: string, fallback: T): Promise<T> =>
      withTimeout(work, timeoutMs, () => new Error(`no answer within ${String(timeoutMs)} ms`)).catch((error: unknown) => {
        deps.logger.warn(`The staff dashboard could not read ${what}.`, error);
        problems.push(`The ${what} could not be read just now; reload to try again.`);
        return fallback;
      });
    const [recent, tickets] = await Promise.all([
      bounded<RecentRecords>(source.records.since(from, limit), 'records', { records: [], truncated: [] }),
      source.tickets ? bounded<Ticket[]>(source.tickets.list({ status: ['open', 'taken'] }), 'open tickets', []) : Promise.resolve([]),
    ]);
    const stats = dashboardStats({ records: recent.records, truncated: recent.truncated, tickets, names: source.names, now: at, days: query.days });
    const nonce = randomBytes(16).toString('base64');
    const html = renderDashboard(stats, { lectureTitle: source.lectureTitle, recording: source.recording, ticketsOff: source.ticketsOff, problems }, at);
    return { status: 200, headers: { ...HEADERS, 'content-security-policy': csp(nonce) }, body: html.replace('__NONCE__', nonce) };
  };
}
