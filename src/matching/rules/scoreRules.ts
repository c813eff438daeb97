import { areSiblings } from '../../knowledge/KnowledgeBase';
import { joinsTwo, setsAside } from '../asking';
import { type Decision, type Rule, shortlist } from './types';

/** Rules that decide on the scores: answer the best entry, ask between close ones, or decline. */

/** "help me" is help, not disaster help: smalltalk wins when it matches at least as well as the best topic. */
export const smalltalkOverTopics: Rule = (ctx) => {
  const { chat, topics } = ctx.q;
  const top = topics[0];
  if (!chat || chat.score < ctx.o.smalltalkThreshold) return undefined;
  if (top && top.score >= ctx.o.clarifyThreshold && chat.score <= top.score) return undefined;
  // Smalltalk is answered for certain, never second-guessed: not on a guess at a word that took
  // two slips to reach ("what is a firewall?" is no "farewell").
  const guessed = new Set(ctx.q.analysis.guessed);
  if (guessed.size > 0 && chat.matched.toLowerCase().split(/\W+/).some((word) => guessed.has(word))) return undefined;
  // A topic of a family named whole is what is asked, unless a whole smalltalk phrase opens or
  // closes the message ("the bike, thanks"): "I see, what is the bike?" has only the "see" of "see
  // you". Not the lecture's subject, which most messages name ("help with cloud stuff?").
  const { normalised } = ctx.q.analysis;
  const phrased = ctx.k.smalltalkOpening(normalised) !== undefined || ctx.k.smalltalkClosing(normalised) !== undefined;
  if (!phrased && ctx.k.named(ctx.q.terms).some((id) => ctx.k.parentOf(id) !== undefined || ctx.k.childrenOf(id).length > 0)) return undefined;
  return { kind: 'smalltalk', id: chat.id, confidence: chat.score, candidates: shortlist(ctx) };
};

/**
 * A question whose only lecture words are ones situations use to describe ("office",
 * "weekend"), and nothing else of the knowledge base: words that only describe situations name no topic, so a
 * question made only of them is declined, with the best entries offered.
 */
export const onlyDescriptiveWords: Rule = (ctx) => {
  if ([...ctx.q.terms].some((term) => !ctx.k.describesOnly(term))) return undefined;
  return { kind: 'fallback', id: null, confidence: ctx.q.topics[0]?.score ?? 0, candidates: shortlist(ctx) };
};

/**
 * "I've read the notes three times and still don't get the difference between the three service
 * models, can you break it down": a long message that names one topic in full (by a name of two
 * words or more, not a common word such as "cost") and no other is about that topic, when the
 * topic is among the best few and scores at least `longQuestionFloor`, though the many other
 * words keep every score low. A sub-topic named counts, not the overview its name also names.
 */
export const namedSubjectOfLongQuestion: Rule = (ctx) => {
  if (ctx.q.analysis.terms.length < ctx.o.longQuestionTerms) return undefined;
  const named = ctx.k.namedInFull(ctx.q.terms);
  const specific = named.filter((id) => !named.some((other) => ctx.k.parentOf(other) === id));
  const [subject] = specific;
  if (subject === undefined || specific.length > 1) return undefined;
  const candidate = ctx.q.topics.slice(0, ctx.o.maxClarifyOptions).find((option) => option.id === subject);
  if (candidate === undefined || candidate.score < ctx.o.longQuestionFloor) return undefined;
  // The rule is for scores that the many words keep low and close. A strong, clear best of
  // another family ("we just deploy code … which model": PaaS) is what the question describes;
  // the name's words were met apart ("deploy", "model").
  const [top] = ctx.q.topics;
  const elsewhere = top !== undefined && top.id !== subject && ctx.k.parentOf(top.id) !== subject;
  if (elsewhere && top.score >= ctx.o.answerThreshold && isClear(ctx)) return undefined;
  return { kind: 'answer', id: subject, confidence: candidate.score, candidates: shortlist(ctx) };
};

/** A question nothing fits well enough to offer ("how do I bake bread") is declined. */
export const tooWeak: Rule = (ctx) => {
  const top = ctx.q.topics[0];
  if (top && top.score >= ctx.o.clarifyThreshold) return undefined;
  return { kind: 'fallback', id: null, confidence: top?.score ?? ctx.q.chat?.score ?? 0, candidates: shortlist(ctx) };
};

