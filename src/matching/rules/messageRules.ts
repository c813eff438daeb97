import { asksForOrigin } from '../asking';
import { ADDRESSES_THE_BOT, isBotNameTerm } from '../botName';
import { certain, type Decision, type Rule, type RuleKnowledge, shortlist } from './types';

/**
 * Rules about the message as a whole, before any scoring: smalltalk, greetings around a
 * question, a topic's own phrasing, and messages that ask nothing.
 */

/** How a question begins, on the normalised text: what comes before a closing "thanks" must be one. */
const QUESTION_WORD = /\b(?:what|why|how|which|who|where|when|is|are|can|could|does|do|should|would|explain|define|describe|list|compare)\b/;
const QUESTION_START = /^(?:what|why|how|which|who|where|when|is|are|can|could|does|do|should|would|tell|explain|define|describe|give|show|list|outline|state|compare)\b/;

/** Words that make a statement a question, anywhere in it: "…went back to normal, was that elasticity?". */
const ASKS = /\b(?:what|why|how|which|who|where|when|is|are|was|were|can|could|does|do|did|should|would|will|explain|define|describe|list|compare|tell|give|show)\b/;

/** When, where, who and how many ask about the lecture as an event or a course, which the lecture does not answer. */
const ABOUT_THE_EVENT = /\b(?:when|where|who|whom|whos|time|room|many|long|exam|exams|test|deadline|recorded|recording)\b/;

/**
 * "What are the key points?", "give me a summary", "I have an exam tomorrow on lecture 5, what are
 * the main takeaways?": the gist of the whole lecture, which the help entry gives in brief. Only
 * where nothing else is asked: "the key points of IaaS" are IaaS's.
 */
const GIST = /\b(?:key|main|important|most important|big|core|essential|basic) (?:points?|takeaways?|ideas?|things|topics|messages?|concepts?|facts?)\b|\b(?:summary|summarise|summarize|summarising|summarizing|recap|overview|tldr|gist|nutshell|cheat sheet)\b/;
/** Every such phrase, to take them all out. */
const GIST_ALL = new RegExp(GIST.source, 'g');
/** What a request for the gist says around it besides the lecture's name: the exam, the revising. */
const GIST_CONTEXT = /\b(?:exam|exams|test|tomorrow|tonight|today|revise|revising|revision|quick|quickly|need|know|whole|everything|all)\b/g;

/** A request for the gist with nothing else asked: the rest names the lecture itself (this one, "lecture 5", not "lesson 4") or nothing. */
function asksTheGist(normalised: string, namesOnlyTheLecture: (rest: string) => boolean): boolean {
  if (!GIST.test(normalised)) return false;
  const rest = normalised.replace(GIST_ALL, ' ').replace(GIST_CONTEXT, ' ').replace(/\s+/g, ' ').trim();
  return namesOnlyTheLecture(rest);
}

/**
 * What a student says around asking what the lecture held: what it covered or taught, what it is
 * called, that they missed it, that they are lost. None of these names a topic, so taken out they leave the lecture
 * named alone ("I'm lost, what does this lecture cover?").
 */
const ABOUT_ITS_CONTENT = /\b(?:cover|covers|covered|covering|teach|teaches|taught|include|includes|included|discuss|discusses|discussed|go over|goes over|went over|talk about|talks about|talked about|learn|learned|learnt|miss|missed|lost|confused|stuck|clueless|sorry|title|titled|name|named|called|topic|subject)\b/g;

/**
 * "What does the lecture cover?", "I missed the lesson, what was it about?": the lecture's
 * contents asked for, which the help entry gives in brief. Only where the lecture is named and
 * nothing else is: "what did the lecture teach about PaaS" asks about PaaS.
 */
function asksWhatItCovers(normalised: string, k: Pick<RuleKnowledge, 'namesTheLecture' | 'namesOnlyTheLecture'>): boolean {
  const rest = normalised.replace(ABOUT_ITS_CONTENT, ' ').replace(/\s+/g, ' ').trim();
  // Something taken out, and the lecture named in what is left: "sorry, what?" is no question about it.
  return rest !== normalised && k.namesTheLecture(rest) && k.namesOnlyTheLecture(rest);
}

/**
 * Students say "hi", "thanks", "what do you know": the whole message is a smalltalk phrase. A
 * question about the bot with no topic in it ("what are you for") is a request for help, and one
 * about the lecture itself ("what was the lecture about?", "summarise lecture 5") gets the help
 * entry too, which gives the lecture in brief: "nothing asked" would answer it with a question.
 */
export const smalltalkPhrase: Rule = ({ q, k }) => {
  const { normalised, terms } = q.analysis;
  const aboutTheBot = terms.every(isBotNameTerm) && ADDRESSES_THE_BOT.test(normalised);
  const aboutTheLecture = (!ABOUT_THE_EVENT.test(normalised) && (k.asksAboutTheLecture(normalised, terms) || asksWhatItCovers(normalised, k))) || asksTheGist(normalised, (rest) => k.namesOnlyTheLecture(rest));
  const id = k.smalltalkPhrase(normalised) ?? (aboutTheBot || aboutTheLecture ? k.helpEntry() : undefined);
  return id === undefined ? undefined : certain('smalltalk', id, normalised);
};

const answered = (decision: Decision) => decision.kind === 'answer' || decision.kind === 'clarify';

/**
 * Students open a question with a greeting or thanks ("hi so im doing a group project, is iaas a
 * good idea for us"): the question is what is answered, or declined as a question. A short rest
 * that asks nothing the lecture answers ("thanks, that made sense"), or a longer one that matches
 * nothing and asks nothing ("goodbye, off to go over my notes"), leaves the smalltalk.
 */
