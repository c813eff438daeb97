import Fuse from 'fuse.js';
import { normalise } from '../matching/normalise';

/** Which option of one question a typed reply names in words: its index, or undefined. */
export type OptionSearch = (said: string) => number | undefined;

/** How close a reply must come to an option, in Fuse's scores (0 is exact). */
const THRESHOLD = 0.35;
/** How far ahead of the runner-up the best option must be, so that a vague reply picks none. */
const MARGIN = 0.1;

/**
 * A question's option search, typos allowed: its Fuse index is built here, once, and the search
 * answers the best option only when it is close enough and clearly ahead of the next.
 * `said` is already normalised, as the options are here.
 */
export function fuseOptionSearch(options: readonly string[]): OptionSearch {
  const fuse = new Fuse(options.map(normalise), { includeScore: true, threshold: THRESHOLD, ignoreLocation: true });
  return (said) => {
    const [best, next] = fuse.search(said);
    if (!best) return undefined;
    const score = best.score ?? 1;
    return score < THRESHOLD && (!next || (next.score ?? 1) - score > MARGIN) ? best.refIndex : undefined;
  };
}
