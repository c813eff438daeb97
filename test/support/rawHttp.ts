import { once } from 'node:events';
import { request } from 'node:http';
import { connect } from 'node:net';

/**
 * Sends `request` as it is written, bytes a `fetch` would refuse to send, and resolves with the
 * response's status line and headers once they arrive (at most 5 s), closing the connection.
 */
export function rawRequest(base: string, request: string): Promise<{ status: number; head: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let received = '';
    const timer = setTimeout(() => { finish(new Error('no response head within 5 s')); }, 5000);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) { reject(error); return; }
      const head = received.slice(0, received.indexOf('\r\n\r\n'));
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), head });
    };
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n')) finish();
    });
    socket.on('error', finish);
  });
}

/**
 * POSTs a chunked body of `chunkBytes`-byte chunks that never ends: it keeps sending, at most
 * `maxChunks` chunks, until the response comes, and then waits at most 5 s for one. Resolves with
 * the status (undefined when none came) and how many chunks were sent before it came.
 */
export async function endlessUpload(base: string, path: string, options: { chunkBytes: number; maxChunks: number }): Promise<{ status: number | undefined; chunksSent: number }> {
  const chunk = Buffer.alloc(options.chunkBytes, 'x');
  let status: number | undefined;
  let answered: () => void = () => undefined;
  const response = new Promise<void>((resolve) => (answered = resolve));
  const req = request(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
  req.on('response', (res) => {
    status = res.statusCode;
    res.resume();
    answered();
  });
  // The server closes the connection once it has answered: writes after that fail, as expected.
  req.on('error', () => { answered(); });
  let chunksSent = 0;
  for (; chunksSent < options.maxChunks && status === undefined; chunksSent++) {
    if (!req.write(chunk)) await Promise.race([once(req, 'drain'), response]);
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([response, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
  clearTimeout(timer);
  req.destroy();
  return { status, chunksSent };
}

/** Sends `request`, the start of a request, and closes the connection without waiting for an answer. */
export async function sendAndHangUp(base: string, request: string): Promise<void> {
  const { hostname, port } = new URL(base);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  await new Promise<void>((resolve) => socket.write(request, () => { resolve(); }));
  socket.destroy();
}
