import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { Quiz } from '../../src/quiz/Quiz';
import { besidesInstanceNotices, capturedConsole } from '../support/console';
import { clarifyingQuestion, realKnowledgeBase, realMatcher } from '../support/knowledge';
import { launchChromium, startLocalApp } from '../support/browser';
import { close } from '../support/servers';

/**
 * The teaching team's side in a real browser, over `npm start`'s server: a student's page and the
 * `/staff` page side by side through one local Direct Line emulation, a question handed over,
 * taken, answered and rated; then the staff dashboard drawing what that session recorded.
 */
const consoleLines = capturedConsole();
/** What the instance says, besides its start notices, when a question reaches the staff page. */
const HANDOFF_NOTICE = 'info: A question for the teaching team is waiting: open /staff to answer it.';
afterAll(() => {
  expect(besidesInstanceNotices(consoleLines).filter((line) => line !== HANDOFF_NOTICE)).toEqual([]);
});

const OUTPUT = join(__dirname, '../../test-output');
const WAIT = { timeout: 15_000 };
const PAGE = { width: 640, height: 900 };

/** Two screenshots of one height, side by side in one PNG, with a grey gutter. */
function sideBySide(left: string, right: string, out: string): void {
  const a = PNG.sync.read(readFileSync(left));
  const b = PNG.sync.read(readFileSync(right));
  const gutter = 12;
  const joined = new PNG({ width: a.width + gutter + b.width, height: Math.max(a.height, b.height) });
  joined.data.fill(0x99);
  PNG.bitblt(a, joined, 0, 0, a.width, a.height, 0, 0);
  PNG.bitblt(b, joined, 0, 0, b.width, b.height, a.width + gutter, 0);
  writeFileSync(out, PNG.sync.write(joined));
}

