import { createServer, type IncomingMessage, type Server } from 'node:http';

/** Listens on a free loopback port and returns the base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('server has no port');
  return `http://127.0.0.1:${address.port}`;
}

/** A loopback port that was free a moment ago, for servers that must be told their port up front. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  const url = await listen(probe);
  await close(probe);
  return Number(new URL(url).port);
}

export async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
}

export interface Received {
  method: string;
  path: string;
  body: unknown;
}

/**
 * A stand-in for a channel's connector (`serviceUrl`): accepts the activities a bot posts
 * and remembers them, as the Emulator and Bot Framework channels receive replies.
 */
export function fakeConnector(): { server: Server; received: Received[]; next: () => Promise<Received> } {
  const received: Received[] = [];
  const unread: Received[] = [];
  const waiting: ((entry: Received) => void)[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const entry: Received = { method: req.method ?? '', path: req.url ?? '', body: text ? JSON.parse(text) : undefined };
      received.push(entry);
      const waiter = waiting.shift();
      if (waiter) waiter(entry);
      else unread.push(entry);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  /** The next activity posted, waiting at most 5 s for it. */
  const next = () =>
    new Promise<Received>((resolve, reject) => {
      const first = unread.shift();
      if (first) { resolve(first); return; }
      const timer = setTimeout(() => { reject(new Error('no activity reached the connector within 5 s')); }, 5000);
      waiting.push((entry) => {
        clearTimeout(timer);
        resolve(entry);
      });
    });
  return { server, received, next };
}
