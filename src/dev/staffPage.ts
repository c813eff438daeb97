import type { HttpHandler } from '@azure/functions';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { RouteDefinition } from '../hosting/routes';
import { standardResponse } from '../hosting/standardResponse';
import { createChatPageHandler } from '../web/chatPage';
import { createDirectLineTokenHandler } from '../web/directLineToken';
import { PAGE_RATE, RateLimiter, rateLimited, TOKEN_RATE } from '../web/rateLimiter';
import { webChatBundle } from '../web/webChatAsset';
import type { LocalDirectLine } from './localDirectLine';

/** The teaching team's page and its token, under `/api` like every route; the page is also at `/staff`. */
export const STAFF_PAGE_ROUTE = 'staff';
export const STAFF_TOKEN_ROUTE = 'directline/staff-token';
export const DEFAULT_STAFF_NAME = 'Teaching assistant';
const MAX_NAME_CHARS = 60;

/** `?name=`: how the staff card names whoever takes a question; control characters and excess length go. */
const NameSchema = z
  .string()
  .transform((name) => name.replace(/\p{Cc}/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_CHARS).trim())
  .transform((name) => (name === '' ? DEFAULT_STAFF_NAME : name))
  .catch(DEFAULT_STAFF_NAME);

/**
 * `POST /api/directline/staff-token?name=…`: a conversation of the local Direct Line emulation in
 * which every activity is marked as the teaching team's (see `LocalDirectLine`). Only `npm start`
 * serves it, on loopback: in Azure the teaching team is a Teams channel and this route does not exist.
 */
export function createStaffTokenHandler(directLine: LocalDirectLine, limiter: RateLimiter, logger: Logger): HttpHandler {
  return (request, context) => {
    const staffName = NameSchema.parse(request.query.get('name') ?? '');
    // No other site may start a staff conversation: no allowed origins besides the page's own.
    return createDirectLineTokenHandler(directLine.tokenSource({ staffName }), limiter, logger, [])(request, context);
  };
}

/**
 * The local `/staff` page, the chat page with the teaching team's banner and token, and its token
 * endpoint: the stand-in for the staff channel in Teams when the configuration's staff mode is `local`.
 */
export function localStaffRoutes(directLine: LocalDirectLine, logger: Logger, lectureTitle: string): RouteDefinition[] {
  const page = createChatPageHandler({
    bundle: webChatBundle(),
    connectOrigins: [],
    lectureTitle,
    variant: {
      title: 'CloudBot · Teaching team',
      tokenPath: `/api/${STAFF_TOKEN_ROUTE}`,
      banner: 'Teaching team: questions students send you appear here. Add ?name=Your+Name to the address to sign your answers.',
      sendsName: true,
      userAvatarInitials: 'TA',
    },
  });
  return [
    { name: 'staffPage', route: STAFF_PAGE_ROUTE, methods: ['GET', 'HEAD'], authLevel: 'anonymous', handler: standardResponse(rateLimited(page, new RateLimiter(PAGE_RATE))) },
    { name: 'staffToken', route: STAFF_TOKEN_ROUTE, methods: ['POST'], authLevel: 'anonymous', handler: standardResponse(createStaffTokenHandler(directLine, new RateLimiter(TOKEN_RATE), logger)) },
  ];
}
