import type { HttpRequest } from '@azure/functions';
import { HttpError } from '../errors';
import { ActivitySchema } from './activitySchema';

/**
 * Reads and validates an activity from a request, or throws an `HttpError` saying what is
 * wrong with it: 413 too large, 415 not JSON, 400 unreadable or not an activity.
 */
export async function readActivity(request: HttpRequest, maxBodyBytes: number): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBodyBytes) throw tooLarge(maxBodyBytes);

  const contentType = request.headers.get('content-type');
  if (contentType && !/\bjson\b/i.test(contentType)) {
    throw new HttpError(415, 'Unsupported content type: send the activity as application/json.');
  }

  const text = await request.text();
  if (Buffer.byteLength(text) > maxBodyBytes) throw tooLarge(maxBodyBytes);

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  const parsed = ActivitySchema.safeParse(body);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    throw new HttpError(400, `The request body is not a valid activity: ${reasons.slice(0, 5).join('; ')}.`);
  }
  return parsed.data;
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `The request body is larger than the ${limit}-byte limit.`);
}
