import { HttpRequest, InvocationContext } from '@azure/functions';
import { logText } from './logger';

/** A minimal valid message activity, as the Emulator sends it. */
export function messageActivity(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: 'activity-1',
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: 'student', name: 'Student' },
    recipient: { id: 'bot', name: 'CloudBot' },
    conversation: { id: 'conversation-1' },
    text,
    ...extra,
  };
}

/** A message that asks for its replies in the HTTP response instead of posting them to a connector. */
export function expectRepliesActivity(text: string): Record<string, unknown> {
  return messageActivity(text, { deliveryMode: 'expectReplies' });
}

/** A real `HttpRequest`, as the Functions host builds it. */
export function postRequest(body: string | Record<string, unknown>, headers: Record<string, string> = {}): HttpRequest {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new HttpRequest({
    method: 'POST',
    url: 'http://localhost/api/messages',
    headers: { 'content-type': 'application/json', ...headers },
    body: { string: text },
  });
}

/** A real `InvocationContext` whose logs are kept for assertions, errors with their stack and cause. */
export function invocation(): { context: InvocationContext; logs: string[] } {
  const logs: string[] = [];
  const context = new InvocationContext({
    functionName: 'messages',
    invocationId: 'test-invocation',
    logHandler: (level, ...args) => logs.push(`${level}: ${logText(args)}`),
  });
  return { context, logs };
}
