import type { Fact } from '../../knowledge/schema';
import type { Analysis } from '../Analyzer';
import type { MatchingOptions } from '../matchingOptions';
import type { Reading } from '../reading';

export type MatchKind = 'answer' | 'clarify' | 'fallback' | 'smalltalk';

/** One entry the question may be about, with the text of the entry that matched it best. */
export interface Candidate {
  id: string;
  score: number;
  matched: string;
}

/**
 * What to say before the entry's answer, when the question asked for something in particular:
 * the facts that answer "which needs the least effort" or "the advantage of X", or an honest
 * "the lecture does not say" with what it does say instead.
 */
/** A yes or no that the facts settle: "does IaaS need the least effort?" is a no, SaaS needing the least. */
export type Verdict = 'yes' | 'no';

export type Direct =
  /**
   * `chosen`: the entry the facts leave, where they rank the others ("apart from SaaS, which is the least work?").
   * `between`: the two the question asked to choose between, where the facts rank the answer, one of them.
   * `doing`: the duty that chose the two left, where the question wanted one ("lets me write my own code").
   * `askedOf`: with a verdict, the one part the question named, of which the yes or no was asked.
   * `single`: the one part the lecture ranks at the end a "which …?" asks for, where the question
   * asks for one, not for a list or for how things compare ("which of the family is the most …?").
   */
  | { kind: 'facts'; says: string[]; chosen?: string; between?: readonly string[]; verdict?: Verdict; doing?: string; askedOf?: string; single?: true }
  | {
      kind: 'not-stated';
      asked: { side: 'advantage' | 'disadvantage' } | { scale: string; rank: 'most' | 'least' };
      instead: string[];
      /** The question set aside the one the lecture ranks there ("apart from SaaS, …"): it does not say which of the others. */
      othersOnly?: true;
      /** The parts the question compares ("is a private cloud more work than a public one?"), where it mentions two or more. */
      compared?: readonly string[];
    }
  /** "A disadvantage of the public cloud?": `part` names none of its own, and the subject's list of that side, answered, is its too. */
  | { kind: 'subject-list'; part: string; side: 'advantage' | 'disadvantage' }
  /** "The biggest drawback": the lecture lists that side without ranking it; the overview lists them all. */
  | { kind: 'unranked'; side: 'advantage' | 'disadvantage' }
  /** "Which of these is not a benefit: …": the odd one out is not in `family`, the overview the question named. */
  | { kind: 'odd-one-out'; family: string }
  /**
   * "Is Outlook PaaS?": the thing described is the entry answered, which the question claimed to
   * be `claimed`; `named`: the thing is the entry's own title ("is SaaS a sort of IaaS?").
   */
  | { kind: 'claim'; claimed: string; named?: boolean }
  /** "Which does not mean buying your own computers?": without its "not", the question describes `described`, which the answer is not. */
  | { kind: 'not-the-one'; described: string; left?: readonly string[] }
  /**
   * "In SaaS do I write the code?": what the question believes happens within the answer, which the
   * lecture gives under `given`, another part of its family.
   */
  | { kind: 'elsewhere'; given: string }
  /**
   * "Which model does not make me write code?": the question rules out `ruledOut`, in which the
   * student does `duty`; `left`, where the answer is the family's overview, the parts it leaves.
   */
  | { kind: 'duties'; duty: string; ruledOut: readonly string[]; left?: readonly string[] }
  /**
   * "Which would you avoid if you cannot share infrastructure?": the answer is the one to avoid,
   * where the student does `duty`, which the question rules out; or, `wanted`, where they do not
   * do it and the question wants to, as they do in `others`. `others`, where a duty is ruled out:
   * the parts that only combine the answer with another, which do it too.
   */
  | { kind: 'avoided'; duty: string; wanted: boolean; others: readonly string[] }
  /** "Which would you avoid if you need full control?": what the question wants describes `kept`, the one not to avoid. */
  | { kind: 'wanted-kept'; kept: string }
  /** "Which is neither the cheapest nor the easiest?": the question rules out `ruledOut`, two parts of the answer's family. */
  | { kind: 'neither'; ruledOut: readonly [string, string] };

/** What the student does in a sub-topic ("write code"), as the analyser's terms: its siblings without it leave it to someone else. */
export interface Duty {
  readonly family: string;
  readonly part: string;
  readonly phrase: string;
  readonly terms: readonly string[];
}

/** What a rule decides: the kind of reply, the entry, and the candidates behind it. */
export interface Decision {
  kind: MatchKind;
  /** The entry answered (answer, smalltalk); null when the bot asks or declines. */
  id: string | null;
  /** The best candidate's score, 0 to 1. */
  confidence: number;
  /** The best candidates, best first: the "did you mean" options, and what gets recorded for authors. */
  candidates: Candidate[];
  direct?: Direct;
}

