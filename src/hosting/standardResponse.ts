import { type HttpHandler, HttpResponse, type HttpResponseInit } from '@azure/functions';

/**
 * What every function's response follows, whatever the handler wrote:
 * - `x-content-type-options: nosniff`, so that no browser runs a JSON or text answer as anything
 *   else;
 * - a HEAD request is answered as GET is, same status and headers, without the body;
 * - a JSON or text body says so in `content-type`, the same under the Functions host and locally.
 */
export function standardResponse(handler: HttpHandler): HttpHandler {
  return async (request, context) => {
    const response = await handler(request, context);
    const head = request.method === 'HEAD';
    if (response instanceof HttpResponse) {
      // Not one of ours (they answer with plain objects), but a handler may: its body may be a stream, so its length is not known.
      response.headers.set('x-content-type-options', 'nosniff');
      return head ? new HttpResponse({ status: response.status, headers: response.headers }) : response;
    }
    const headers = new Headers(response.headers);
    headers.set('x-content-type-options', 'nosniff');
    if (!headers.has('content-type')) {
      if (response.jsonBody !== undefined) headers.set('content-type', 'application/json; charset=utf-8');
      else if (typeof response.body === 'string') headers.set('content-type', 'text/plain; charset=utf-8');
    }
    if (!head) return { ...response, headers: Object.fromEntries(headers) };
    const length = bodyLength(response);
    if (length !== undefined) headers.set('content-length', String(length));
    const bodiless: HttpResponseInit = { status: response.status ?? 200, headers: Object.fromEntries(headers) };
    return response.cookies ? { ...bodiless, cookies: response.cookies } : bodiless;
  };
}

/** The bytes the body would be sent as, for the bodies our handlers write: JSON, text and bytes. */
function bodyLength(response: HttpResponseInit): number | undefined {
  if (response.jsonBody !== undefined) return Buffer.byteLength(JSON.stringify(response.jsonBody));
  if (typeof response.body === 'string') return Buffer.byteLength(response.body);
  if (response.body instanceof Uint8Array) return response.body.byteLength;
  return undefined;
}
