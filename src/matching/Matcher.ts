import type { Entry, KnowledgeBase } from '../knowledge/KnowledgeBase';
import { isTopic } from '../knowledge/KnowledgeBase';
import { Analyzer } from './Analyzer';
import { DEFAULT_MATCHING_OPTIONS, type MatchingOptions } from './matchingOptions';

export type MatchKind = 'answer' | 'clarify' | 'fallback' | 'smalltalk';

/** One entry the question may be about, with the text of the entry that matched it best. */
export interface Candidate {
  id: string;
  score: number;
  matched: string;
}

export interface MatchResult {
  kind: MatchKind;
  /** The entry answered (answer, smalltalk); null when the bot asks or declines. */
  id: string | null;
  /** The best candidate's score, 0 to 1. */
  confidence: number;
  /** The best candidates, best first: the "did you mean" options, and what gets recorded for authors. */
  candidates: Candidate[];
  normalised: string;
  /** Why: the terms the question was reduced to, corrections made, and words the lecture never uses. */
  explanation: { terms: string[]; corrections: string[]; unknown: string[] };
}

interface Doc {
  entry: number;
  text: string;
  terms: number[];
  norm: number;
  weight: number;
}

/**
 * Finds the knowledge entry a question is about. Each entry's alternates, title and keywords
 * are indexed as short documents of stemmed terms weighted by how few entries use them (idf).
 * A question scores against an entry by the cosine with its closest document, and words the
 * lecture never uses count against it: that is what makes "how much is a taxi to the airport"
 * fall back even though "taxi" is in the lecture.
 *
 * Build once per instance; `match` is pure and allocation-light.
 */
export class Matcher {
  private readonly analyzer: Analyzer;
  private readonly entries: readonly Entry[];
  private readonly termIds = new Map<string, number>();
  private readonly idf: number[] = [];
  private readonly unknownIdf: number;
  private readonly docs: Doc[] = [];
  private readonly postings: number[][] = [];
  private readonly options: Readonly<MatchingOptions>;

  constructor(kb: KnowledgeBase, options: Partial<MatchingOptions> = {}) {
    this.options = Object.freeze({ ...DEFAULT_MATCHING_OPTIONS, ...options });
    this.entries = kb.entries;
    this.analyzer = new Analyzer(kb.synonyms, this.entries.flatMap(fieldsOf).map(({ text }) => text));

    const entriesWithTerm: Set<number>[] = [];
    const pending: { entry: number; text: string; terms: number[]; weight: number }[] = [];
    this.entries.forEach((entry, entryIndex) => {
      for (const { text, weight } of fieldsOf(entry)) {
        const terms = this.analyzer.analyseKnown(text).terms.map((term) => this.termId(term));
        if (terms.length === 0) continue;
        for (const term of terms) (entriesWithTerm[term] ??= new Set()).add(entryIndex);
        pending.push({ entry: entryIndex, text, terms, weight: weight === 'keyword' ? this.options.keywordWeight : 1 });
      }
    });

    const n = this.entries.length;
    entriesWithTerm.forEach((set, term) => (this.idf[term] = Math.log(1 + n / set.size)));
    // A word the lecture never uses is as telling as the rarest word it does use.
    this.unknownIdf = Math.log(1 + n);
    for (const doc of pending) {
      const norm = Math.sqrt(doc.terms.reduce((sum, term) => sum + (this.idf[term] ?? 0) ** 2, 0));
      const index = this.docs.push({ ...doc, norm }) - 1;
      for (const term of doc.terms) (this.postings[term] ??= []).push(index);
    }
  }

  /** Whether the id names an entry this matcher knows. */
  has(id: string): boolean {
    return this.entries.some((entry) => entry.id === id);
  }

  /** Scores a question against every entry and decides: answer, clarify, smalltalk or fallback. */
  match(question: string): MatchResult {
    const analysis = this.analyzer.analyse(question);
    const known: { term: number; weight: number }[] = [];
    const unknown: string[] = [];
    let queryNormSq = 0;
    for (const term of analysis.terms) {
      const id = this.termIds.get(term);
      const weight = id === undefined ? this.unknownIdf : (this.idf[id] ?? 0);
      queryNormSq += weight * weight;
      if (id === undefined) unknown.push(term);
      else known.push({ term: id, weight });
    }
    const explanation = { terms: analysis.terms, corrections: analysis.corrections, unknown };
    const ranked = known.length === 0 ? [] : this.rank(known, Math.sqrt(queryNormSq));
    return { ...this.decide(ranked), normalised: analysis.normalised, explanation };
  }

  private rank(query: readonly { term: number; weight: number }[], queryNorm: number): Candidate[] {
    const dots = new Map<number, number>();
    for (const { term, weight } of query) {
      for (const doc of this.postings[term] ?? []) dots.set(doc, (dots.get(doc) ?? 0) + weight * weight);
    }
    const best = new Map<number, { score: number; text: string }>();
    for (const [docIndex, dot] of dots) {
      const doc = this.docs[docIndex];
      if (!doc) continue;
      const score = (doc.weight * dot) / (queryNorm * doc.norm);
      const current = best.get(doc.entry);
      if (!current || score > current.score) best.set(doc.entry, { score, text: doc.text });
    }
    return [...best]
      .map(([entry, { score, text }]) => ({ id: this.entries[entry]?.id ?? '', score: round(score), matched: text }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  private decide(ranked: Candidate[]): Omit<MatchResult, 'normalised' | 'explanation'> {
    const o = this.options;
    const candidates = ranked.slice(0, Math.max(o.maxClarifyOptions, 5));
    const topics = ranked.filter((candidate) => !candidate.id.startsWith('smalltalk.'));
    const chat = ranked.find((candidate) => candidate.id.startsWith('smalltalk.'));
    const top = topics[0];
    const second = topics[1];

    // A lecture question that opens with "hi" is still a lecture question.
    if (chat && chat.score >= o.smalltalkThreshold && (!top || top.score < o.clarifyThreshold)) {
      return { kind: 'smalltalk', id: chat.id, confidence: chat.score, candidates };
    }
    if (!top || top.score < o.clarifyThreshold) {
      return { kind: 'fallback', id: null, confidence: top?.score ?? chat?.score ?? 0, candidates };
    }
    const clear = !second || top.score - second.score >= o.margin;
    if (top.score >= o.answerThreshold && clear) {
      return { kind: 'answer', id: top.id, confidence: top.score, candidates };
    }
    const options = topics
      .filter((candidate) => candidate.score >= o.clarifyThreshold && top.score - candidate.score < o.margin * 2)
      .slice(0, o.maxClarifyOptions);
    if (options.length === 1 && top.score >= o.answerThreshold) {
      return { kind: 'answer', id: top.id, confidence: top.score, candidates };
    }
    return { kind: 'clarify', id: null, confidence: top.score, candidates: options };
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(term, id);
    }
    return id;
  }
}

/** The texts an entry is found by. Answers are left out: they are long and share every topic's words. */
function fieldsOf(entry: Entry): { text: string; weight: 'alternate' | 'keyword' }[] {
  const fields: { text: string; weight: 'alternate' | 'keyword' }[] = [
    { text: entry.title, weight: 'alternate' },
    ...entry.alternates.map((text) => ({ text, weight: 'alternate' as const })),
  ];
  if (isTopic(entry)) fields.push(...entry.keywords.map((text) => ({ text, weight: 'keyword' as const })));
  return fields;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
