import Fuse from 'fuse.js';
import stem from 'wink-porter2-stemmer';
import type { SynonymGroup } from '../knowledge/schema';
import { normalise, tokenise } from './normalise';
import { STOPWORDS } from './stopwords';

/** What the analyser made of one text. */
export interface Analysis {
  /** The normalised question: lower case, no punctuation, contractions expanded, filler removed. */
  normalised: string;
  /** Stemmed content terms after typo correction and synonyms, in order, without repeats. */
  terms: string[];
  /** Words that were corrected to a known word, as `typed→known`. */
  corrections: string[];
}

/** Typo tolerance: fuse.js scores 0 (exact) to 1; a word is corrected only when it is this close. */
const TYPO_THRESHOLD = 0.3;
/** Words this short are too easy to "correct" into something else ("tax" → "taxi"). */
const MIN_TYPO_LENGTH = 4;
/** Corrections are memoised per instance; the cap keeps a flood of random words from growing memory. */
const CORRECTION_CACHE_SIZE = 5000;

/**
 * Normalises, corrects typos against the knowledge base's own vocabulary (fuse.js), rewrites
 * synonyms to the lecture's terms and stems. Built once per instance from the knowledge base.
 */
export class Analyzer {
  private readonly synonyms: ReadonlyMap<string, readonly { variant: string[]; term: string[] }[]>;
  private readonly known: ReadonlySet<string>;
  private readonly vocabulary: Fuse<string>;
  private readonly corrections = new Map<string, string | null>();

  constructor(groups: readonly SynonymGroup[], vocabularyTexts: Iterable<string>) {
    const byFirstWord = new Map<string, { variant: string[]; term: string[] }[]>();
    const known = new Set<string>(STOPWORDS);
    for (const group of groups) {
      const term = tokenise(group.term);
      term.forEach((word) => known.add(word));
      for (const variantText of group.variants) {
        const variant = tokenise(variantText);
        const first = variant[0];
        if (first === undefined) continue;
        variant.forEach((word) => known.add(word));
        const list = byFirstWord.get(first) ?? [];
        list.push({ variant, term });
        byFirstWord.set(first, list);
      }
    }
    // Longest variants first, so "disaster recovery" wins over "disaster".
    for (const list of byFirstWord.values()) list.sort((a, b) => b.variant.length - a.variant.length);
    for (const text of vocabularyTexts) normalise(text).split(' ').forEach((word) => word && known.add(word));
    this.synonyms = byFirstWord;
    this.known = known;
    this.vocabulary = new Fuse(
      [...known].filter((word) => word.length >= MIN_TYPO_LENGTH - 1 && !/^\d+$/.test(word)),
      { includeScore: true, threshold: TYPO_THRESHOLD, isCaseSensitive: false },
    );
  }

  /** Analyses a student's question: typos are corrected. */
  analyse(text: string): Analysis {
    return this.run(text, true);
  }

  /** Analyses the knowledge base's own text: nothing to correct. */
  analyseKnown(text: string): Analysis {
    return this.run(text, false);
  }

  /** Whether a surface word occurs anywhere in the knowledge base or the synonym table. */
  isKnownWord(word: string): boolean {
    return this.known.has(word);
  }

  private run(text: string, correct: boolean): Analysis {
    const normalised = normalise(text);
    const corrections: string[] = [];
    const words = normalised === '' ? [] : normalised.split(' ');
    const corrected = correct
      ? words.map((word) => {
          const fixed = this.correct(word);
          if (fixed !== word) corrections.push(`${word}→${fixed}`);
          return fixed;
        })
      : words;
    const terms = new Set<string>();
    for (const word of this.applySynonyms(corrected)) {
      if (!STOPWORDS.has(word)) terms.add(stem(word));
    }
    return { normalised, terms: [...terms], corrections };
  }

  private correct(word: string): string {
    if (this.known.has(word) || word.length < MIN_TYPO_LENGTH || /\d/.test(word)) return word;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached ?? word;
    const best = this.vocabulary
      .search(word, { limit: 3 })
      // A correction must be about as long as the word: fuse.js alone would match "cloudiness" to "cloud".
      .find((result) => Math.abs(result.item.length - word.length) <= 2);
    const fixed = best ? best.item : null;
    if (this.corrections.size >= CORRECTION_CACHE_SIZE) this.corrections.clear();
    this.corrections.set(word, fixed);
    return fixed ?? word;
  }

  private applySynonyms(words: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const word = words[i] ?? '';
      const rule = this.synonyms.get(word)?.find(({ variant }) => variant.every((part, k) => words[i + k] === part));
      if (rule) {
        out.push(...rule.term);
        i += rule.variant.length;
      } else {
        out.push(word);
        i += 1;
      }
    }
    return out;
  }
}
