import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import { MemoryRecords } from '../../../src/records/MemoryRecords';
import type { RecordHistory } from '../../../src/records/records';
import { MemoryTicketStore } from '../../../src/tickets/TicketStore';
import { dashboardAccess, OBJECT_ID_CLAIM } from '../../../src/web/dashboard/staffAccess';
import { createStaffDashboardHandler, type DashboardSource, type StaffDashboardDeps } from '../../../src/web/dashboard/staffDashboard';
import { invocation } from '../../support/activities';
import { capturingLogger } from '../../support/logger';
import { quizAnswer, ticket, tinyNames, turn, vote } from './fixtures';

const NOW = new Date('2026-12-10T15:00:00.000Z');
const STAFF = '6f1c2b9e-4d3a-4f7e-9b1a-2c3d4e5f6a7b';
const STUDENT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const AZURE = { WEBSITE_INSTANCE_ID: 'instance-1', WEBSITE_AUTH_ENABLED: true };

/** The header App Service's authentication sets for a signed-in person: base64 JSON with their claims. */
function principal(objectId: string | undefined, extra: Record<string, unknown> = {}): string {
  const claims = [{ typ: 'name', val: 'Someone' }, ...(objectId === undefined ? [] : [{ typ: OBJECT_ID_CLAIM, val: objectId }])];
  return Buffer.from(JSON.stringify({ auth_typ: 'aad', claims, name_typ: 'name', role_typ: 'roles', ...extra })).toString('base64');
}

async function sourceWithRecords(): Promise<DashboardSource> {
  const records = new MemoryRecords();
  for (const record of [
    turn('2026-12-10T09:00:00.000Z', 'answered', 'trains'),
    turn('2026-12-10T09:01:00.000Z', 'answered', 'trains'),
    turn('2026-12-09T09:00:00.000Z', 'declined'),
    vote('2026-12-10T09:02:00.000Z', 'buses', false),
    quizAnswer('2026-12-10T09:03:00.000Z', 'trains.fares', true),
  ]) {
    await records.add(record);
  }
  const tickets = new MemoryTicketStore();
  await tickets.create(ticket('open', '2026-12-10T08:00:00.000Z', 'Is the <b>night bus</b> free?'));
  return { records, tickets, ticketsOff: undefined, names: tinyNames, lectureTitle: 'Lecture 1: Transport', recording: true };
}

function setUp(settings: Parameters<typeof dashboardAccess>[0], source: () => DashboardSource, extra: Partial<StaffDashboardDeps> = {}) {
  const logger = capturingLogger();
  const handler = createStaffDashboardHandler({ access: dashboardAccess(settings), source, logger, now: () => NOW, ...extra });
  const get = async (headers: Record<string, string> = {}, query = ''): Promise<{ status: number | undefined; text: string; header: (name: string) => string }> => {
    const response: HttpResponseInit = await handler(new HttpRequest({ method: 'GET', url: `http://localhost/api/staff/dashboard${query}`, headers }), invocation().context);
    const headerBag = new Headers(response.headers);
    return { status: response.status, text: typeof response.body === 'string' ? response.body : '', header: (name) => headerBag.get(name) ?? '' };
  };
  return { get, logger };
}

describe('who may open the staff dashboard', () => {
  it('is open in local runs (not in Azure), where the server listens on loopback', async () => {
    const source = await sourceWithRecords();
    const { get } = setUp({ STAFF_USER_IDS: [] }, () => source);
    expect((await get()).status).toBe(200);
  });

  it('in Azure, sends someone not signed in to the Entra sign-in, and reads nothing', async () => {
    const source = jest.fn(() => { throw new Error('must not be read'); });
    const { get } = setUp({ ...AZURE, STAFF_USER_IDS: [STAFF] }, source);
    const response = await get();
    expect(response.status).toBe(401);
    expect(response.text).toContain('href="/.auth/login/aad?post_login_redirect_uri=/api/staff/dashboard"');
    expect(response.header('cache-control')).toBe('no-store');
    expect(source).not.toHaveBeenCalled();
  });

  it('in Azure, refuses a signed-in person who is not staff with 403, and reads nothing', async () => {
    const source = jest.fn(() => { throw new Error('must not be read'); });
    const { get } = setUp({ ...AZURE, STAFF_USER_IDS: [STAFF] }, source);
    const response = await get({ 'x-ms-client-principal': principal(STUDENT) });
    expect(response.status).toBe(403);
    expect(response.text).toContain('not as a member of the teaching team');
    expect(source).not.toHaveBeenCalled();
  });

  it('in Azure, lets in a member of staff by their object id, whatever its case', async () => {
    const source = await sourceWithRecords();
    const { get } = setUp({ ...AZURE, STAFF_USER_IDS: [STAFF] }, () => source);
    expect((await get({ 'x-ms-client-principal': principal(STAFF.toUpperCase()) })).status).toBe(200);
  });

  it.each([
    ['not base64 JSON', '%%%not-a-principal'],
    ['JSON without claims', Buffer.from(JSON.stringify({ auth_typ: 'aad' })).toString('base64')],
    ['claims without an object id', principal(undefined)],
    ['an object id under another claim', Buffer.from(JSON.stringify({ claims: [{ typ: 'oid-ish', val: STAFF }] })).toString('base64')],
  ])('in Azure, treats a principal header with %s as no one signed in', async (_, header) => {
    const { get } = setUp({ ...AZURE, STAFF_USER_IDS: [STAFF] }, () => { throw new Error('must not be read'); });
    expect((await get({ 'x-ms-client-principal': header })).status).toBe(401);
  });

  it('in Azure with STAFF_USER_IDS empty, is off: 404 for everyone, said once in the log', async () => {
    const { get, logger } = setUp({ ...AZURE, STAFF_USER_IDS: [] }, () => { throw new Error('must not be read'); });
    expect((await get()).status).toBe(404);
    expect((await get({ 'x-ms-client-principal': principal(STAFF) })).status).toBe(404);
    expect(logger.lines).toEqual([{ level: 'warn', text: expect.stringMatching(/^The staff dashboard is off: STAFF_USER_IDS is empty/) as unknown }]);
  });

  it('in Azure without App Service authentication, is off even for a staff principal: the header could be the client\'s own', async () => {
    const { get, logger } = setUp({ WEBSITE_INSTANCE_ID: 'instance-1', WEBSITE_AUTH_ENABLED: false, STAFF_USER_IDS: [STAFF] }, () => { throw new Error('must not be read'); });
    expect((await get({ 'x-ms-client-principal': principal(STAFF) })).status).toBe(404);
    expect(logger.lines).toEqual([{ level: 'warn', text: expect.stringMatching(/^The staff dashboard is off: App Service authentication is not on/) as unknown }]);
  });
});

