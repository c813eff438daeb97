import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { besidesInstanceNotices, capturedConsole } from '../support/console';
import { Quiz } from '../../src/quiz/Quiz';
import { realKnowledgeBase, realMatcher } from '../support/knowledge';
import { launchChromium, startLocalApp } from '../support/browser';
import { close } from '../support/servers';

/** The instance the pages reach says its start notices once; nothing else may reach the console. */
const consoleLines = capturedConsole();
afterAll(() => {
  expect(besidesInstanceNotices(consoleLines)).toEqual([]);
});


/**
 * The chat page in a real browser (Debian's Chromium through playwright-core), against the app
 * as `npm start` serves it: the page, the bundle, the token, the local Direct Line and the bot.
 * Without Chromium it fails, saying how to install it: a browser test that silently skips
 * proves nothing.
 */

const OUTPUT = join(__dirname, '../../test-output');
const WAIT = { timeout: 15_000 };
/** A laptop, whose screenshot of the comparison is the README's picture, and a phone. */
const WIDTHS = [1280, 390] as const;
const HEIGHT = 844;

/**
 * The words under a selector that the browser has broken across lines mid-word: each word (a
 * hyphen ends one, as a line may break after it) must lie on a single line box. It runs in the
 * page, so it is page script, as the chat page's own is.
 */
const WORDS_BROKEN_ACROSS_LINES = `(selector) => {
  const broken = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.textContent.matchAll(/[^\\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}`;

/** Table cells under a selector whose content is wider than the cell: cut off, or spilling over. */
const CELLS_OVERFLOWING = `(selector) => Array.from(document.querySelectorAll(selector + ' [role="cell"], ' + selector + ' [role="columnheader"]'))
  .filter((cell) => cell.scrollWidth > cell.clientWidth)
  .map((cell) => cell.textContent)`;

const Texts = z.array(z.string());

