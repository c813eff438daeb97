import type { HttpResponseInit } from '@azure/functions';
import type { Response } from 'botbuilder';

/**
 * botbuilder's `CloudAdapter.process` writes to an Express-style response. This records what it
 * writes, status and body included, so that the Functions handler can return it: that is how
 * `expectReplies` activities and invoke responses reach the caller.
 */
export class ResponseRecorder implements Response {
  readonly socket = null;
  private statusCode = 200;
  private readonly headers: Record<string, string> = {};
  private body: unknown;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  header(name: string, value: unknown): this {
    this.headers[name.toLowerCase()] = String(value);
    return this;
  }

  send(body?: unknown): this {
    this.body = body;
    return this;
  }

  end(): this {
    return this;
  }

  /** What the adapter produced, as a Functions HTTP response. */
  toResponse(): HttpResponseInit {
    const { body } = this;
    if (body === undefined || body === null || body === '') return { status: this.statusCode, headers: this.headers };
    if (typeof body === 'string') return { status: this.statusCode, headers: this.headers, body };
    return { status: this.statusCode, headers: this.headers, jsonBody: body };
  }
}