/** A question as the rules see it: read once, scored only if a rule asks for the ranking. */
export interface Question {
  readonly analysis: Analysis;
  readonly reading: Reading;
  /** The question's terms that the knowledge base uses, as term ids. */
  readonly terms: ReadonlySet<number>;
  /** Every entry the question reaches, best first (computed on first use). */
  readonly ranked: readonly Candidate[];
  /** `ranked` without smalltalk. */
  readonly topics: readonly Candidate[];
  /** The best smalltalk candidate, if any. */
  readonly chat: Candidate | undefined;
  /** Topics the question names in what it sets aside ("apart from SaaS, …"): left out of its answer, not out of its reading. */
  readonly setAside: readonly string[];
  /**
   * Whether the message says more than its reading keeps: a statement before the question ("IaaS
   * is clear, but what is PaaS?") or a clause set aside ("instead of waiting weeks, …").
   */
  readonly saysMore: boolean;
}

/**
 * What the rules may ask of the knowledge base, through the matcher's index: who names what,
 * which entry's vocabulary explains which words, and a part of the message matched on its own.
 */
export interface RuleKnowledge {
  /** A part of the message ("what is paas" after "hi"), matched as a message of its own. */
  matchPart(text: string): Decision;
  /**
   * The topic a part of the message is, matched as a message of its own, where the rules answer it
   * and the model's best is the same topic (or the model was not asked); none otherwise. For a
   * `fragment` (a thing, not a question), the model's best topic, after any "not the lecture's".
   */
  agreedPart(text: string, fragment?: boolean): Decision | undefined;
  /** The smalltalk entry a whole normalised message is, phrase for phrase. */
  smalltalkPhrase(normalised: string): string | undefined;
  /** The smalltalk entry one of whose phrasings says the same after synonyms: "you're brilliant" as "you are great". */
  smalltalkSaying(terms: readonly string[]): string | undefined;
  /** The smalltalk entry that questions about the bot itself get (`helps: true`), if any. */
  helpEntry(): string | undefined;
  /** Whether a message names the lecture itself and nothing else the analyser keeps: "what was the lecture about?", "summarise lecture 5". */
  asksAboutTheLecture(normalised: string, terms: readonly string[]): boolean;
  /** Whether a normalised text names the lecture itself by one of its one-word names ("lecture", "lesson"), whatever else it names. */
  namesTheLecture(normalised: string): boolean;
  /** Whether a normalised text names nothing but the lecture itself, or nothing at all: "on lecture 5", "for the exam". */
  namesOnlyTheLecture(normalised: string): boolean;
  /** A smalltalk phrase the message opens with, and the rest of the message. */
  smalltalkOpening(normalised: string): { id: string; rest: string; addressed: boolean } | undefined;
  /** The smalltalk phrase that ends the message, after something else: its entry, and what comes before it. */
  smalltalkClosing(normalised: string): { id: string; before: string } | undefined;
  /** The one entry that has, as a whole keyword, a function word of the message ("definition"). */
  framingKeyword(normalised: string): string | undefined;
  /** The topic a normalised message is word for word. */
  ownPhrasing(normalised: string): string | undefined;
  /** Whether every term of a text belongs to a topic's name the text gives whole: "paas", "hybrid cloud", not "good". */
  namesOnly(text: string): boolean;
  /** The topics a text names, when it is nothing but names (`namesOnly`); none otherwise. */
  namedBy(text: string): string[];
  /**
   * The one sub-topic a text is nothing but a name of, by a word of its title or names as spelt
   * there (misspelt as the analyser corrects it), not only one its synonyms lead to: "faut
   * tolerance" names fault tolerance, "safe" does not name security.
   */
  partNamedBy(text: string): string | undefined;
  /** The one family a text names whole, not by a part's name ("private cloud" names its family too): "a deployment model", "reasons against the cloud". */
  familyNamedBy(text: string): string | undefined;
  /** Whether a text has a word of the topic's title ("PaaS"), not only of another name ("the intermediate model"). */
  spellsTitle(id: string, text: string): boolean;
  /** The sibling sub-topics an entry is made of (`combines` in the knowledge base). */
  combines(id: string): readonly string[];
  /** Whether a phrasing of an entry asks a yes or no its answer says no to (`answeredNo` in the knowledge base). */
  answeredNo(id: string, phrasing: string): boolean;
  /** The terms of an entry's title, as term ids. */
  titleTerms(id: string): readonly number[];
  /** How many content terms a text has. */
  termCount(text: string): number;
  /** The ids of a text's terms that the knowledge base uses. */
  termIdsOf(text: string): number[];
  /** How many of a text's terms the knowledge base never uses: "school" in "neither public nor private school". */
  unknownCount(text: string): number;
  namesIt(id: string, terms: ReadonlySet<number>): boolean;
  /** The topics a text names whole, by title, abbreviation or `names`. */
  namesIn(text: string): string[];
  /** Of two topics a normalised text names, the one it names first: "what are elasticity and fault tolerance?" names elasticity first. */
  namedFirst(normalised: string, first: string, second: string): string;
  /** The topics the question names whole (title, abbreviation or `names`). */
  named(terms: ReadonlySet<number>): string[];
  /** The topics the question names by a name of two words or more ("service models", "public cloud"), not one common word. */
  namedInFull(terms: ReadonlySet<number>): string[];
  explained(id: string, terms: ReadonlySet<number>): number;
  explainsAll(options: readonly Candidate[], terms: ReadonlySet<number>): string | undefined;
  shareAnyTerm(first: string | undefined, second: string | undefined, terms: ReadonlySet<number>): boolean;
  withinFamily(options: readonly Candidate[], terms: ReadonlySet<number>, comparing: boolean): string | undefined;
  namedSiblings(id: string, terms: ReadonlySet<number>): string[];
  namedElsewhere(topId: string, terms: ReadonlySet<number>, topics: readonly Candidate[]): Candidate | undefined;
  facts(id: string): readonly Fact[];
  /** Whether a normalised text calls something one of a family, by the singular of one of its plural names: "the hybrid deployment model". */
  namesOneOf(family: string, normalised: string): boolean;
  /** Whether the subject's list of a side is the sub-topic's too, which names none of its own (`sharesList` in the knowledge base). */
  sharesList(id: string, side: 'advantage' | 'disadvantage'): boolean;
  /** Every sub-topic's duties (`duties` in the knowledge base), each as the analyser's terms, with its family. */
  duties(): readonly Duty[];
  /**
   * The duties a text's terms read in full, of those `kept`, each in its fullest words: "set up
   * the OS", not "set up" beside it.
   */
  dutiesIn(terms: ReadonlySet<string>, kept: (duty: Duty) => boolean): Duty[];
  /** A text's stemmed content terms, after typo correction and synonyms: what the matcher sees. */
  termsOf(text: string): string[];
  /** As `termsOf`, every term in the order said, repeats kept: whether a phrase's words come together. */
  termSequenceOf(text: string): string[];
  /** As `termsOf`, leaving out the words of a scale: "the least sharing of hardware" wants no sharing duty. */
  termsBesides(text: string, scale: string): string[];
  /** The sub-topics of an overview the question mentions: by name, or by one of their keyword phrases whole. */
  mentioned(family: string, terms: ReadonlySet<number>): string[];
  /** As `mentioned`, leaving out the words of a scale: "is cost a bigger problem than latency" mentions latency alone. */
  mentionedBesides(family: string, terms: ReadonlySet<number>, scale: string): string[];
  describesOnly(term: number): boolean;
  /** The term id of a negation ("not"), if the knowledge base uses it. */
  negationTerm(): number | undefined;
  /** Whether a topic's answer tells who invented, coined or founded something. */
  tellsOrigin(id: string): boolean;
  /** The overview that lists the advantages, or the disadvantages, of the lecture's subject (`lists`). */
  listing(side: 'advantage' | 'disadvantage'): string | undefined;
  /** The overview an entry belongs to, or undefined for an overview. */
  parentOf(id: string): string | undefined;
  childrenOf(id: string): readonly string[];
}

export interface RuleContext {
  readonly q: Question;
  readonly k: RuleKnowledge;
  readonly o: Readonly<MatchingOptions>;
}

/**
 * One decision rule: a small named function that decides, or passes (undefined) to the next rule
 * in `DECISION_RULES`. Its name is recorded with the match, so `ask --explain` and the tests can
 * say which rule answered.
 */
export type Rule = (ctx: RuleContext) => Decision | undefined;

/** A decision that needs no scoring: the entry, certainly. */
export function certain(kind: 'answer' | 'smalltalk', id: string, normalised: string): Decision {
  return { kind, id, confidence: 1, candidates: [{ id, score: 1, matched: normalised }] };
}

/** The candidates a reply shows and records: the best few. */
export function shortlist(ctx: RuleContext): Candidate[] {
  return ctx.q.ranked.slice(0, Math.max(ctx.o.maxClarifyOptions, 5));
}