describe('the Web Chat page in Chromium', () => {
  let server: Server;
  let origin = '';
  let browser: Browser | undefined;
  let page: Page;
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    ({ server, origin } = await startLocalApp());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: WIDTHS[0], height: HEIGHT } });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.context().on('request', (request) => requests.push(request.url()));
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await close(server);
  });

  const lastBotMessage = () => page.locator('[role="group"], article, .webchat__stacked-layout').last();
  /** The transcript scrolled to its end, as after a new message, once Web Chat has laid it out. */
  const showLatest = async () => {
    // Away from the transcript, so that no button shows as hovered.
    await page.mouse.move(0, 0);
    await page.locator('.webchat__activity-status').last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
  };
  /** Runs one of the page scripts above on a selector; what it found, as text. */
  const find = async (script: string, selector: string) => Texts.parse(await page.evaluate(`(${script})(${JSON.stringify(selector)})`));
  const thumb = (name: 'Helpful' | 'Not helpful') => page.getByRole('button', { name, exact: true }).last();

  it('greets with the topics as buttons before the student types', async () => {
    await page.goto(`${origin}/`);
    await page.getByText('I answer questions about Lecture 5', { exact: false }).first().waitFor(WAIT);
    await page.getByRole('button', { name: 'Why use the cloud?' }).first().waitFor(WAIT);
    await page.screenshot({ path: join(OUTPUT, 'webchat-welcome.png') });
  }, 30_000);

  it('answers a typed question with its source and follow-up buttons', async () => {
    const box = page.getByPlaceholder('Ask about IaaS, PaaS, SaaS…');
    await box.fill('what is paas');
    await box.press('Enter');
    await page.getByText('departmental Jupyter', { exact: false }).first().waitFor(WAIT);
    await page.getByText('Source: Lecture 5', { exact: false }).first().waitFor(WAIT);
    await page.getByRole('button', { name: 'Software as a service (SaaS)' }).first().waitFor(WAIT);
  }, 30_000);

  it('offers 👍/👎 as two small thumbs under the answer, named for screen readers, not as a card', async () => {
    await thumb('Helpful').waitFor(WAIT);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      await showLatest();
      await page.screenshot({ path: join(OUTPUT, `webchat-answer-${String(width)}.png`) });
      for (const name of ['Helpful', 'Not helpful'] as const) {
        const box = await thumb(name).boundingBox();
        expect(box?.height).toBeLessThan(40);
        expect(box?.width).toBeLessThan(40);
        // Drawn, not typed: no emoji font needed.
        expect(await thumb(name).locator('svg').count()).toBeGreaterThan(0);
      }
      const status = await page.locator('.webchat__activity-status').last().boundingBox();
      expect(status?.height).toBeLessThan(40);
    }
    await expect(page.getByText('Was this answer helpful?').count()).resolves.toBe(0);
    await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
  }, 30_000);

  it('answers the exact entry a clicked suggestion carries', async () => {
    await page.getByRole('button', { name: 'Software as a service (SaaS)' }).first().click();
    await page.getByText('Outlook.com or Gmail', { exact: false }).first().waitFor(WAIT);
    await page.screenshot({ path: join(OUTPUT, 'webchat-answer.png') });
  }, 30_000);

  it('takes a thumb as a vote: the bot thanks, and the thumb stays pressed', async () => {
    await thumb('Helpful').click();
    await page.getByText('Thanks, glad that helped!').first().waitFor(WAIT);
    await expect(page.getByRole('button', { name: 'Helpful', exact: true, pressed: true }).count()).resolves.toBe(1);
  }, 30_000);

  it('renders a comparison as an Adaptive Card table', async () => {
    const box = page.getByPlaceholder('Ask about IaaS, PaaS, SaaS…');
    await box.fill('compare iaas paas and saas');
    await box.press('Enter');
    await page.getByText('Departmental Jupyter', { exact: true }).first().waitFor(WAIT);
    await page.getByText('The operating system and environment', { exact: true }).first().waitFor(WAIT);
    await lastBotMessage().scrollIntoViewIfNeeded();
  }, 30_000);

  it('finds a word broken mid-word when there is one (so that the next test can fail)', async () => {
    await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<p id="narrow" style="width: 3em; overflow-wrap: anywhere">Departmental</p>')`);
    await expect(find(WORDS_BROKEN_ACROSS_LINES, '#narrow')).resolves.toEqual(['Departmental']);
    await page.evaluate(`document.getElementById('narrow').remove()`);
  });

  it.each(WIDTHS)('shows the comparison table at %i px without a word broken or a cell cut off', async (width) => {
    await page.setViewportSize({ width, height: HEIGHT });
    await showLatest();
    await page.locator('[role="table"]').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, `webchat-comparison-${String(width)}.png`) });
    const table = '.ac-adaptiveCard [role="table"]';
    await expect(page.locator(table).last().getByText('Departmental Jupyter').count()).resolves.toBe(1);
    await expect(find(WORDS_BROKEN_ACROSS_LINES, table)).resolves.toEqual([]);
    await expect(find(CELLS_OVERFLOWING, table)).resolves.toEqual([]);
    // The same answer has its thumbs too, under the table.
    const box = await thumb('Not helpful').boundingBox();
    expect(box?.height).toBeLessThan(40);
  }, 30_000);

  it('follows a citation to the right section of the lecture page', async () => {
    await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
    const link = page.getByRole('link', { name: 'read it in the lecture' }).last();
    const [lecture] = await Promise.all([page.context().waitForEvent('page', WAIT), link.click()]);
    // A new tab starts at about:blank; wait for the lecture itself.
    await lecture.waitForURL(/\/lecture#/, WAIT);
    expect(new URL(lecture.url()).hash).toBe('#infrastructure-platform-and-software-as-a-service');
    await lecture.locator('section#infrastructure-platform-and-software-as-a-service:target').waitFor(WAIT);
    await lecture.screenshot({ path: join(OUTPUT, 'lecture-section.png') });
    await lecture.close();
  }, 30_000);

  it('plays a short quiz to the end with the option buttons', async () => {
    const quiz = new Quiz(realKnowledgeBase(), realMatcher());
    const box = page.getByPlaceholder('Ask about IaaS, PaaS, SaaS…');
    await box.fill('quiz me on reach');
    await box.press('Enter');
    const [item] = quiz.itemsIn('benefits.reach');
    if (!item) throw new Error('no question on reach');
    await page.getByText(item.prompt, { exact: false }).first().waitFor(WAIT);
    const right = `${'ABCDE'.charAt(item.correct)}. ${item.options[item.correct] ?? ''}`;
    await page.getByRole('button', { name: right }).last().click();
    await page.getByText('Round over: 1 of 1 right', { exact: false }).first().waitFor(WAIT);
    await page.screenshot({ path: join(OUTPUT, 'webchat-quiz.png') });
  }, 30_000);

  it('ran without Content-Security-Policy violations or script errors', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('made no request outside loopback: no CDN, no telemetry', () => {
    expect(requests.length).toBeGreaterThan(5);
    const outside = requests.filter((url) => !/^(data|blob|about):/.test(url) && !['127.0.0.1', 'localhost'].includes(new URL(url).hostname));
    expect(outside).toEqual([]);
  });
});
