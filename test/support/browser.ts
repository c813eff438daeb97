import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { type Browser, chromium } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { createAppServer } from '../../src/dev/appServer';
import { capturingLogger } from './logger';
import { freePort } from './servers';

/**
 * Debian's Chromium, through playwright-core (Playwright's own browser download is not available
 * offline). Without it the browser tests fail, saying how to install it: a browser test that
 * silently skips proves nothing.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Quiet, reproducible and offline: no sandbox (CI runs as root), no GPU, no background traffic. */
const LAUNCH_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Install Debian's: sudo apt-get install chromium (or set CHROMIUM_PATH). .ci/run does this.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_FLAGS });
}

/**
 * The app as `npm start` serves it, on a free loopback port. The port goes into the
 * configuration, because citations link to the lecture page by URL; the functions read their
 * settings from the environment once, as on a Functions instance, so it goes there too.
 */
export async function startLocalApp(): Promise<{ server: Server; origin: string }> {
  const port = await freePort();
  process.env.PORT = String(port);
  const server = createAppServer(loadConfig({ PORT: String(port) }), capturingLogger());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${String(port)}` };
}
