import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { MatcherIndex } from './Matcher';
import { DEFAULT_MATCHING_OPTIONS, type MatchingOptions } from './matchingOptions';
import { committedNeighbourTable } from './neighbourTable';

/**
 * The matcher's index as a file: `npm run package` writes it beside the compiled knowledge base,
 * and a new instance reads it instead of analysing every phrasing again. It names the knowledge
 * base and options it was built from, so an index that does not fit is refused, never used.
 */

/** Its name in the package's knowledge folder. */
export const MATCHER_INDEX_FILE = 'matcher-index.json';

/** Raised whenever `MatcherIndex` changes shape, so that an index from older code is refused. */
const FORMAT = 7;

/**
 * What the index was built from: the knowledge base's entries and synonyms, the options, and,
 * when the signal is on, which table of neighbours by meaning.
 */
export function indexFingerprint(kb: KnowledgeBase, options: Partial<MatchingOptions> = {}): string {
  const resolved = { ...DEFAULT_MATCHING_OPTIONS, ...options };
  const { neighbours, ...table } = resolved.neighbourSimilarity === null ? { neighbours: {} } : committedNeighbourTable();
  const inputs = { entries: kb.entries, synonyms: kb.synonyms, options: resolved, neighbours: { ...table, count: Object.keys(neighbours).length } };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/**
 * The file's first line: what the index on its second line is, and that line's SHA-256. The
 * index itself is checked by that hash, not by a schema: validating its 100 kB with zod took
 * 7 to 10 ms, a third of what restoring instead of building saves, and the hash proves more
 * (that it is, byte for byte, what `buildMatcherIndex` produced at build time).
 */
const HeaderSchema = z.object({ format: z.literal(FORMAT), fingerprint: z.string(), sha256: z.string() });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The file's text. */
export function serialiseMatcherIndex(index: MatcherIndex, fingerprint: string): string {
  const body = JSON.stringify(index);
  return `${JSON.stringify({ format: FORMAT, fingerprint, sha256: sha256(body) })}\n${body}\n`;
}

export type IndexFileResult = { ok: true; index: MatcherIndex } | { ok: false; reason: string };

/**
 * The index in a file's text, if it was built from the knowledge base and options whose
 * fingerprint is `fingerprint` and arrived intact; otherwise why not.
 */
export function parseMatcherIndex(text: string, fingerprint: string): IndexFileResult {
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1).trimEnd();
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, Math.max(0, newline)));
  } catch {
    return { ok: false, reason: 'not a matcher index: no header line' };
  }
  const parsed = HeaderSchema.safeParse(header);
  if (!parsed.success) return { ok: false, reason: `not a matcher index: ${z.prettifyError(parsed.error)}` };
  if (parsed.data.fingerprint !== fingerprint) return { ok: false, reason: 'built from another knowledge base or other matching options' };
  if (sha256(body) !== parsed.data.sha256) return { ok: false, reason: 'damaged: its content does not match its hash' };
  return { ok: true, index: JSON.parse(body) as MatcherIndex };
}