/**
 * One id named is the answer, two are a choice; none leaves the best entry as the answer. Two
 * asked about together ("explain X and Y", `asksBoth`) are the one named first, which the
 * answerer gives with the other beside it.
 */
function answerOrAsk(ctx: Parameters<Rule>[0], named: readonly string[], score: number, candidates: Decision['candidates'], fallbackId?: string): Decision {
  const [first, second] = named;
  if (first !== undefined && second !== undefined && named.length === 2) {
    if (asksBoth(ctx, first, second)) return { kind: 'answer', id: ctx.k.namedFirst(ctx.q.analysis.normalised, first, second), confidence: score, candidates };
    return { kind: 'clarify', id: null, confidence: score, candidates: named.map((id) => ({ id, score, matched: '' })) };
  }
  return { kind: 'answer', id: first ?? fallbackId ?? null, confidence: score, candidates };
}

/**
 * A question that names two topics whole (not one by a keyword: "timetable and car" may be asking
 * which has the timetable) and asks about them together, compared or joined by "and", rather than
 * to choose one of them or rank them.
 */
function asksBoth(ctx: Parameters<Rule>[0], first: string, second: string): boolean {
  if (!asksTogether(ctx)) return false;
  const named = ctx.k.namesIn(ctx.q.analysis.normalised);
  return named.includes(first) && named.includes(second);
}

/** Compared or joined by "and", not a choice between things or a ranking of them. */
function asksTogether(ctx: Parameters<Rule>[0]): boolean {
  const { reading, analysis } = ctx.q;
  return (reading.comparing || joinsTwo(analysis.normalised)) && !reading.choosing && reading.comparison === undefined;
}

/** Whether the best topic beats the runner-up by the relative margin: 0.82 against 0.73 is as close as 0.55 against 0.49. */
function isClear(ctx: Parameters<Rule>[0]): boolean {
  const [top, second] = ctx.q.topics;
  return top !== undefined && (!second || top.score - second.score >= ctx.o.margin * top.score);
}

/**
 * A clear, strong best entry is the answer, unless the question names a sub-topic that entry
 * knows nothing of ("are private clouds worth it": offered both) or names a sibling of it by
 * title ("who owns a public cloud", scoring best on the private cloud's keywords).
 */
export const clearWinner: Rule = (ctx) => {
  const top = ctx.q.topics[0];
  if (top === undefined || top.score < ctx.o.answerThreshold || !isClear(ctx)) return undefined;
  const overlooked = ctx.k.namedElsewhere(top.id, ctx.q.terms, ctx.q.topics);
  if (overlooked !== undefined) {
    // Both named and asked about together ("explain latency and security"): both, not a choice.
    if (areSiblings(top.id, overlooked.id) && asksBoth(ctx, top.id, overlooked.id)) return { kind: 'answer', id: ctx.k.namedFirst(ctx.q.analysis.normalised, top.id, overlooked.id), confidence: top.score, candidates: shortlist(ctx) };
    return { kind: 'clarify', id: null, confidence: top.score, candidates: [top, overlooked] };
  }
  return answerOrAsk(ctx, ctx.k.namedSiblings(top.id, ctx.q.terms), top.score, shortlist(ctx), top.id);
};

/**
 * "Describe the public cloud deployment model", "what is the hybrid deployment model?": one part
 * of the best overview, named, and called one of its family in the singular. The family's name
 * makes the overview score best, but the question is about the one part. Not where the question
 * compares, chooses, asks a side, sets something aside, or mentions another part of the family.
 */
export const partCalledOneOfFamily: Rule = (ctx) => {
  const [top] = ctx.q.topics;
  const { reading } = ctx.q;
  if (top === undefined || ctx.k.childrenOf(top.id).length === 0 || setsAside(ctx.q.analysis.normalised)) return undefined;
  if (reading.comparing || reading.choosing || reading.comparison !== undefined || reading.side !== undefined || reading.bothSides !== undefined) return undefined;
  const parts = ctx.k.named(ctx.q.terms).filter((id) => ctx.k.parentOf(id) === top.id);
  const [part] = parts;
  if (part === undefined || parts.length > 1 || ctx.k.mentioned(top.id, ctx.q.terms).some((id) => id !== part)) return undefined;
  if (!ctx.k.namesOneOf(top.id, ctx.q.analysis.normalised)) return undefined;
  // The overview's score: it comes from the same words, the part's name among them.
  return { kind: 'answer', id: part, confidence: top.score, candidates: shortlist(ctx) };
};