describe('the staff dashboard page', () => {
  it('draws every chart as an accessible inline SVG, with its numbers in a table, under a policy that allows no script', async () => {
    const source = await sourceWithRecords();
    const response = await (setUp({ STAFF_USER_IDS: [] }, () => source)).get();
    const csp = response.header('content-security-policy');
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /style-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(response.text).toContain(`<style nonce="${nonce ?? ''}">`);
    expect(response.text).not.toMatch(/<script/i);
    expect(response.header('cache-control')).toBe('no-store');

    for (const id of ['per-day', 'shares', 'topics', 'votes', 'quiz', 'tickets']) {
      expect(response.text).toMatch(new RegExp(`<svg [^>]*role="img" aria-labelledby="${id}-title ${id}-desc"`));
      expect(response.text).toContain(`<title id="${id}-title">`);
    }
    expect(response.text.match(/<table/g)?.length).toBeGreaterThanOrEqual(6);
    // The numbers are the records': two answered about trains, one declined, a 👎 on buses, a quiz answer right.
    expect(response.text).toContain('<th scope="row">Trains</th><td>2</td>');
    expect(response.text).toContain('<th scope="row">Buses</th><td>0</td><td>1</td><td>1</td>');
    expect(response.text).toContain('67% answered, 0% clarified, 33% declined, 0% smalltalk of 3 questions.');
    expect(response.text).toContain('<th scope="row">Trains</th><td>1</td><td>0</td><td>1</td>');
    // A student's words are text, never markup.
    expect(response.text).toContain('Is the &#60;b&#62;night bus&#60;/b&#62; free?');
  });

  it('shows the period asked for with ?days=, within a week and a term, and two weeks otherwise', async () => {
    const source = await sourceWithRecords();
    const { get } = setUp({ STAFF_USER_IDS: [] }, () => source);
    expect((await get({}, '?days=30')).text).toContain('2026-11-11 to 2026-12-10');
    expect((await get({}, '?days=9999')).text).toContain('2026-11-27 to 2026-12-10');
    expect((await get({}, '?days=abc')).text).toContain('2026-11-27 to 2026-12-10');
  });

  it('says so, rather than failing, when storage cannot be read, and when asking the teaching team or recording is off', async () => {
    const failing: RecordHistory = { since: () => Promise.reject(new Error('storage down')) };
    const source = { ...(await sourceWithRecords()), records: failing, tickets: undefined, ticketsOff: 'STAFF_TEAMS_CHANNEL_ID is not set', recording: false };
    const { get, logger } = setUp({ STAFF_USER_IDS: [] }, () => source);
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.text).toContain('The records could not be read just now');
    expect(response.text).toContain('Asking the teaching team is off: STAFF_TEAMS_CHANNEL_ID is not set.');
    expect(response.text).toContain('Recording is off (RECORD_QUESTIONS=false)');
    expect(logger.lines).toEqual([{ level: 'warn', text: expect.stringContaining('could not read records') as unknown }]);
  });

  it('gives up on storage that does not answer, after its timeout', async () => {
    const hanging: RecordHistory = { since: () => new Promise(() => undefined) };
    const source = { ...(await sourceWithRecords()), records: hanging };
    const { get } = setUp({ STAFF_USER_IDS: [] }, () => source, { timeoutMs: 50 });
    expect((await get()).text).toContain('The records could not be read just now');
  });

  it('answers 503 when the instance could not start', async () => {
    const { get } = setUp({ STAFF_USER_IDS: [] }, () => { throw new Error('bad knowledge base'); });
    expect((await get()).status).toBe(503);
  });
});