describe('the student\'s page and the teaching team\'s page, side by side in Chromium', () => {
  let server: Server;
  let origin = '';
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let student: Page;
  let staff: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ server, origin } = await startLocalApp());
    browser = await launchChromium();
    // Two people: separate contexts, as two browsers would be.
    contexts = [await browser.newContext({ viewport: PAGE }), await browser.newContext({ viewport: PAGE })];
    const [first, second] = contexts;
    if (!first || !second) throw new Error('no browser context');
    student = await first.newPage();
    staff = await second.newPage();
    for (const page of [student, staff]) {
      page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) problems.push(message.text()); });
      page.on('pageerror', (error) => problems.push(String(error)));
    }
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await close(server);
  });

  const typeInto = async (page: Page, text: string) => {
    const box = page.getByPlaceholder('Ask about IaaS, PaaS, SaaS…');
    await box.fill(text);
    await box.press('Enter');
  };
  const lastButton = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).last();

  it('opens the teaching team\'s page with its banner, signed with the name in its address', async () => {
    await staff.goto(`${origin}/staff?name=Ada%20Lovelace`);
    await staff.getByText('Teaching team: questions students send you appear here', { exact: false }).waitFor(WAIT);
    await staff.getByText('Teaching team desk.', { exact: false }).first().waitFor(WAIT);
  }, 30_000);

  it('lets a student hand a question the lecture does not cover to the teaching team', async () => {
    await student.goto(`${origin}/`);
    await student.getByText('I answer questions about Lecture 5', { exact: false }).first().waitFor(WAIT);
    await typeInto(student, 'will the exam have a question on kubernetes');
    await lastButton(student, 'Ask the teaching team').waitFor(WAIT);
    await lastButton(student, 'Ask the teaching team').click();
    const question = student.locator('.ac-adaptiveCard textarea, .ac-adaptiveCard input[type="text"]').last();
    await question.waitFor(WAIT);
    await question.fill('Will the exam ask about Kubernetes?');
    await lastButton(student, 'Send to the teaching team').click();
    await student.getByText('Sent to the teaching team', { exact: false }).first().waitFor(WAIT);
  }, 30_000);

  it('shows the question on the staff page, where it is taken and answered', async () => {
    await staff.getByText('Will the exam ask about Kubernetes?', { exact: false }).first().waitFor(WAIT);
    await lastButton(staff, "I'll take it").click();
    await staff.getByText('Ada Lovelace is taking this one', { exact: false }).first().waitFor(WAIT);
    await lastButton(staff, 'Answer').click();
    const answer = staff.locator('.ac-adaptiveCard textarea, .ac-adaptiveCard input[type="text"]').last();
    await answer.waitFor(WAIT);
    await answer.fill('No: Kubernetes is not part of Lecture 5, so it is not examined.');
    await lastButton(staff, 'Send answer').click();
    await staff.getByText('Sent to the student', { exact: false }).first().waitFor(WAIT);
  }, 30_000);

  it('delivers the answer to the student, marked as the teaching team\'s, to rate; "my questions" says it is answered', async () => {
    await student.getByText('From the teaching team', { exact: false }).first().waitFor(WAIT);
    await student.getByText('Kubernetes is not part of Lecture 5', { exact: false }).first().waitFor(WAIT);
    await lastButton(student, '👍 Helpful').click();
    await student.getByText('the teaching team will see your rating', { exact: false }).first().waitFor(WAIT);
    await typeInto(student, 'my questions');
    await student.getByText('Answered by Ada Lovelace', { exact: false }).last().waitFor(WAIT);
    await student.mouse.move(0, 0);
    await staff.mouse.move(0, 0);
    await student.waitForTimeout(300);
    const left = join(OUTPUT, 'staff-side-by-side-student.png');
    const right = join(OUTPUT, 'staff-side-by-side-staff.png');
    await student.screenshot({ path: left });
    await staff.screenshot({ path: right });
    sideBySide(left, right, join(OUTPUT, 'staff-side-by-side.png'));
    expect(PNG.sync.read(readFileSync(join(OUTPUT, 'staff-side-by-side.png'))).width).toBe(PAGE.width * 2 + 12);
  }, 45_000);

  it('draws the dashboard\'s charts from what the session recorded', async () => {
    // A few more turns of each kind: an answer, smalltalk, a "Did you mean", a quiz answer.
    await typeInto(student, 'what is paas');
    await student.getByText('departmental Jupyter', { exact: false }).first().waitFor(WAIT);
    await typeInto(student, 'hello');
    await typeInto(student, clarifyingQuestion());
    await student.getByText('Did you mean', { exact: false }).last().waitFor(WAIT);
    const [item] = new Quiz(realKnowledgeBase(), realMatcher()).itemsIn('benefits.reach');
    if (!item) throw new Error('no question on reach');
    await typeInto(student, 'quiz me on reach');
    await student.getByText(item.prompt, { exact: false }).first().waitFor(WAIT);
    const wrong = (item.correct + 1) % item.options.length;
    await lastButton(student, `${'ABCDE'.charAt(wrong)}. ${item.options[wrong] ?? ''}`).click();
    await student.getByText('Round over: 0 of 1 right', { exact: false }).first().waitFor(WAIT);

    const dashboard = await staff.context().newPage();
    dashboard.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) problems.push(message.text()); });
    await dashboard.setViewportSize({ width: 1280, height: 900 });
    await dashboard.goto(`${origin}/staff/dashboard`);
    for (const name of ['Questions per day, last 14 days', 'How CloudBot replied', 'Topics asked most', 'Ratings by answer', 'Quiz results by topic', 'Questions waiting for the teaching team']) {
      await expect(dashboard.getByRole('img', { name: new RegExp(`^${name}`) }).count()).resolves.toBe(1);
    }
    // Bars drawn: today's column, PaaS among the topics, the wrong quiz answer under its topic.
    const bars = async (id: string) => dashboard.locator(`svg[aria-labelledby^="${id}-"] rect[height]:not([width="12"])`).count();
    expect(await bars('per-day')).toBeGreaterThanOrEqual(3);
    expect(await bars('topics')).toBeGreaterThanOrEqual(1);
    expect(await bars('quiz')).toBe(1);
    await expect(dashboard.locator('#h-topics ~ figure').getByText('Platform as a service', { exact: false }).count()).resolves.toBeGreaterThan(0);
    // Its numbers are in the tables under the charts.
    await dashboard.getByText('The numbers: how cloudbot replied').click();
    await expect(dashboard.getByRole('table', { name: 'How CloudBot replied, as a table' }).getByRole('row').count()).resolves.toBe(5);
    await dashboard.screenshot({ path: join(OUTPUT, 'staff-dashboard-1280.png'), fullPage: true });
    await dashboard.setViewportSize({ width: 390, height: 844 });
    await dashboard.screenshot({ path: join(OUTPUT, 'staff-dashboard-390.png'), fullPage: true });
    // Nothing wider than a phone's screen.
    expect(await dashboard.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await dashboard.close();
  }, 60_000);

  it('ran without Content-Security-Policy violations or script errors on any page', () => {
    expect(problems).toEqual([]);
  });
});
