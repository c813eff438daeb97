import type { HttpRequest } from '@azure/functions';
import { HttpError } from '../errors';
import { ActivitySchema } from './activitySchema';

/**
 * Real activities nest a dozen levels or so (an Adaptive Card's inputs in `value`). The SDK copies
 * `from`, `recipient` and `conversation`, with whatever they hold, into every reply, and
 * `JSON.stringify` overflows the stack a few thousand levels down: a deeper body would fail as a
 * 500 when the host writes the response, so it is refused here.
 */
const MAX_DEPTH = 64;

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
  if (nestedDeeperThan(body, MAX_DEPTH)) {
    throw new HttpError(400, `The request body is nested more than ${MAX_DEPTH} levels deep.`);
  }
  const parsed = ActivitySchema.safeParse(body);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    throw new HttpError(400, `The request body is not a valid activity: ${reasons.slice(0, 5).join('; ')}.`);
  }
  return parsed.data;
}

/** Walks the value without recursion: a recursive walk would overflow on the very bodies it looks for. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= limit) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `The request body is larger than the ${limit}-byte limit.`);
}
