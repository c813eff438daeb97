import type { HttpFunctionOptions, HttpMethod } from '@azure/functions';
import { chatPageHandler, directLineTokenHandler, healthHandler, lecturePageHandler, messagesHandler, webChatAssetHandler } from './instance';
import { PAGE_RATE, RateLimiter, rateLimited } from './web/rateLimiter';

/**
 * One definition per HTTP function, shared by the Functions registrations in `functions/` and by
 * the local server, so that both expose the same names, routes, methods and handlers.
 */
export interface RouteDefinition extends HttpFunctionOptions {
  name: string;
  route: string;
  methods: HttpMethod[];
}

export const messagesRoute: RouteDefinition = {
  name: 'messages',
  route: 'messages',
  methods: ['POST'],
  // Bot Framework authenticates with its own bearer token, which the adapter validates.
  authLevel: 'anonymous',
  handler: messagesHandler,
};

export const healthRoute: RouteDefinition = {
  name: 'health',
  route: 'health',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: healthHandler,
};

/** One limiter per instance for both pages; see `RateLimiter` for why per instance is enough. */
const pageLimiter = new RateLimiter(PAGE_RATE);

/** The Web Chat page. `npm start` also serves it at `/`. */
export const chatRoute: RouteDefinition = {
  name: 'chat',
  route: 'chat',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: rateLimited(chatPageHandler, pageLimiter),
};

/** The Web Chat bundle, from the app itself; the version in the path makes it cacheable for a year. */
export const webChatAssetRoute: RouteDefinition = {
  name: 'webchatAsset',
  route: 'webchat/{version}/webchat.js',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: webChatAssetHandler,
};

/** A Direct Line token for the page, exchanged server-side so that the secret never reaches the browser. */
export const directLineTokenRoute: RouteDefinition = {
  name: 'directlineToken',
  route: 'directline/token',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: directLineTokenHandler,
};

/** The lecture, which every answer's citation links into; `npm start` also serves it at `/lecture`. */
export const lectureRoute: RouteDefinition = {
  name: 'lecture',
  route: 'lecture',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: rateLimited(lecturePageHandler, pageLimiter),
};

export const routes: readonly RouteDefinition[] = [messagesRoute, healthRoute, chatRoute, webChatAssetRoute, directLineTokenRoute, lectureRoute];
