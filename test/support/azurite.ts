import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './servers';

/** Azurite's documented development account; it is public and only ever used on loopback. */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteInstance {
  connectionString: string;
  /** Stops the emulator; with `persistent`, its data stays for `restart`. */
  stop(): Promise<void>;
  /** Starts it again on the same ports. */
  restart(): Promise<void>;
  /** Stops it and removes its data. */
  dispose(): Promise<void>;
}

export interface AzuriteOptions {
  /** Keep data on disk across `restart` (a temporary folder); otherwise in memory only. */
  persistent?: boolean;
}

async function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(200, () => { done(false); });
    socket.once('error', () => { done(false); });
    socket.connect(port, '127.0.0.1', () => { done(true); });
  });
}

/** Waits, at most `attempts` × 100 ms, until every port accepts connections: Azurite has taken over 10 s to start on a busy 2-core machine. */
async function waitFor(ports: number[], attempts = 300): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const ready = await Promise.all(ports.map(accepting));
    if (ready.every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Azurite did not start on ports ${ports.join(', ')}`);
}

/**
 * Starts Azurite (Blob and Table) on free loopback ports. `--skipApiVersionCheck` because newer
 * storage SDKs send API versions Azurite rejects, `--disableTelemetry` because it would call out.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteInstance> {
  const [blobPort, queuePort, tablePort] = [await freePort(), await freePort(), await freePort()];
  const location = mkdtempSync(join(tmpdir(), 'cloudbot-azurite-'));
  const bin = join(__dirname, '../../node_modules/.bin/azurite');
  const args = [
    '--silent', '--skipApiVersionCheck', '--disableTelemetry', '--loose',
    '--blobHost', '127.0.0.1', '--blobPort', String(blobPort),
    '--queueHost', '127.0.0.1', '--queuePort', String(queuePort),
    '--tableHost', '127.0.0.1', '--tablePort', String(tablePort),
    // Azurite refuses a location with in-memory persistence; the folder still takes its debug files.
    ...(options.persistent === true ? ['--location', location] : ['--inMemoryPersistence']),
  ];
  // Held in an object: the closures below replace it, which a plain `let` hides from the type checker.
  const current: { child?: ChildProcess } = {};

  const start = async () => {
    current.child = spawn(bin, args, { stdio: 'ignore', cwd: location });
    await waitFor([blobPort, tablePort]);
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const running = current.child;
    current.child = undefined;
    if (running?.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<'exited'>((resolve) => running.once('exit', () => { resolve('exited'); }));
    running.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => { resolve('late'); }, 5000)));
    const outcome = await Promise.race([exited, late]);
    clearTimeout(timer);
    if (outcome === 'late') running.kill('SIGKILL');
  };
  await start();
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};` +
      `BlobEndpoint=http://127.0.0.1:${String(blobPort)}/${ACCOUNT};` +
      `TableEndpoint=http://127.0.0.1:${String(tablePort)}/${ACCOUNT};`,
    stop: () => stop(),
    restart: start,
    async dispose() {
      // Nothing is kept, so there is nothing to shut down gracefully for.
      await stop('SIGKILL');
      rmSync(location, { recursive: true, force: true });
    },
  };
}

/** The Azurite that Jest's global setup started for this run. */
export function sharedAzurite(): string {
  const connection = process.env.AZURITE_CONNECTION_STRING;
  if (connection === undefined) throw new Error('Azurite was not started by the global setup');
  return connection;
}

/**
 * A connection string for a storage account on a loopback port nothing listens on: every call is
 * refused at once, as with storage down.
 */
export async function unreachableStorage(): Promise<string> {
  const port = await freePort();
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${String(port)}/${ACCOUNT};TableEndpoint=http://127.0.0.1:${String(port)}/${ACCOUNT};`;
}
