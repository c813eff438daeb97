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
