import Fuse, { type FuseIndex } from 'fuse.js';
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
  /**
   * Words that were corrected to a known word, as `typed→known`, and words that stand for their
   * closest known word by meaning, as `typed≈known`.
   */
  corrections: string[];
  /**
   * The known words reached by correcting two slips in a word: guesses, where one slip is a typo
   * ("firewall" read as "farewell").
   */
  guessed: string[];
  /** Each term's share of its weight, by position in `terms`: 1, or the similarity of the neighbour it stands for. */
  termWeights: number[];
}

/**
 * fuse.js scores 0 (exact) to 1. This is loose on purpose, because its bitap search scores a
 * swap of two letters ("hybird") poorly; the edit-distance bound then decides.
 */
const TYPO_THRESHOLD = 0.5;
/** Words this short are too easy to "correct" into something else ("tax" → "taxi"). */
const MIN_TYPO_LENGTH = 4;
/** Digits as students type them, spelt as the knowledge base writes them: "the 3 models" are "the three models". */
const NUMBER_WORDS: readonly string[] = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** Corrections and stems are memoised per instance; the cap keeps a flood of random words from growing memory. */
const MEMO_SIZE = 5000;

/** A synonym rule: these words, in this order, mean the lecture's term. */
interface SynonymRule {
  variant: string[];
  term: string[];
}

/**
 * What an Analyzer is built from, as plain data: `npm run package` serialises it with the
 * matcher's index (matcherIndex.ts) so that a new instance skips building it.
 */
export interface AnalyzerIndex {
  /** Synonym rules by their first word, longest first. */
  synonyms: [string, SynonymRule[]][];
  /** Every surface word of the knowledge base, the synonym table and the stopwords. */
  known: string[];
  /** The words typos are corrected to, by first letter, with their fuse.js index. */
  vocabulary: { initial: string; words: string[]; fuse: ReturnType<FuseIndex<string>['toJSON']> }[];
  /** Unknown words with the known word each stands for and their similarity; empty when the signal is off. */
  neighbours: [string, string, number][];
}

/** Builds an Analyzer's index from the synonym table and the knowledge base's texts. */
export function buildAnalyzerIndex(
  groups: readonly SynonymGroup[],
  vocabularyTexts: Iterable<string>,
  neighbours: readonly (readonly [string, string, number])[] = [],
): AnalyzerIndex {
  const byFirstWord = new Map<string, SynonymRule[]>();
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
  const byInitial = new Map<string, string[]>();
  for (const word of known) {
    if (word.length < MIN_TYPO_LENGTH - 1 || /^\d+$/.test(word)) continue;
    const list = byInitial.get(word.charAt(0)) ?? [];
    list.push(word);
    byInitial.set(word.charAt(0), list);
  }
  return {
    synonyms: [...byFirstWord],
    known: [...known],
    vocabulary: [...byInitial].map(([initial, words]) => ({ initial, words, fuse: Fuse.createIndex([], words).toJSON() })),
    // A table built for an older knowledge base may name words it now uses, or no longer uses.
    neighbours: neighbours.filter(([word, target]) => !known.has(word) && known.has(target) && !STOPWORDS.has(target)).map(([word, target, similarity]) => [word, target, similarity]),
  };
}

/**
 * Normalises, corrects typos against the knowledge base's own vocabulary (fuse.js), rewrites
 * synonyms to the lecture's terms and stems. Built once per instance from the knowledge base,
 * or restored from an index made at build time.
 */
export class Analyzer {
  private readonly synonyms: ReadonlyMap<string, readonly SynonymRule[]>;
  private readonly known: ReadonlySet<string>;
  /** The vocabulary by first letter, so that a correction searches a few dozen words, not all of them. */
  private readonly vocabulary: ReadonlyMap<string, Fuse<string>>;
  /** Each word's correction, and whether it took two slips; null when it has none. */
  private readonly corrections = new Map<string, Correction | null>();
  private readonly stems = new Map<string, string>();
  /** An unknown word's closest known word by meaning, and their similarity. */
  private readonly neighbours: ReadonlyMap<string, readonly [string, number]>;

  constructor(index: AnalyzerIndex) {
    this.neighbours = new Map(index.neighbours.map(([word, target, similarity]) => [word, [target, similarity]]));
    this.synonyms = new Map(index.synonyms);
    this.known = new Set(index.known);
    this.vocabulary = new Map(
      index.vocabulary.map(({ initial, words, fuse }) => [
        initial,
        new Fuse(words, { includeScore: true, threshold: TYPO_THRESHOLD }, Fuse.parseIndex<string>(fuse)),
      ]),
    );
  }

