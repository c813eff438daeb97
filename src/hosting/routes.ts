import type { HttpFunctionOptions, HttpMethod } from '@azure/functions';
import { healthHandler, messagesHandler } from './instance';

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

export const routes: readonly RouteDefinition[] = [messagesRoute, healthRoute];
