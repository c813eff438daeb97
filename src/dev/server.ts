import { processConfig } from '../config';
import { toError } from '../errors';
import { consoleLogger, createConsoleLogger } from '../logger';
import { createAppServer } from './appServer';
import { instanceRuntime } from '../hosting/instance';

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
  const logger = createConsoleLogger(check.config.LOG_LEVEL);
  logger.info('Loading the knowledge base and building the bot…');
  try {
    instanceRuntime();
  } catch (error) {
    logger.error(toError(error).message);
    process.exit(1);
  }
  const { PORT, HOST, localOrigin } = check.config;
  const server = createAppServer(check.config, logger);
  server.once('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `port ${String(PORT)} is in use; set PORT to another one` : error.message;
    logger.error(`CloudBot cannot listen on ${HOST}:${String(PORT)}: ${reason}.`);
    process.exit(1);
  });
  server.listen(PORT, HOST, () => {
    // The configured origin, which citations link to too; PORT=0 leaves the port to the system.
    const address = server.address();
    const origin = new URL(localOrigin);
    if (typeof address === 'object' && address !== null) origin.port = String(address.port);
    const base = origin.origin;
    logger.info(`CloudBot is listening on ${base}`);
    logger.info(`Chat page: ${base}/`);
    if (check.config.staff.mode === 'local' && !check.config.DIRECT_LINE_SECRET) logger.info(`Teaching team's page: ${base}/staff?name=Your+Name`);
    logger.info(`Staff dashboard: ${base}/staff/dashboard`);
    logger.info(`Bot Framework endpoint: ${base}/api/messages`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
