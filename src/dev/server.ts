import { processConfig } from '../config';
import { toError } from '../errors';
import { consoleLogger } from '../logger';
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
  try {
    instanceRuntime();
  } catch (error) {
    consoleLogger.error(toError(error).message);
    process.exit(1);
  }
  const { PORT, HOST } = check.config;
  const server = createAppServer(check.config, consoleLogger);
  server.once('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `port ${String(PORT)} is in use; set PORT to another one` : error.message;
    consoleLogger.error(`CloudBot cannot listen on ${HOST}:${String(PORT)}: ${reason}.`);
    process.exit(1);
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
