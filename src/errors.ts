/**
 * Error types shared across layers. Each expected failure has its own class so that the
 * hosting layer can map it to a status code without string matching.
 */

/** Configuration is missing or invalid. The message names every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** A knowledge file failed validation. The message names the file, the entry and the field. */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';
}

/** A request the client can fix; `status` is the 4xx code to answer with. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Turns anything thrown into an `Error`, so that callers can always log `.message` and `.stack`. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'string') return new Error(thrown);
  try {
    return new Error(JSON.stringify(thrown));
  } catch {
    return new Error(String(thrown));
  }
}