/**
 * Students describe a situation at length ("one of the machines running our app died at 3am
 * but users didn't notice…"): most of its words are not the lecture's, and each counts against
 * every entry, so even the right entry scores low. What tells it then is the lead: an entry far
 * ahead of the next, with several of the question's rarer words pointing to it, is the answer.
 */
export const clearLeadInLongQuestion: Rule = (ctx) => {
  const [top, second] = ctx.q.topics;
  if (top === undefined || ctx.q.analysis.terms.length < ctx.o.longQuestionTerms || top.score < ctx.o.longQuestionFloor) return undefined;
  if (second !== undefined && top.score < ctx.o.longQuestionLead * second.score) return undefined;
  if (ctx.k.explained(top.id, ctx.q.terms) < ctx.o.corroboratingTerms) return undefined;
  return { kind: 'answer', id: top.id, confidence: top.score, candidates: shortlist(ctx) };
};

/** The entries close enough to the best one to be offered in "Did you mean…?". */
function closeOptions(ctx: Parameters<Rule>[0]) {
  const top = ctx.q.topics[0];
  if (top === undefined) return [];
  return ctx.q.topics
    .filter((candidate) => candidate.score >= ctx.o.clarifyThreshold && top.score - candidate.score < ctx.o.margin * 2 * top.score)
    .slice(0, ctx.o.maxClarifyOptions);
}

/**
 * One weak candidate with nothing near it is a guess ("are private schools worth the fees"
 * shares one word with the private cloud), declined with that entry offered first; unless
 * several of the question's rarer words point to it alone ("jupyter notebooks on a shared server, which service model").
 */
export const loneCandidate: Rule = (ctx) => {
  const top = ctx.q.topics[0];
  if (top === undefined || closeOptions(ctx).length !== 1) return undefined;
  const corroborated = top.score >= ctx.o.corroboratedThreshold && ctx.k.explained(top.id, ctx.q.terms) >= ctx.o.corroboratingTerms;
  if (top.score >= ctx.o.answerThreshold || corroborated) return { kind: 'answer', id: top.id, confidence: top.score, candidates: shortlist(ctx) };
  return { kind: 'fallback', id: null, confidence: top.score, candidates: shortlist(ctx) };
};

/**
 * "What is left to me in IaaS": the best is an overview, whose vocabulary
 * holds all its parts' words, and the question names exactly one of its parts, close behind it.
 * That part is what is asked about.
 */
function namedPartOfBest(ctx: Parameters<Rule>[0], options: readonly Decision['candidates'][number][]): string | undefined {
  const [top] = options;
  if (top === undefined) return undefined;
  const parts = ctx.k.named(ctx.q.terms).filter((id) => ctx.k.parentOf(id) === top.id);
  const [part] = parts;
  return part !== undefined && parts.length === 1 && options.some((option) => option.id === part) ? part : undefined;
}

/**
 * A close call that is not one: between an overview and its own sub-topics, what the question
 * names settles it ("public vs hybrid?" is the comparison); otherwise, the best entry is the
 * answer when its vocabulary explains every word and the others' only some ("does iaas cost more").
 */
export const closeCallSettled: Rule = (ctx) => {
  const options = closeOptions(ctx);
  const settled = ctx.k.withinFamily(options, ctx.q.terms, ctx.q.reading.comparing) ?? namedPartOfBest(ctx, options) ?? ctx.k.explainsAll(options, ctx.q.terms);
  const top = ctx.q.topics[0];
  return settled === undefined || top === undefined ? undefined : { kind: 'answer', id: settled, confidence: top.score, candidates: shortlist(ctx) };
};

/**
 * "Why would a business go to the cloud" is close to both "Why use the cloud?" and "Why not use
 * the cloud?": when two close entries' titles differ only by a negation, whether the question
 * negates decides between them.
 */