export const greetingBeforeQuestion: Rule = ({ q, k, o }) => {
  const opening = k.smalltalkOpening(q.analysis.normalised);
  if (opening === undefined) return undefined;
  // Other smalltalk after an opening is what was said only as a whole phrase: "hi, help" asks for help.
  // Only a whole phrase: "hi, how are you" is a greeting, not a question about the bot.
  if (k.smalltalkPhrase(opening.rest) !== undefined) return k.matchPart(opening.rest);
  // The rest is a question when it is asked as one, names topics only ("hi, paas"), or is long;
  // "thanks, that made sense" is none of these, though "sense" is in an alternate.
  // The bot's name counts, as it did before it was set aside: "thanks bot, what is X" is a question.
  const long = k.termCount(opening.rest) + (opening.addressed ? 1 : 0) >= o.openingQuestionTerms;
  const asked = long || QUESTION_WORD.test(opening.rest) || k.namesOnly(opening.rest) ? k.matchPart(opening.rest) : undefined;
  // A long rest is declined as a question only if it asks one: "bye, closing the book for today" says goodbye.
  if (asked !== undefined && (answered(asked) || (long && (asked.kind !== 'fallback' || ASKS.test(opening.rest))))) return asked;
  // A short rest that asks about a topic it names ("hey, can you remind me what X was") is a question
  // however its own words score: declined as one, which the model may then answer, never the greeting.
  if (asked?.kind === 'fallback' && QUESTION_WORD.test(opening.rest) && k.namesIn(opening.rest).length > 0) return asked;
  // "hey, which topics do you know?": a question about what the bot does, after a greeting, asks
  // for help; "hi, how are you", which asks it nothing (no term), stays a greeting.
  if (asked?.kind === 'smalltalk' && asked.id !== null && asked.id === k.helpEntry() && k.termCount(opening.rest) > 0) return asked;
  return certain('smalltalk', opening.id, q.analysis.normalised);
};

/** What a statement to the bot opens with: "you are…", "u r…", "you have been…". */
const ADDRESSED = /^(?:you|u)\b/;
const WH_WORD = /\b(?:what|why|how|which|who|where|when)\b/;

/**
 * Students praise or scold the bot ("you are great", "you're brilliant"): a statement about
 * "you" that names no topic says nothing about the lecture, however a word of it ("great", a
 * synonym of "good") scores. It gets the smalltalk that says the same ("you are great"), or nothing.
 */
export const remarkToBot: Rule = ({ q, k }) => {
  const { normalised, terms } = q.analysis;
  if (!ADDRESSED.test(normalised) || WH_WORD.test(normalised) || k.named(q.terms).length > 0) return undefined;
  const id = k.smalltalkSaying(terms);
  return id === undefined ? { kind: 'fallback', id: null, confidence: 0, candidates: [] } : certain('smalltalk', id, normalised);
};

/**
 * Students end a question with thanks ("what is paas thanks"): thanks after a question does not
 * replace it. After a remark that asks nothing and names no topic ("ok I'm off to bed, bye"), the
 * closing phrase is what was said, as an opening one is before such a remark.
 */
export const thanksAfterQuestion: Rule = ({ q, k }) => {
  const closing = k.smalltalkClosing(q.analysis.normalised);
  if (closing === undefined) return undefined;
  const { before, id } = closing;
  if (!QUESTION_START.test(before)) {
    // A remark says something ("i need help" is the phrase, scored as a whole).
    if (QUESTION_WORD.test(before) || k.termCount(before) === 0 || k.namesIn(before).length > 0) return undefined;
    return answered(k.matchPart(before)) ? undefined : certain('smalltalk', id, q.analysis.normalised);
  }
  const asked = k.matchPart(before);
  return answered(asked) ? asked : undefined;
};

/** A student who types an entry's own phrasing word for word needs no scoring. */
export const ownPhrasing: Rule = ({ q, k }) => {
  const id = k.ownPhrasing(q.analysis.normalised);
  return id === undefined ? undefined : certain('answer', id, q.analysis.normalised);
};

/**
 * "I don't understand the definition": a message of function words only, with nothing the
 * lecture does not know, asks about the one entry that has one of them as a keyword of its own
 * (the lecture's definition). With a topic named ("the definition of X"), scoring decides.
 */
export const framingKeywordAlone: Rule = ({ q, k }) => {
  if (q.ranked.length > 0 || q.terms.size < q.analysis.terms.length) return undefined;
  const id = k.framingKeyword(q.analysis.normalised);
  return id === undefined ? undefined : certain('answer', id, q.analysis.normalised);
};

/** "ok", "hmm", "i don't know": nothing the knowledge base knows was asked. */
export const nothingAsked: Rule = ({ q }) =>
  q.ranked.length === 0 ? { kind: 'fallback', id: null, confidence: 0, candidates: [] } : undefined;

/**
 * "Who invented the bus?", "when was the bike first used?": where a thing came from is not in a
 * lecture whose answer about it tells no one who invented or founded anything, however well the
 * thing's name matches; declined, the thing offered. An answer that tells an origin is left to
 * scoring, like any other question.
 */
export const originNotGiven: Rule = (ctx) => {
  if (!asksForOrigin(ctx.q.analysis.normalised)) return undefined;
  const [best] = ctx.q.topics;
  if (best !== undefined && ctx.k.tellsOrigin(best.id)) return undefined;
  return { kind: 'fallback', id: null, confidence: best?.score ?? 0, candidates: shortlist(ctx) };
};
