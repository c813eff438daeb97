import { processConfig } from '../config';
import { toError } from '../errors';
import { consoleLogger } from '../logger';
import { instanceRuntime, messagesHandler, TOKEN_RATE } from './instance';
import { LocalDirectLine } from './localDirectLine';
import { createLocalServer } from './localServer';
import { chatRoute, directLineTokenRoute, routes } from './routes';
import { createDirectLineTokenHandler } from './web/directLineToken';
import { RateLimiter } from './web/rateLimiter';

/**
 * `npm start`: the local stand-in for the Functions host. Process concerns only: read the
 * configuration, build the runtime, listen, and shut down cleanly.
 */
function main(): void {
  const check = processConfig();
  if (!check.ok) {
    consoleLogger.error(`CloudBot cannot start. Fix these settings:\n- ${check.problems.join('\n- ')}`);
    process.exit(1);
  }
  try {
    instanceRuntime();
  } catch (error) {
    consoleLogger.error(toError(error).message);
    process.exit(1);
  }
  const { PORT, HOST, MAX_BODY_BYTES, DIRECT_LINE_SECRET } = check.config;
  const directLine = new LocalDirectLine(messagesHandler, consoleLogger);
  // Without a Direct Line secret, the chat page talks to the local Direct Line emulation.
  const localRoutes = DIRECT_LINE_SECRET
    ? routes
    : routes.map((route) =>
        route.name === directLineTokenRoute.name
          ? { ...route, handler: createDirectLineTokenHandler(directLine.tokenSource(), new RateLimiter(TOKEN_RATE), consoleLogger) }
          : route,
      );
  const server = createLocalServer({
    routes: localRoutes,
    logger: consoleLogger,
    maxBodyBytes: MAX_BODY_BYTES,
    aliases: { '/': chatRoute.name },
    directLine,
  });
  server.listen(PORT, HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : PORT;
    consoleLogger.info(`CloudBot is listening on http://localhost:${port}`);
    consoleLogger.info(`Chat page: http://localhost:${port}/`);
    consoleLogger.info(`Bot Framework endpoint: http://localhost:${port}/api/messages`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
