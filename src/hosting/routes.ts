import type { HttpFunctionOptions, HttpMethod } from '@azure/functions';
import { chatPageHandler, directLineTokenHandler, healthHandler, lecturePageHandler, messagesHandler, staffDashboardHandler, webChatAssetHandler } from './instance';
import { standardResponse } from './standardResponse';
import { PAGE_RATE, RateLimiter, rateLimited } from '../web/rateLimiter';

/**
 * One definition per HTTP function, shared by the Functions registrations in `functions/` and by
 * the local server, so that both expose the same names, routes, methods and handlers. Every
 * handler answers through `standardResponse`.
 */
export interface RouteDefinition extends HttpFunctionOptions {
  name: string;
  route: string;
  methods: HttpMethod[];
}

/** What a page or file answers: HEAD as GET, without the body (see `standardResponse`). */
const READ: HttpMethod[] = ['GET', 'HEAD'];

export const messagesRoute: RouteDefinition = {
  name: 'messages',
  route: 'messages',
  methods: ['POST'],
  // Bot Framework authenticates with its own bearer token, which the adapter validates.
  authLevel: 'anonymous',
  handler: standardResponse(messagesHandler),
};

export const healthRoute: RouteDefinition = {
  name: 'health',
  route: 'health',
  methods: READ,
  authLevel: 'anonymous',
  handler: standardResponse(healthHandler),
};

/** One limiter per instance for the pages; see `RateLimiter` for why per instance is enough. */
const pageLimiter = new RateLimiter(PAGE_RATE);

/** The Web Chat page. `npm start` also serves it at `/`. */
export const chatRoute: RouteDefinition = {
  name: 'chat',
  route: 'chat',
  methods: READ,
  authLevel: 'anonymous',
  handler: standardResponse(rateLimited(chatPageHandler, pageLimiter)),
};

/** The Web Chat bundle, from the app itself; the version in the path makes it cacheable for a year. */
export const webChatAssetRoute: RouteDefinition = {
  name: 'webchatAsset',
  route: 'webchat/{version}/webchat.js',
  methods: READ,
  authLevel: 'anonymous',
  handler: standardResponse(webChatAssetHandler),
};

/** A Direct Line token for the page, exchanged server-side so that the secret never reaches the browser. */
export const directLineTokenRoute: RouteDefinition = {
  name: 'directlineToken',
  route: 'directline/token',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: standardResponse(directLineTokenHandler),
};

/** The lecture, which every answer's citation links into; `npm start` also serves it at `/lecture`. */
export const lectureRoute: RouteDefinition = {
  name: 'lecture',
  route: 'lecture',
  methods: READ,
  authLevel: 'anonymous',
  handler: standardResponse(rateLimited(lecturePageHandler, pageLimiter)),
};

/**
 * The teaching team's dashboard. Anonymous to the Functions host: in Azure, App Service
 * authentication signs staff in and the handler lets in only `STAFF_USER_IDS`; `npm start` also
 * serves it at `/staff/dashboard`.
 */
export const staffDashboardRoute: RouteDefinition = {
  name: 'staffDashboard',
  route: 'staff/dashboard',
  methods: READ,
  authLevel: 'anonymous',
  handler: standardResponse(rateLimited(staffDashboardHandler, pageLimiter)),
};

export const routes: readonly RouteDefinition[] = [messagesRoute, healthRoute, chatRoute, webChatAssetRoute, directLineTokenRoute, lectureRoute, staffDashboardRoute];
