import type { HttpRequest, HttpRequestParams } from '@azure/functions';

export interface LocalRequestInit {
  method: string;
  url: string;
  headers: Record<string, string>;
  params?: HttpRequestParams;
  /** The body as it arrived; empty for none. */
  body?: Uint8Array;
}

/**
 * The request the local server hands to a function: what `@azure/functions`' `HttpRequest` gives
 * a handler, with the body kept as the bytes it arrived as.
 *
 * `HttpRequest` wraps a body in a web stream (through undici's `Request`) that every read then
 * drains. Under `npm run bench:load` on Node 20, making and draining that stream cost a fifth of
 * a turn's CPU, and p99 latency rose with it. Reading the bytes directly keeps what a handler sees:
 * a body can be read once (`bodyUsed`), a second read rejects as `fetch` does, and `body` and
 * `formData` still work, made from the bytes when asked for. `test/dev/localRequest.test.ts`
 * holds both to the same expectations. Azure's Functions worker builds its own `HttpRequest`, so
 * this is the local host's saving only.
 */
export class LocalRequest implements HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly query: URLSearchParams;
  readonly params: HttpRequestParams;
  /**
   * The library reads this from the `x-ms-client-principal` header that App Service
   * authentication sets in Azure. Nothing authenticates a local caller, who could send that
   * header themselves, so here there is no user.
   */
  readonly user = null;
  readonly #init: LocalRequestInit;
  readonly #bytes: Uint8Array | undefined;
  #used = false;
  #stream: ReadableStream<Uint8Array> | undefined;

  constructor(init: LocalRequestInit) {
    this.#init = init;
    // As `Request` normalises them: "post" is POST, and the URL is parsed and serialised.
    this.method = FETCH_METHODS.has(init.method.toUpperCase()) ? init.method.toUpperCase() : init.method;
    this.url = new URL(init.url).href;
    this.headers = new Headers(init.headers);
    this.query = new URL(this.url).searchParams;
    this.params = init.params ?? {};
    this.#bytes = init.body !== undefined && init.body.length > 0 && !NO_BODY.has(this.method) ? init.body : undefined;
  }

  /** The body as a stream, made when first asked for; reading it, not asking for it, uses the body. */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.#bytes === undefined) return null;
    this.#stream ??= new ReadableStream<Uint8Array>({
      pull: (controller) => {
        try {
          controller.enqueue(this.#take());
          controller.close();
        } catch (error) {
          controller.error(error);
        }
      },
    });
    return this.#stream;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return settle(() => copy(this.#take()));
  }

  blob(): Promise<Blob> {
    return settle(() => new Blob([this.#take()], { type: this.headers.get('content-type') ?? '' }));
  }

  async formData(): Promise<FormData> {
    const bytes = await settle(() => this.#take());
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- HttpRequest has formData, so this must too; no handler of ours calls it.
    return new Response(bytes, { headers: this.headers }).formData();
  }

  json(): Promise<unknown> {
    return settle(() => JSON.parse(decoder.decode(this.#take())) as unknown);
  }

  text(): Promise<string> {
    return settle(() => decoder.decode(this.#take()));
  }

  clone(): LocalRequest {
    if (this.#used) throw new TypeError('Request.clone: Body has already been consumed.');
    return new LocalRequest(this.#init);
  }

  /** The bytes, once; a request with no body reads as empty as often as asked, as `Request` does. */
  #take(): Uint8Array {
    if (this.#bytes === undefined) return EMPTY;
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes;
  }
}

/**
 * A `LocalRequest` as the `HttpRequest` a handler is typed to take. It is not made by that
 * class's constructor, which only an `instanceof HttpRequest` check could tell: the local server
 * calls our own handlers, and none of them makes such a check.
 */
export function localRequest(init: LocalRequestInit): HttpRequest {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- see above.
  return new LocalRequest(init);
}

const NO_BODY = new Set(['GET', 'HEAD']);
/** The methods `Request` upper-cases whatever their case; any other keeps the case it was sent in. */
const FETCH_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const EMPTY = new Uint8Array(0);
const decoder = new TextDecoder();

/** A read's result as a promise, and its error as a rejection, as `Request`'s body methods give them. */
function settle<T>(read: () => T): Promise<T> {
  try {
    return Promise.resolve(read());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function copy(bytes: Uint8Array): ArrayBuffer {
  const buffer = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return buffer;
}