  /** Analyses a student's question: typos are corrected. */
  analyse(text: string): Analysis {
    return this.run(text, true);
  }

  /** As `analyse`, every term in the order it is said, repeats kept: where each term stands in the text. */
  termSequence(text: string): string[] {
    const sequence: string[] = [];
    this.run(text, true, sequence);
    return sequence;
  }

  /** Analyses the knowledge base's own text: nothing to correct. */
  analyseKnown(text: string): Analysis {
    return this.run(text, false);
  }

  /**
   * A normalised text's words, stemmed, none set aside and nothing corrected or rewritten: what
   * the question model reads beside the terms (questionModel.ts).
   */
  words(normalised: string): string[] {
    return normalised === '' ? [] : normalised.split(' ').map((word) => this.stem(spelt(word)));
  }

  /** Whether a surface word occurs anywhere in the knowledge base or the synonym table. */
  isKnownWord(word: string): boolean {
    return this.known.has(word);
  }

  private run(text: string, correct: boolean, sequence?: string[]): Analysis {
    const normalised = normalise(text);
    const corrections: string[] = [];
    const guessed: string[] = [];
    const words = normalised === '' ? [] : normalised.split(' ');
    // Each word's share of its weight: a neighbour by meaning counts as much as it is similar.
    const shares = words.map(() => 1);
    const corrected = correct
      ? words.map((word, position) => {
          const correction = this.correct(word);
          const fixed = correction?.word ?? word;
          if (correction) corrections.push(`${word}→${fixed}`);
          if (correction?.twoSlips) guessed.push(fixed);
          const neighbour = fixed === word && !this.known.has(word) ? this.neighbours.get(word) : undefined;
          if (neighbour === undefined) return fixed;
          corrections.push(`${word}≈${neighbour[0]}`);
          shares[position] = neighbour[1];
          return neighbour[0];
        })
      : words;
    const terms = new Map<string, number>();
    const rewritten = this.applySynonyms({ words: corrected, shares });
    rewritten.words.forEach((word, position) => {
      // A number is a word like any other ("platform 10" is not PaaS), and "3" is "three".
      if (STOPWORDS.has(spelt(word))) return;
      const term = this.stem(spelt(word));
      sequence?.push(term);
      terms.set(term, Math.max(terms.get(term) ?? 0, rewritten.shares[position] ?? 1));
    });
    return { normalised, terms: [...terms.keys()], corrections, guessed, termWeights: [...terms.values()] };
  }

  /** Porter2 stemming was a fifth of the matcher's time; students reuse a small vocabulary. */
  private stem(word: string): string {
    let stemmed = this.stems.get(word);
    if (stemmed === undefined) {
      if (this.stems.size >= MEMO_SIZE) this.stems.clear();
      stemmed = stem(word);
      this.stems.set(word, stemmed);
    }
    return stemmed;
  }

  private correct(word: string): Correction | null {
    if (this.known.has(word) || word.length < MIN_TYPO_LENGTH || /\d/.test(word)) return null;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    // fuse.js finds the candidates; an edit-distance bound then rejects the loose ones it also
    // returns ("capital" is not a typo for "hospital", nor "prime" for "pricey").
    const swapped = swapsOf(word).find((candidate) => this.known.has(candidate) && plausibleFunctionWord(word, candidate));
    const best = swapped !== undefined ? { item: swapped } : this.candidates(word).find(
        (result) =>
          editDistanceWithin(word, result.item, maxEdits(word)) &&
          plausibleFunctionWord(word, result.item) &&
          plausibleShortSlip(word, result.item) &&
          !isDerivedWord(word, result.item) &&
          !hasExtraFirstLetter(word, result.item),
      );
    const fixed = best ? { word: best.item, twoSlips: !editDistanceWithin(word, best.item, 1) } : null;
    if (this.corrections.size >= MEMO_SIZE) this.corrections.clear();
    this.corrections.set(word, fixed);
    return fixed;
  }

  /**
   * Close words from fuse.js, best first. Slips rarely hit the first letter; when one does
   * ("calability"), the word's second letter is the vocabulary's first.
   */
  private candidates(word: string): { item: string; score?: number }[] {
    const initials = new Set([word.charAt(0), word.charAt(1)]);
    return [...initials]
      .flatMap((initial) => this.vocabulary.get(initial)?.search(word, { limit: 5 }) ?? [])
      .sort((a, b) => (a.score ?? 1) - (b.score ?? 1));
  }

  /** Rewrites variants to their terms, twice, so that one rewrite can complete another: "reasons to shift to the cloud" → "reasons to use …" → "benefits …". */
  private applySynonyms(text: Weighted): Weighted {
    return this.rewrite(this.rewrite(text));
  }

