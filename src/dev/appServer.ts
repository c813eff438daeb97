import type { Server } from 'node:http';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { instanceRuntime, messagesHandler } from '../hosting/instance';
import { LocalDirectLine } from './localDirectLine';
import { createLocalServer } from './localServer';
import { localStaffRoutes, STAFF_PAGE_ROUTE } from './staffPage';
import { chatRoute, directLineTokenRoute, lectureRoute, routes, staffDashboardRoute } from '../hosting/routes';
import { standardResponse } from '../hosting/standardResponse';
import { createDirectLineTokenHandler } from '../web/directLineToken';
import { RateLimiter, TOKEN_RATE } from '../web/rateLimiter';

/**
 * What `npm start` serves: every function at `/api/…`, the chat page also at `/`, and, without
 * a Direct Line secret, the local Direct Line emulation the page then talks to. With the staff
 * mode `local` (no Teams channel configured) and the emulation, also the teaching team's page at
 * `/staff`, over the same emulation.
 */
export function createAppServer(config: Config, logger: Logger): Server {
  const directLine = new LocalDirectLine(messagesHandler, logger);
  const localRoutes = config.DIRECT_LINE_SECRET
    ? routes
    : routes.map((route) =>
        route.name === directLineTokenRoute.name
          ? { ...route, handler: standardResponse(createDirectLineTokenHandler(directLine.tokenSource(), new RateLimiter(TOKEN_RATE), logger, config.ALLOWED_ORIGINS)) }
          : route,
      );
  const staffPage = config.staff.mode === 'local' && !config.DIRECT_LINE_SECRET;
  const staffRoutes = staffPage ? localStaffRoutes(directLine, logger, instanceRuntime().kb.lecture.title) : [];
  return createLocalServer({
    routes: [...localRoutes, ...staffRoutes],
    logger,
    maxBodyBytes: config.MAX_BODY_BYTES,
    // Relative links between the two pages work both here and under Azure's /api prefix.
    aliases: {
      '/': chatRoute.name,
      '/chat': chatRoute.name,
      '/lecture': lectureRoute.name,
      '/staff/dashboard': staffDashboardRoute.name,
      ...(staffPage ? { [`/${STAFF_PAGE_ROUTE}`]: 'staffPage' } : {}),
    },
    directLine,
  });
}
