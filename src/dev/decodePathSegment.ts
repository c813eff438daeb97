/**
 * A URL path segment with its percent-escapes decoded, or undefined when they are malformed
 * (`%ZZ`, or bytes that are not UTF-8): the caller's mistake, which the routes answer with 400.
 */
export function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}