  /** A rewritten phrase weighs as little as the least certain of the words it replaces. */
  private rewrite({ words, shares }: Weighted): Weighted {
    const out: Weighted = { words: [], shares: [] };
    for (let i = 0; i < words.length; ) {
      const word = words[i] ?? '';
      const rule = this.synonyms.get(word)?.find(({ variant }) => variant.every((part, k) => words[i + k] === part));
      const length = rule ? rule.variant.length : 1;
      let share = shares[i] ?? 1;
      for (let k = 1; k < length; k++) share = Math.min(share, shares[i + k] ?? 1);
      for (const part of rule ? rule.term : [word]) {
        out.words.push(part);
        out.shares.push(share);
      }
      i += length;
    }
    return out;
  }
}

/** A word's correction, and whether it took two slips to reach. */
interface Correction {
  word: string;
  twoSlips: boolean;
}

/** Words in order, each with its share of its weight. */
interface Weighted {
  words: string[];
  shares: number[];
}

/** A small number in words, as the knowledge base writes it; any other word as it is. */
function spelt(word: string): string {
  return /^\d+$/.test(word) ? (NUMBER_WORDS[Number(word)] ?? word) : word;
}

/**
 * Short words are never "corrected" into function words: "form" is not a typo for "from", nor
 * "nine" for "mine". Long ones are ("defintion"); common slips of short ones are stopwords.
 */
function plausibleFunctionWord(word: string, target: string): boolean {
  return !STOPWORDS.has(target) || word.length >= 5;
}

/** Neighbouring keys on a QWERTY keyboard, row by row. */
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function neighbouringKeys(a: string, b: string): boolean {
  const at = (key: string) => {
    const row = KEYBOARD_ROWS.findIndex((keys) => keys.includes(key));
    return { row, column: row < 0 ? -9 : (KEYBOARD_ROWS[row] ?? '').indexOf(key) };
  };
  const [p, q] = [at(a), at(b)];
  return p.row >= 0 && q.row >= 0 && Math.abs(p.row - q.row) <= 1 && Math.abs(p.column - q.column) <= 1;
}

/**
 * A short word is corrected only for the slips people make: a missing letter ("clod"), a doubled
 * one, a neighbouring key ("sass"), or a letter spelt by ear ("clowd"). Any other one-letter change of a short word is usually
 * another word: "band" is not "bad", "made" is not "make", "prime" is not "price".
 */
function plausibleShortSlip(word: string, target: string): boolean {
  if (word.length >= 6 || word.length < target.length) return true;
  let first = 0;
  while (first < word.length && word[first] === target[first]) first += 1;
  if (word.length > target.length) return word[first] === word[first - 1] || word[first] === word[first + 1];
  return first === word.length || word.slice(first + 1) !== target.slice(first + 1) || neighbouringKeys(word[first] ?? '', target[first] ?? '') || soundsAlike(word[first] ?? '', target[first] ?? '');
}

/** Letters spelt by ear for each other: "clowd" for "cloud". Only these: a vowel for another makes another word ("bad", "bed"). */
function soundsAlike(a: string, b: string): boolean {
  return SOUNDS.some((group) => group.includes(a) && group.includes(b));
}
const SOUNDS = ['uw'];

/**
 * A known word with a letter in front is another word, not a slip: "breach" is not "reach".
 * Slips drop a first letter ("calability") far more often than they add one.
 */
function hasExtraFirstLetter(word: string, target: string): boolean {
  return word.length === target.length + 1 && word.slice(1) === target;
}

/**
 * A known stem plus one letter is another word, not a typo: "cloudy" is weather, not "clouds";
 * "user" is not "use". An "r" or "d" makes a word only after an "e" ("use", "user"): "disastr"
 * is "disaster" with a letter dropped.
 */
function isDerivedWord(word: string, target: string): boolean {
  const root = stem(target);
  if (word.length !== root.length + 1 || !word.startsWith(root) || word.endsWith('s')) return false;
  return !/[rd]$/.test(word) || root.endsWith('e');
}

/** The word with each pair of neighbouring letters swapped: bitap search scores these poorly. */
function swapsOf(word: string): string[] {
  const swaps: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) swaps.push(word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2));
  return swaps;
}

/** One slip in a short word, two in a long one: what a hurried student types. */
function maxEdits(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

/**
 * Whether `a` becomes `b` in at most `limit` insertions, deletions, substitutions or swaps of
 * neighbouring letters (optimal string alignment). A swap counts once: "waht", "hybird".
 */
export function editDistanceWithin(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return false;
    before = previous;
    previous = current;
  }
  return (previous[b.length] ?? Infinity) <= limit;
}