export const negationSettles: Rule = (ctx) => {
  const [first, second] = closeOptions(ctx);
  if (first === undefined || second === undefined) return undefined;
  const negation = ctx.k.negationTerm();
  if (negation === undefined) return undefined;
  const a = new Set(ctx.k.titleTerms(first.id));
  const b = new Set(ctx.k.titleTerms(second.id));
  const extra = (x: ReadonlySet<number>, y: ReadonlySet<number>) => [...x].filter((term) => !y.has(term));
  const [onlyA, onlyB] = [extra(a, b), extra(b, a)];
  const negated = onlyA.length === 1 && onlyA[0] === negation && onlyB.length === 0 ? first : onlyB.length === 1 && onlyB[0] === negation && onlyA.length === 0 ? second : undefined;
  if (negated === undefined) return undefined;
  const other = negated === first ? second : first;
  return { kind: 'answer', id: ctx.q.terms.has(negation) ? negated.id : other.id, confidence: first.score, candidates: shortlist(ctx) };
};

/** Close siblings, one of them named by title: the one named is meant ("the public cloud model"). */
export const namedAmongSiblings: Rule = (ctx) => {
  const top = ctx.q.topics[0];
  if (top === undefined) return undefined;
  const named = ctx.k.namedSiblings(top.id, ctx.q.terms);
  if (named.length === 0 || !closeOptions(ctx).every((option) => areSiblings(option.id, top.id))) return undefined;
  return answerOrAsk(ctx, named, top.score, shortlist(ctx));
};

/**
 * The best two are siblings the question names whole and asks about together: "compare X and Y",
 * "is X the same as Y?", "what are X and Y?". Each explains its own words, which would read as
 * two half-matches (`halfMatches`), but the question is about both. The one named first is
 * answered, and the answerer gives the other beside it. Not a choice or a direction between them
 * ("which is cheaper, X or Y"), which other rules answer.
 */
export const twoNamedSiblings: Rule = (ctx) => {
  const both = siblingsAskedTogether(ctx);
  return both === undefined ? undefined : answerNamedFirst(ctx, both);
};

/**
 * As `twoNamedSiblings`, where the question spells both titles whole ("the difference between
 * reach and availability"): two of the lecture's own headings, asked about together, are no
 * question about anything else, whatever a model unsure of the pair says. Not a name that is
 * only part of a title ("public and private keys").
 */
export const twoTitledSiblings: Rule = (ctx) => {
  const both = siblingsAskedTogether(ctx);
  if (!both?.ids.every((id) => ctx.k.spellsTitle(id, ctx.q.analysis.normalised))) return undefined;
  return answerNamedFirst(ctx, both);
};

/** Of two siblings asked about together, the one named first; the answerer gives the other beside it. */
function answerNamedFirst(ctx: Parameters<Rule>[0], { ids: [first, second], confidence }: { ids: [string, string]; confidence: number }): Decision {
  return { kind: 'answer', id: ctx.k.namedFirst(ctx.q.analysis.normalised, first, second), confidence, candidates: shortlist(ctx) };
}

/** The two close siblings the question names and asks about together, with the best one's score. */
function siblingsAskedTogether(ctx: Parameters<Rule>[0]): { ids: [string, string]; confidence: number } | undefined {
  const options = closeOptions(ctx);
  // Most questions reaching here join nothing: the names are looked up only for those that do.
  if (options.length < 2 || !asksTogether(ctx)) return undefined;
  // Only the close options the question names: "the difference between reach and availability"
  // also comes close to the service models' "what is the difference between…", which it names not.
  const named = ctx.k.namesIn(ctx.q.analysis.normalised);
  const namedOptions = options.filter((option) => named.includes(option.id));
  const [first, second, third] = namedOptions.length === 2 ? namedOptions : options;
  if (first === undefined || second === undefined || third !== undefined || !areSiblings(first.id, second.id)) return undefined;
  return named.includes(first.id) && named.includes(second.id) ? { ids: [first.id, second.id], confidence: first.score } : undefined;
}

/**
 * The best two explain different words of the question ("what does a taxi ride cost": the costs,
 * and the taxi of "as a service"): two half-matches, most likely a question about something else.
 */
export const halfMatches: Rule = (ctx) => {
  const [first, second] = closeOptions(ctx);
  if (ctx.k.shareAnyTerm(first?.id, second?.id, ctx.q.terms)) return undefined;
  return { kind: 'fallback', id: null, confidence: ctx.q.topics[0]?.score ?? 0, candidates: shortlist(ctx) };
};

/** One question that fits two or three entries: "Did you mean…?". */
export const askBetween: Rule = (ctx) => ({ kind: 'clarify', id: null, confidence: ctx.q.topics[0]?.score ?? 0, candidates: closeOptions(ctx) });
