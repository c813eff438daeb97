import { type Answerer, type Reply, shortName } from '../answering/Answerer';
import type { FollowUpCue } from '../answering/followUpCues';
import { answerPart, type AnswerPart } from '../answering/answerPart';
import { sentencesOf } from '../answering/sentencesOf';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { areSiblings, isTopic } from '../knowledge/KnowledgeBase';
import type { Matcher, MatchResult } from '../matching/Matcher';
import { withoutBelief } from '../matching/asking';
import { sideNamed } from '../matching/reading';
import type { TopicEntry } from '../knowledge/schema';
import { emptyProgress, type Progress } from '../quiz/progress';
import type { GradedAnswer, Quiz, QuizTurn } from '../quiz/Quiz';
import { type ConversationMemory, type MemoryUpdate, SEEN_TOPICS_KEPT, SITUATION_CHARS, SITUATION_KEPT, SITUATION_QUESTIONS } from './memory';

export interface TurnResult {
  reply: Reply;
  /** The student's quiz progress after this turn, when the turn changed it. */
  progress?: Progress;
  /** The quiz answer this turn graded, if any, for the staff dashboard (`Recorder.quizAnswer`). */
  quizAnswer?: GradedAnswer;
  /** The memory to keep for the next turn. */
  memory: ConversationMemory;
  /** The same change as a function, to re-apply on top of a concurrent turn's memory. */
  update: MemoryUpdate;
}

/** An ordinal up to the seventh, the longest list the lecture gives (the cloud's seven benefits), or "last". */
const ORDINAL_WORD = '(\\d|first|second|third|fourth|fifth|sixth|seventh|1st|2nd|3rd|4th|5th|6th|7th|last)';
/** "The first one", "2", "option 3", "the last": a pick from the "Did you mean" list. */
const ORDINAL = new RegExp(`^(?:(?:the|option|number|no)\\s+)*${ORDINAL_WORD}(?:\\s+(?:one|option))?$`);
const ORDINAL_WORDS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6, '7th': 7 };
/**
 * "Tell me more about the 3rd one", "more detail on the 4th", "what about the second", "explain
 * the last one more": after an overview, which lists its parts in order, one of them by its place
 * in the list. The whole message, so that a question that mentions an ordinal ("the first cloud
 * model to use") is not one.
 */
const MORE_ON = '(?:(?:can you |could you |please )?(?:tell me |say |explain |give me |go into )?(?:a bit |some )?(?:more|more details?|more info|details?) (?:about|on) |(?:elaborate|expand) on )';
const PART_ORDINAL = new RegExp(
  `^(?:and |so |ok |okay )?(?:${MORE_ON}|what about |how about |explain |what is |whats )?(?:the |number |no )?${ORDINAL_WORD}(?: (?:one|reason|benefit|advantage|drawback|disadvantage|model|point|item|option|part))?(?: (?:more|again|further|in (?:more )?detail|please))?$`,
);

/** The place `ordinal` names in a list of `length`, from 1; `last` is the length. */
function placeOf(ordinal: string, length: number): number {
  return ordinal === 'last' ? length : (ORDINAL_WORDS[ordinal] ?? Number(ordinal));
}

/** A count asked of the list under discussion: "how many reasons are there?". */
const HOW_MANY = /^(?:and |so |ok )?how many (?:reasons|benefits|advantages|drawbacks|disadvantages|models|types|kinds|ones|points|parts|of them|are there)\b/;
/** The list under discussion as a whole, by a plural pronoun: "list them in one line", "name all of them". */
const LIST_OF_THEM = /\b(?:them|they|these|those|all)\b/;

/** The side of a fact that a follow-up's cue asks for. */
const SIDE_OF = { benefit: 'advantage', drawback: 'disadvantage' } as const;

/** A pronoun that stands for the last topic, never a word that may open a noun ("that model"): its place takes the title. */
const PRONOUN = /\b(?:it|its|they|them|their)\b/i;
/** "Is that a reason against the cloud?": a yes or no asked of "that", the last topic, where no other pronoun points back. */
const ASKED_OF_THAT = /(?<=^(?:(?:and|so|but) )?(?:is|was|does|did|would|could|will|can) )(?:that|this)\b/i;

/**
 * Words that point back at the last topic: "what are its disadvantages?", "who has control
 * there?". "There" only last and not after "is" or "are", where it says something exists ("is
 * there?"), not where.
 */
const BACK_REFERENCE = /\b(it|its|this|that|they|them|their|these|those)\b|(?<!\b(?:is|are|was|were|be) )\bthere$/;

/** Words that choose between topics without naming one: the overview's table answers them. */
const CHOOSING_WORDS = 'cheap cheaper cheapest cost costs price expensive better best good use pick choose recommend suit suits suitable';

/**
 * Words that rank without a scale: "which is more important", "which one matters most", "which is
 * better". The lecture ranks its topics only on its scales (effort, control, cost, sharing).
 */
const RANKING_WORDS = 'more most less least important importance matter matters better best worse worst good bad useful significant relevant prefer preferable pick choose recommend';

/** "Which is cheaper", "which one should i use": a choice between the topics just discussed. */
const WHICH = /^which(?: one| of them| model| cloud)?(?: is| would be| should i| do i| would you)\b/;

/** "Just the names", "only the titles": a list's parts by name, after the list. */
const NAMES_ONLY = /^(?:(?:only|give me|can i have) )?(?:the )?(?:names|titles|headings)(?: only)?(?: of (?:them|each|each one|the \w+))?$/;
/** "What's the difference (then)?", "how do they differ", "how is that different?", "compare them": between the last two topics. */
const DIFFERENCE =
  /^(?:and |so |but )?(?:what is |whats )?(?:the |a )?(?:difference|diff|differences)(?: between (?:them|the two|these|those|the 2|both))?(?: then| exactly| again)?$|^how (?:are|do) (?:they|the two|these) differ(?: then)?$|^how (?:is|are) (?:that|this|it|they|the two|these) (?:one )?different(?: then)?$|^compare (?:them|the two|these|both)$/;

/** A detail asked of what was just answered: a person, a place, or what the student does or gives. */
const DETAIL_ASKED = /^(?:(?:and|so|but|ok|okay|then) )?(?:who|whom|whose|where|what (?:do|does|did|must|should) (?:i|we|you)|what about)\b/;

/** The other one of two, singular: "and the other?", "what about the other one?". */
const OTHER_ONE = /^(?:and |but |what about |how about |tell me about |and what about )?the other(?: one)?$/;

/**
 * "And the other one?", "what about the others?": the parts of the last topic's overview not yet
 * discussed. The whole message, after `normalise`.
 */
const OTHER_ONES = /^(?:and |but |what about |how about |tell me about |and what about )?(?:the )?(?:other|others|other one|other ones|other two|remaining one|remaining ones|rest|rest of them)$/;

/**
 * "What's another drawback?", "and another?", "one more", "any others?", "what other reasons are
 * there?": another part of the same list. A word for the list's side must be that list's side:
 * "another benefit" after latency is not one. A word for any list ("reasons", "models") is.
 */
/** A word for a list's side, or for any list, captured: what "another" or "what else" asks for more of. */
const LIST_WORD = '(drawback|drawbacks|disadvantage|disadvantages|downside|downsides|con|cons|risk|risks|benefit|benefits|advantage|advantages|upside|upsides|pro|pros|reason|reasons|model|models|type|types|kind|kinds|option|options|point|points)';
/** The side a list word is said with: "reasons not to use it", "reasons to use it", "reasons against". */
const LIST_SIDE = '(?: (not to use|to not use|against|for|to use)(?: (?:it|the cloud|cloud|them))?)?';
const ANOTHER = new RegExp(`^(?:and |so |ok |what |what is |whats |what are |give me |tell me |name |list |is there |are there )?(?:the )?(?:another|one more|any other|any others|any more|other|others)(?: one| ones)?(?: ${LIST_WORD}${LIST_SIDE})?(?: (?:are there|is there|then|left))?$`);
/**
 * "What else?", "anything else?", "what else is a benefit?", "what else is there?": the same, asked
 * with "else". After a part, the lecture has said all it says of it; what else it gives is the rest
 * of the part's list.
 */
const ELSE = new RegExp(`^(?:and |so |ok |but )?(?:what else|anything else|something else|what other things?)(?: (?:is|are|could be|can be))?(?: there)?(?: (?:an?|one))?(?: ${LIST_WORD})?(?: (?:is there|are there|then|left|in the lecture))?$`);
const BENEFIT_WORDS = new Set(['benefit', 'benefits', 'advantage', 'advantages', 'upside', 'upsides', 'pro', 'pros']);
const DRAWBACK_WORDS = new Set(['drawback', 'drawbacks', 'disadvantage', 'disadvantages', 'downside', 'downsides', 'con', 'cons', 'risk', 'risks']);

/** "An example of each", "examples for both of them": of the last two topics, not the last one. */
const EACH = /\b(?:each|both|them|the two|either)\b/;

/** "Which of them", "one of those", "between them": the pronoun is the last topic's family, not the topic. */
const AMONG_THEM = /\b(?:of|among|amongst|between) (?:them|those|these|the three|all three)\b/;

/** "Which is about deployment?", "which one means backups?": which of the two just discussed a description fits. */
const WHICH_OF_TWO = /^(?:and |so |but )?which(?: one| of them| of the two| of those| of these)? (?:is (?:more |mostly |the one )?(?:about|for|to do with)|means|deals with|covers|is the one (?:about|with|for|that))\b/;

/** "The opposite", "the other side", "the flip side": of a list of one side, the other side's. */
const OPPOSITE = /\b(?:opposite|opposites|other side|flip side|flipside|reverse)\b/;

/** A question that carries on from the one before: "and if…", "what if…", "any other…", "another…". */
const CARRIES_ON = /^(?:and|also|what if|any other|anything else|another|is there another|are there other|are there any other)\b/;

/** The example just given, pointed back at: "the example", "that example", "this example". */
const THE_EXAMPLE = /\b(?:the|that|this|its|your) example\b/;

/** The student's own part: "what do I have to do myself?", "what's left for me?", "what is my job then?". */
const OWN_ROLE = /\b(?:do|must|should|will) (?:i|we) (?:still )?(?:have to |need to |got to )?(?:do|manage|handle|look after|take care of|supply|provide|set up|bring)\b|\bwhat (?:is|s) (?:left )?(?:for (?:me|us)|my (?:job|part|role)|our (?:job|part|role))\b|\bwhat (?:is|s) left (?:to do )?for (?:me|us)\b/;

/** A question of at most this many words may lean on the last topic to settle it; a longer one says what it asks. */
const CONTEXT_WORDS = 8;
/** A question asked as one: a bare "cloud model" says too little to lean on the topic before it. */
const ASKED = /^(?:and |so |but )?(?:what|which|why|how|who|where|is|are|does|do|can|could|should|would)\b/;
/** A choice offered: "is that public or private?". */
const OR = /\bor\b/;
/** A question for a person, which asks who does something within the topic: "who sets up the OS?". */
const WHO_ASKED = /^(?:and |so |but |then )?(?:who|whom|whose)\b/;

/**
 * The one just given, by the word for its side: "that benefit", "this drawback", "which benefit
 * is that?", "what advantage is it?". Not "its benefits", which asks for more than the part.
 */
const SIDE_ONE = '(?:benefit|advantage|upside|pro|drawback|disadvantage|downside|con|risk)';
const THAT_ONE = new RegExp(`\\b(?:that|this) ${SIDE_ONE}\\b|\\b(?:what|which) ${SIDE_ONE} (?:is|was) (?:that|this|it)\\b`);

/** A situation changed: "and if …", "what if …", "but what if …". */
const HYPOTHETICAL = /^(?:and |but |so |ok )?(?:what )?if\b/;

/** Chat words for a side, which no list is called: a bare "cons" after IaaS asks IaaS's, as "cons?" does. */
const CHAT_SIDE = /^(?:pros|cons|upsides?|downsides?|plus points|minuses)$/;

/** A message asked as a question, by how it opens: what is not one may tell the student's situation. */
const QUESTION_OPENING = /^(?:(?:and|so|but|ok|okay|then|also|hmm|um|umm) )*(?:what|whats|which|why|how|who|where|when|is|are|was|were|does|do|did|can|could|should|shall|would|will|has|have|tell|explain|define|describe|give|show|list|compare|name|outline|state|quiz)\b/;
/** The fewest words of a situation told without "we" or "I": "the IT budget is small". */
const TOLD_WORDS = 5;
/** A question asked inside a message, after words that only lead up to it. */
const ASKED_WITHIN = /\b(?:what|whats|which|why)\b/;
/** Who a situation is about: the student or their team ("we're a small startup", "I want to host my app"). */
const FIRST_PERSON = /\b(?:i|im|we|our|ours|my|me|us)\b/;
/** A question that asks to choose, or what something is called, and nothing else: "so which model should we pick?", "what kind of cloud setup is that?". */
const CHOICE_OPENING = /^(?:(?:and|so|but|ok|okay|then) )*(?:which|what|whats)\b/;
/** Words that ask for one of the lecture's alternatives (a model, a kind of cloud), not any answer. */
const ASKS_FOR_A_KIND = /\b(?:model|models|cloud|clouds|setup|kind|kinds|type|types|sort|option|options|service|services|deployment)\b/;
/** What opens a comparison asked again in a few words: "and cheaper?", "what about more control?". */
const FRAGMENT_OPENING = /^(?:(?:and|so|but|or|ok|then|what about|how about) )+/;
/** The words of a comparison besides its scale's: "more", "the least". */
const COMPARING_WORD = /^(?:more|less|most|least|the|a|bit|lot|much|even|one)$/;

/** A yes or no whether to use the cloud at all: "is the cloud a good fit?", "should we move it to the cloud?", "good idea?", "cloud or not?". */
const FIT_ASKED = /^(?:(?:so|and|but|ok|okay|then|hmm) )*(?:is|are|was|would|will|should|shall|do|does|can|could|might)\b.*\b(?:good (?:fit|idea|choice|option|match)|worth it|a fit|right for (?:us|me|them)|suit (?:us|me|them)|should (?:we|i|they) (?:use|move|go|switch|migrate|put)|(?:move|moving|migrate|migrating|put|putting)\b.*\bto the cloud)\b|^(?:(?:so|and|but|ok|okay|then) )*(?:a |the )?(?:good idea|bad idea|worth it|good fit|good choice|(?:\w+ )?or not)$/;

/** A reason question asking for several: "which benefits matter for us?", "what are the risks for us?". */
const MANY_ASKED = /\b(?:benefits|advantages|reasons|concerns|problems|risks|issues|drawbacks|downsides)\b/;

/** Words that ask which of the lecture's reasons bears on a situation: "which benefit helps most?", "does the cloud help?". */
const REASON_ASKED = /\b(?:help|helps|helpful|benefit|benefits|advantage|advantages|reason|reasons|concern|concerns|problem|problems|risk|risks|issue|issues|drawback|drawbacks|downside|downsides|matter|matters|relevant|applies|apply)\b/;
const REASON_WORDS = /\b(?:help|helps|helpful|benefit|benefits|advantage|advantages|reason|reasons|feature|features|concern|concerns|problem|problems|risk|risks|issue|issues|drawback|drawbacks|downside|downsides|matter|matters|most|relevant|applies|apply|how|else|main|biggest|key|there|any)\b/g;
/** The words of a bare choice (`CHOICE_OPENING`): a question with a word beyond these says what it chooses by. */
const CHOOSING_ONLY = /\b(?:and|so|but|ok|okay|then|now|here|which|what|whats|kind|kinds|type|types|sort|of|one|ones|model|models|option|options|cloud|clouds|setup|set|up|service|services|deployment|should|shall|would|could|can|do|does|is|are|s|be|we|i|you|us|me|our|my|the|a|an|to|use|using|pick|choose|go|for|with|get|rent|hire|buy|adopt|take|need|want|best|better|good|right|ideal|recommend|suggest|fit|fits|suit|suits|suitable|work|works|makes|sense|that|this|it|in|case|called)\b/g;

/** A reply to a question asked of the situation told, saying what it went by, so that a student who meant something else sees why. */
function goingBy(situation: readonly string[], reply: Reply): Reply {
  const told = situation.map((said) => `"${said.replace(/[.!]+$/, '')}"`).join(', ');
  return { ...reply, text: `Going by what you told me (${told}):\n\n${reply.text}` };
}

/**
 * What a topic is called in a sentence, in a pronoun's place: its title, or where the title is a
 * question ("What is cloud computing?"), the name of it that reads as a thing ("the cloud"): "is
 * it safe?" after what the cloud is, is "is the cloud safe?", not the question put inside another.
 */
function spokenName(entry: TopicEntry): string {
  if (!entry.title.endsWith('?')) return entry.title;
  return entry.names.find((name) => name.startsWith('the ')) ?? entry.names[0] ?? entry.title;
}

/** Whether a message names a topic besides the lecture's two lists of sides ("the pros and cons of PaaS"). */
function namesTopicBesidesLists(named: readonly string[], lists: Readonly<Record<'benefit' | 'drawback', string | undefined>>): boolean {
  return named.some((id) => id !== lists.benefit && id !== lists.drawback);
}

/** A bare "benefits", the name of a list, starts a new topic; "any downsides?", "cons" or "its benefits" continues the last one. */
function continues(text: string, match: MatchResult): boolean {
  return BACK_REFERENCE.test(match.normalised) || text.trim().endsWith('?') || match.normalised.split(' ').length > 1 || CHAT_SIDE.test(match.normalised);
}

/**
 * One conversation's turn logic, channel-free: the bot runs it with botbuilder's conversation
 * state, `ask --session` with a variable. It resolves what depends on the previous turn (a pick
 * from "Did you mean", a follow-up about the last topic) and leaves the rest to the Answerer.
 */
export class Conversation {
  /** The overviews that list the advantages and the disadvantages (`lists` in the knowledge base). */
  private readonly overviews: Readonly<Record<'benefit' | 'drawback', string | undefined>>;
  /** The terms of words that only choose between topics: "which is cheaper", "which should i use". */
  private readonly choosing: ReadonlySet<string>;
  private readonly ranking: ReadonlySet<string>;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly matcher: Matcher,
    private readonly answerer: Answerer,
    /** Study mode; without it, "quiz me" is just another question. */
    private readonly quiz?: Quiz,
  ) {
    this.overviews = { benefit: kb.listOf('advantages')?.id, drawback: kb.listOf('disadvantages')?.id };
    this.choosing = new Set(matcher.termsOf(CHOOSING_WORDS));
    this.ranking = new Set(matcher.termsOf(RANKING_WORDS));
  }

  /**
   * A message typed (or an `imBack` button's title) in a conversation with this memory. A quiz
   * command or an answer to the current quiz question goes to the quiz; anything else is a
   * question, answered with a note if a quiz is waiting.
   */
  respond(text: string, memory: ConversationMemory, progress: Progress = emptyProgress(), now: number = Date.now()): TurnResult {
    const quizTurn = this.quiz?.respond(text, memory.quiz, progress, now);
    if (quizTurn) return this.rememberQuiz(quizTurn, memory);
    // Matched once, and its follow-up cue read once: the pick, the follow-up and the answer all
    // read the same analysis.
    const match = this.matcher.match(text);
    const told = this.situationTold(text, match);
    const reply = this.replyTo(text, match, memory);
    // A situation the bot cannot answer on its own ("we run a small clinic") is no question it
    // failed: said to be kept, so that the student goes on to ask what they need.
    const result = this.remember(told !== undefined && reply.kind === 'fallback' && reply.declined === true ? this.answerer.situationNoted(told, reply) : reply, memory, told);
    if (!this.quiz || memory.quiz === null) return result;
    const session = { ...memory.quiz, paused: true };
    const note = this.quiz.pausedNote(session);
    const update: MemoryUpdate = (base) => ({ ...result.update(base), quiz: session });
    return { ...result, reply: { ...result.reply, text: `${result.reply.text}\n\n${note}` }, memory: update(memory), update };
  }

  /** A button press: it carries the entry id, so the entry is answered without matching. */
  respondToButton(entryId: string, memory: ConversationMemory): TurnResult | undefined {
    const reply = this.answerPicked(entryId, memory);
    return reply ? this.remember(reply, memory) : undefined;
  }

  /** A pressed quiz option: it carries its question's id, so a stale button answers nothing. */
  respondToQuizChoice(questionId: string, choice: number, memory: ConversationMemory, progress: Progress, now: number = Date.now()): TurnResult | undefined {
    const quizTurn = this.quiz?.respondToChoice(questionId, choice, memory.quiz, progress, now);
    return quizTurn ? this.rememberQuiz(quizTurn, memory) : undefined;
  }

  private rememberQuiz(turn: QuizTurn, memory: ConversationMemory): TurnResult {
    const reply: Reply = {
      kind: 'smalltalk',
      id: null,
      confidence: 1,
      text: turn.reply.text,
      suggestions: [],
      source: null,
      ...(turn.reply.ask ? { quiz: turn.reply.ask } : {}),
      ...(turn.reply.facts ? { facts: turn.reply.facts } : {}),
    };
    const update: MemoryUpdate = (base) => ({ ...base, pendingClarification: [], pendingExample: false, quiz: turn.session });
    return { reply, memory: update(memory), update, progress: turn.progress, ...(turn.graded ? { quizAnswer: turn.graded } : {}) };
  }

  private replyTo(text: string, match: MatchResult, memory: ConversationMemory): Reply {
    const cue = this.answerer.followUpCue(match);
    // "Say that again" or "I don't understand" after "Did you mean…?" is about that question, not
    // the topic before it, and picks none of its options.
    if ((cue === 'again' || cue === 'unclear') && memory.pendingClarification.length > 0) return this.answerer.didYouMean(memory.pendingClarification);
    const chosen = this.answerer.entryIdByTitle(text) ?? this.pick(text, match, memory.pendingClarification);
    const picked = chosen === undefined ? undefined : this.answerPicked(chosen, memory);
    if (picked) return picked;
    const situated = this.forSituation(text, match, memory.situation);
    if (situated) return situated;
    const followUp = memory.lastTopic === null ? this.afterDecline(text, match, cue, memory) : this.followUp(text, match, cue, memory.lastTopic, memory.seenTopics);
    const reply = followUp ?? this.answerer.answerMatch(match);
    return memory.lastTopic === null ? reply : (this.detailAsked(reply, match, memory.lastTopic) ?? this.sideAsked(reply, match, memory.lastTopic) ?? reply);
  }

  /**
   * "What's the practical problem?" after the hybrid cloud: one side of the part just given, which
   * the matcher answered with the same whole answer again. The lecture's facts on that side are
   * the reply, under the part's title, as "any downsides?" gets them.
   */
  private sideAsked(reply: Reply, match: MatchResult, lastTopic: string): Reply | undefined {
    const side = sideNamed(match.normalised);
    // A yes or no ("is it a good idea?") weighs both sides, which the whole answer gives.
    if (side === undefined || match.reading.yesNo || reply.kind !== 'answer' || reply.id !== lastTopic || match.normalised.split(' ').length > CONTEXT_WORDS) return undefined;
    if (reply.text !== this.answerer.answerEntry(lastTopic)?.text) return undefined;
    return this.answerer.sideOf(lastTopic, side);
  }

  /**
   * "Who runs it?", "where are they put?", "what do I have to provide?" after a part: a detail of
   * the answer just given, which the follow-up or the matcher answered with the same whole answer
   * again. The sentence of it that shares the question's words is the reply, under the part's
   * title: the student asked for that, and had the rest already.
   */
  private detailAsked(reply: Reply, match: MatchResult, lastTopic: string): Reply | undefined {
    if (reply.kind !== 'answer' || reply.id !== lastTopic || !DETAIL_ASKED.test(match.normalised) || match.normalised.split(' ').length > CONTEXT_WORDS) return undefined;
    if (reply.text !== this.answerer.answerEntry(lastTopic)?.text) return undefined;
    return this.answerer.detailOf(lastTopic, match.explanation.terms);
  }

  /**
   * The statement of the student's situation a message is, if it is one: not asked as a question,
   * not smalltalk, not a belief about the lecture the matcher checked ("I think PaaS is the
   * intermediate model"), and short enough to keep whole. About the student or their team; or,
   * where the bot could not answer it, about someone else ("a primary school wants shared
   * documents for its teachers"): a statement the matcher answers without "we" or "I" ("the
   * bus is cheap") says something of the lecture.
   */
  private situationTold(text: string, match: MatchResult): string | undefined {
    const said = text.trim();
    if (said.endsWith('?') || said.length > SITUATION_CHARS || match.kind === 'smalltalk') return undefined;
    if (match.direct?.kind === 'claim' || match.direct?.kind === 'elsewhere') return undefined;
    const { normalised } = match;
    const known = this.matcher.termCount(normalised) - this.matcher.unknownCount(normalised);
    // A question asked within it ("random q but what's the difference between…") tells nothing.
    if (QUESTION_OPENING.test(normalised) || ASKED_WITHIN.test(normalised) || known === 0) return undefined;
    // Without "we" or "I", a whole sentence: "in simpler words" or "and specific drivers" asks more of the last answer.
    return FIRST_PERSON.test(normalised) || (match.kind === 'fallback' && normalised.split(' ').length >= TOLD_WORDS) ? said : undefined;
  }

  /**
   * "We're a small startup." "We don't want to manage servers." "But we want to write our own
   * code." "So which model should we pick?": a choice with nothing of its own to choose by, after
   * the student told their situation over several messages, is the question asked of all of them
   * together, as one message asks it. Said so, with what was told, so that a student who meant
   * something else sees why. Only where that settles more than the question alone, and within
   * any family the question names ("which service model?").
   */
  private forSituation(text: string, match: MatchResult, situation: readonly string[]): Reply | undefined {
    if (situation.length === 0) return undefined;
    // "PaaS or SaaS?": parts of one family offered and nothing else, a bare choice among them.
    const offered = OR.test(match.normalised) ? this.matcher.namedBy(match.normalised.replace(CHOOSING_ONLY, ' ').replace(/\bor\b/g, ' ').replace(/\s+/g, ' ').trim()).filter((id) => this.kb.parentOf(id) !== undefined) : [];
    const among = offered.length >= 2 && offered.every((id) => areSiblings(id, offered[0] ?? id)) ? offered : [];
    const bare = among.length > 0 || (CHOICE_OPENING.test(match.normalised) && match.normalised.replace(CHOOSING_ONLY, ' ').trim() === '');
    // "Which benefit helps most?", "does the cloud help?", "what cloud benefit matters most here?":
    // which of the lecture's reasons bears on what was told, and nothing else asked.
    const reason = !bare && REASON_ASKED.test(match.normalised) && match.normalised.replace(CHOOSING_ONLY, ' ').replace(REASON_WORDS, ' ').trim() === '';
    // "So is the cloud a good fit?", "should we move the processing to the cloud?": whether to use
    // the cloud at all, naming nothing but it, which the reason the situation describes bears on.
    const fit = !bare && !reason && FIT_ASKED.test(match.normalised) && this.matcher.namesIn(match.normalised).every((id) => this.isSubject(id));
    if (!bare && !reason && !fit) return undefined;
    // "Which cloud benefits matter for us?": several, as many as the statements each describe.
    if (reason && MANY_ASKED.test(match.normalised)) {
      const several = this.reasonsTold(match, situation);
      if (several !== undefined) return several;
    }
    const whole = this.matcher.match([...situation.map((said) => (/[.!?]$/.test(said) ? said : `${said}.`)), text].join(' '));
    if (whole.kind !== 'answer' && whole.kind !== 'clarify') return undefined;
    if (whole.kind === 'answer' && (whole.id === null || (match.kind === 'answer' && whole.id === match.id))) return undefined;
    // Asked for a model or a kind of cloud, the answer is one of the alternatives (or their overview), not a reason for or against.
    const families = this.matcher.namesIn(match.normalised).filter((id) => this.kb.childrenOf(id).length > 0);
    const alternatives = (id: string | null) => {
      const family = id === null ? undefined : this.kb.childrenOf(id).length > 0 ? this.kb.get(id) : this.kb.parentOf(id);
      return family !== undefined && isTopic(family) && family.lists === undefined && (families.length === 0 || families.includes(family.id));
    };
    // Asked for a reason, the answer is one of a list's parts, of the list named if one is.
    const reasonOf = (id: string | null) => {
      const list = id === null ? undefined : this.kb.parentOf(id);
      return list?.lists !== undefined && (families.length === 0 || families.includes(list.id));
    };
    const fits = (id: string | null) => (among.length > 0 ? id !== null && among.includes(id) : reason || fit ? reasonOf(id) : (families.length === 0 && !ASKS_FOR_A_KIND.test(match.normalised)) || alternatives(id));
    // Among the parts offered, only one of them settles it; a "did you mean…?" would only offer them again.
    if (!(whole.kind === 'answer' ? fits(whole.id) : among.length === 0 && whole.candidates.some((candidate) => fits(candidate.id)))) return undefined;
    // Whether to use the cloud is the lecture's to weigh only reason by reason: which list the one
    // that fits is on, said first, never a yes or no.
    return goingBy(situation, (fit && whole.id !== null ? this.answerer.answerPlaced(whole.id) : undefined) ?? this.answerer.answerMatch(whole));
  }

  /**
   * The parts of the list a plural reason question asks for ("which benefits matter for us?")
   * that the statements told describe, each matched alone; at least two, or none: one is the
   * whole situation's answer, which `forSituation` gives.
   */
  private reasonsTold(match: MatchResult, situation: readonly string[]): Reply | undefined {
    const families = this.matcher.namesIn(match.normalised).filter((id) => {
      const entry = this.kb.get(id);
      return entry !== undefined && isTopic(entry) && entry.lists !== undefined;
    });
    const found = situation.flatMap((said) => {
      const alone = this.matcher.match(said);
      const list = alone.kind === 'answer' && alone.id !== null ? this.kb.parentOf(alone.id) : undefined;
      return list?.lists !== undefined && (families.length === 0 || families.includes(list.id)) && alone.id !== null ? [{ id: alone.id, list: list.id }] : [];
    });
    const [first] = found;
    const ids = [...new Set(found.filter(({ list }) => list === first?.list).map(({ id }) => id))];
    if (first === undefined || ids.length < 2) return undefined;
    const reply = this.answerer.partsOf(first.list, ids);
    return reply === undefined ? undefined : goingBy(situation, reply);
  }

  private remember(reply: Reply, memory: ConversationMemory, told?: string): TurnResult {
    const answered = reply.kind === 'answer' ? reply.id : null;
    // A question the matcher declined ("what is docker") has moved away from the last topic,
    // so a "tell me more" after it is not about that topic. The follow-ups' honest "no" (no
    // example, nothing more) and the prompt after "ok" stay on the topic.
    const declined = reply.declined === true;
    const pending = reply.kind === 'clarify' ? reply.suggestions.map((suggestion) => suggestion.id) : [];
    // Two topics given side by side were both discussed, the answered one last: "what's the
    // difference?" or "an example of each" after "is X the same as Y?" is about the two.
    const discussed = answered === null ? [] : [...(reply.pair ?? []).filter((id) => id !== answered), answered];
    const update: MemoryUpdate = (base) => ({
      ...base,
      lastTopic: answered ?? (declined ? null : base.lastTopic),
      afterDecline: declined,
      pendingClarification: pending,
      pendingExample: reply.asksForExample === true,
      seenTopics: answered === null ? base.seenTopics : [...base.seenTopics.filter((id) => !discussed.includes(id)), ...discussed].slice(-SEEN_TOPICS_KEPT),
      // A statement adds to the situation; questions in a row leave it behind.
      situation: told !== undefined ? [...base.situation, told].slice(-SITUATION_KEPT) : base.askedSinceSituation + 1 >= SITUATION_QUESTIONS ? [] : base.situation,
      askedSinceSituation: told !== undefined ? 0 : base.askedSinceSituation + 1,
    });
    const next = update(memory);
    // Follow-ups the student has not seen yet come first; Teams shows only three.
    const seen = new Set(next.seenTopics);
    const suggestions =
      reply.kind === 'answer' ? [...reply.suggestions].sort((a, b) => Number(seen.has(a.id)) - Number(seen.has(b.id))) : reply.suggestions;
    return { reply: { ...reply, suggestions }, memory: next, update };
  }

  /** After "Did you mean…?": a number, an ordinal, or words from one option's title. */
  private pick(text: string, fresh: MatchResult, options: readonly string[]): string | undefined {
    if (options.length === 0) return undefined;
    const ordinal = ORDINAL.exec(fresh.normalised)?.[1];
    if (ordinal !== undefined) return options[placeOf(ordinal, options.length) - 1];
    // A new question that the matcher answers with another entry is not a pick.
    if (fresh.kind === 'answer' && fresh.id !== null && !options.includes(fresh.id)) return undefined;
    return this.matcher.pickedBy(text, options);
  }

  /** An entry picked by button, title or number; after "An example of what?", its example. */
  private answerPicked(id: string, memory: ConversationMemory): Reply | undefined {
    const entry = this.kb.get(id);
    if (memory.pendingExample && entry && isTopic(entry)) return this.exampleOf(id, entry.answer);
    return this.answerer.answerEntry(id);
  }

  /** "Give me an example", "any downsides?", "tell me more", "why?" about the last topic. */
  private followUp(text: string, match: MatchResult, cue: FollowUpCue | undefined, lastTopic: string, seen: readonly string[]): Reply | undefined {
    const entry = this.kb.get(lastTopic);
    if (!entry || !isTopic(entry)) return undefined;
    const named = NAMES_ONLY.test(match.normalised) ? this.answerer.offerChildren(lastTopic, true) : undefined;
    if (named !== undefined) return named;
    const part = this.partByPlace(lastTopic, match) ?? this.otherParts(lastTopic, match, seen) ?? this.wholeList(lastTopic, match);
    if (part !== undefined) return part;
    // "So is the cloud a good fit?" after a reason for or against: which list the reason is on.
    if (this.kb.parentOf(lastTopic)?.lists !== undefined && FIT_ASKED.test(match.normalised) && this.matcher.namesIn(match.normalised).every((id) => this.isSubject(id))) {
      return this.answerer.answerPlaced(lastTopic);
    }
    const ranked = this.rankedInContext(lastTopic, match, seen);
    if (ranked !== undefined) return ranked;
    const compared = this.comparedIn(lastTopic, match);
    if (compared !== undefined) return this.answerer.answerEntry(compared);
    const unranked = this.unrankedPair(lastTopic, match, seen);
    if (unranked !== undefined) return unranked;
    if (DIFFERENCE.test(match.normalised)) return this.differenceOf(lastTopic, seen) ?? this.comparisonOf(lastTopic);
    const ofTwo = WHICH_OF_TWO.test(match.normalised) ? this.oneOfPair(lastTopic, seen, match) : undefined;
    if (ofTwo !== undefined) return ofTwo;
    const from = this.differenceFrom(lastTopic, match);
    if (from !== undefined) return from;
    const opposite = OPPOSITE.test(match.normalised) ? this.oppositeList(lastTopic) : undefined;
    if (opposite !== undefined) return opposite;
    if (cue === 'unclear') return this.answerer.unclearAbout(lastTopic);
    if (cue === 'again') return this.answerer.answerEntry(lastTopic);
    if (cue === 'example') return (EACH.test(match.normalised) ? this.examplesOfPair(lastTopic, seen) : undefined) ?? this.exampleOf(lastTopic, entry.answer);
    if (cue === 'why') return this.kb.childrenOf(lastTopic).length > 0 ? this.answerer.offerChildren(lastTopic) : this.answerer.reasonFor(lastTopic);
    // More of this topic, never another topic's answer passed off as more of this one.
    if (cue === 'more') return this.answerer.offerChildren(lastTopic) ?? this.answerer.nothingMore(lastTopic);
    // "Where is the example located?", "who runs that example?": the example of the topic just
    // given, whose sentences answer it, or that the lecture gives none; where the question names
    // no topic of its own.
    if (THE_EXAMPLE.test(match.normalised) && this.matcher.namesIn(match.normalised).length === 0) {
      return this.ownExample(lastTopic, entry.answer) ?? this.answerer.notInLecture(lastTopic, 'example');
    }
    // Thanks or a goodbye points back at nothing: the "that" of "thanks, that's all" is no topic.
    // Asking for help may ("who uses it?" reads as "who are you?").
    const remark = match.kind === 'smalltalk' && match.id !== this.matcher.helpEntry();
    // "True or false: IaaS is …" reads as "is it true that IaaS is …", whose "it" and "that" point at nothing.
    const refersBack = BACK_REFERENCE.test(withoutBelief(match.normalised)) && !remark;
    // "Pros and cons?" after IaaS: both of the part's own sides, where its answer gives both (IaaS's
    // good and bad points), the side asked first first; not the lecture's two lists, which are the
    // cloud's. Not an overview's: its sentences are each one part's.
    const both = match.reading.bothSides;
    if (both !== undefined && this.kb.childrenOf(lastTopic).length === 0 && !namesTopicBesidesLists(this.matcher.namesIn(match.normalised), this.overviews)) {
      const sides = (both === 'advantage' ? (['benefit', 'drawback'] as const) : (['drawback', 'benefit'] as const)).map((side) => answerPart(entry.answer, side));
      const said = [...new Set(sides.flatMap((side) => (side === undefined ? [] : sentencesOf(side))))];
      if (sides.every((side) => side !== undefined)) return this.answerer.answerPart(lastTopic, said.join(' '));
      // One of alternatives whose answer does not give both (PaaS): its facts on each side, and
      // that the lecture names none on the other; not the cloud's two lists.
      const family = this.kb.parentOf(lastTopic);
      const facts = family !== undefined && family.lists === undefined ? this.answerer.sidesOf(lastTopic, both) : undefined;
      if (facts !== undefined) return facts;
    }
    if (continues(text, match) && (cue === 'drawback' || cue === 'benefit')) {
      // A part of one side's list has no sides of its own: "what are the advantages then?" after
      // a drawback asks for the other list, unless it points back at the part ("its advantages").
      const asked = this.overviews[cue];
      const opposite = this.overviews[cue === 'drawback' ? 'benefit' : 'drawback'];
      if (!refersBack && asked !== undefined && opposite !== undefined && this.kb.parentOf(lastTopic)?.id === opposite) return this.answerer.answerEntry(asked);
      // "What is that benefit called?" after disaster mitigation: the part itself, one of that
      // side's list. Not "its advantages", which asks for more than the part.
      if (THAT_ONE.test(match.normalised) && asked !== undefined && this.kb.parentOf(lastTopic)?.id === asked) return this.answerer.answerEntry(lastTopic);
      // Nor has a part of a list a side of the list's own: "summarise all the drawbacks" after
      // security asks for the list security is one of, where "its drawbacks" asks of security.
      if (!refersBack && asked !== undefined && this.kb.parentOf(lastTopic)?.id === asked) return this.answerer.answerEntry(asked);
      // The part of this answer if it has one; else the question about this topic, if that
      // leads somewhere new ("downsides" of the cloud are the drawbacks); else an honest no.
      // "Of" the title, as a question about a topic's side is asked: "advantages? of Private cloud".
      const elsewhere = this.inContext(`${text} of`, entry.title);
      // "Its advantages" after what the cloud is: the lecture's list of them, not the one benefit
      // its definition names ("lowers operating costs"). Only for a topic outside every overview
      // with none of its own; a part's advantages are the part's.
      const list = this.overviews[cue];
      const wholeList = list !== undefined && elsewhere?.id === list && this.kb.parentOf(lastTopic) === undefined && this.kb.childrenOf(lastTopic).length === 0;
      return (
        (wholeList ? elsewhere : undefined) ??
        this.part(lastTopic, entry.answer, cue) ??
        // The topic's own fact on that side, as the question asked with its name gets it: "advantages?"
        // after the private cloud is its full control, which its answer says without "advantage".
        (elsewhere?.id === lastTopic && entry.facts.some((fact) => fact.side === SIDE_OF[cue]) ? elsewhere : undefined) ??
        // A sibling is another topic: "any downsides?" after the public cloud is not the hybrid
        // cloud's, though the hybrid answer names the public cloud and a drawback.
        (elsewhere?.id && elsewhere.id !== lastTopic && !areSiblings(elsewhere.id, lastTopic) ? elsewhere : undefined) ??
        (elsewhere?.id === lastTopic ? this.backToOverview(lastTopic, cue) : undefined) ??
        this.answerer.notInLecture(lastTopic, cue === 'drawback' ? 'drawbacks' : 'benefits')
      );
    }
    // "Which of them is intermediate?" after IaaS chooses among IaaS's family, not within IaaS: the
    // question as asked, where it answers within that family.
    const family = this.kb.parentOf(lastTopic);
    if (refersBack && AMONG_THEM.test(match.normalised) && family !== undefined && match.kind === 'answer' && match.id !== null && (match.id === family.id || this.kb.parentOf(match.id)?.id === family.id)) return undefined;
    // "And if they installed everything themselves?" after PaaS: the situation changed, asked of
    // itself, which the question answers alone with another part of the same family; its "they"
    // are the people in it, not the topic. Words that alone leave the family are read in it below.
    if (HYPOTHETICAL.test(match.normalised) && match.kind === 'answer' && match.id !== null && match.id !== lastTopic && areSiblings(match.id, lastTopic)) return undefined;
    // A situation told and then named in one message ("we rent a whole machine… is that SaaS?"),
    // which the matcher settled as a claim: its "that" is the situation, not the last topic.
    if (refersBack && match.kind === 'answer' && match.direct?.kind === 'claim') return undefined;
    // "Is that a reason against the cloud?" after latency: whether the part just answered is one of
    // the family named, asked of it by name, as "is latency a reason against the cloud?" is. With
    // the title added after it instead, the family's long name outweighs the part's.
    const families = this.matcher.namesIn(match.normalised).filter((id) => !this.isSubject(id));
    if (match.reading.yesNo && !PRONOUN.test(text) && ASKED_OF_THAT.test(text) && families.length > 0 && families.every((id) => this.kb.childrenOf(id).length > 0)) {
      const asked = this.answerer.answerQuestion(text.replace(ASKED_OF_THAT, /\(([^)]+)\)$/.exec(entry.title)?.[1] ?? spokenName(entry)));
      if (asked.kind === 'answer' && asked.id === lastTopic) return asked;
    }
    // "What's the downside of the cloud for them?" names what the lists are of, the cloud: the list
    // it matches answers, whatever its pronoun points at (the student's people, not the part).
    // Not a yes or no, which asks whether the part is one: "is that a reason against the cloud?".
    if (match.kind === 'answer' && match.id !== null && !match.reading.yesNo && Object.values(this.overviews).includes(match.id) && this.namesSubject(match)) return undefined;
    // "Is that public or private?" after the private cloud: a choice between parts the message
    // names, one of them the part just answered, asked of what was answered, is that part, named
    // first. With the title in the pronoun's place, the names offered outweigh it, and the two
    // parts' overview answered leaves the student to choose.
    const offered = this.matcher.namesIn(match.normalised).filter((id) => areSiblings(id, lastTopic) || id === lastTopic);
    if (refersBack && OR.test(match.normalised) && offered.length >= 2 && offered.includes(lastTopic) && match.normalised.split(' ').length <= CONTEXT_WORDS) {
      return this.answerer.answerNaming(lastTopic) ?? this.answerer.answerEntry(lastTopic);
    }
    // With another part named ("is it cheaper than PaaS?"), or in a yes or no ("is it on-site?"),
    // the title takes the pronoun's place: added at the end, it would turn the question round, or
    // make it a claim that the pronoun's words are the topic.
    // Asked with the topic in place, a question that leaves the bot unsure between that topic and
    // another ("is SaaS secure?": SaaS or security?) asks which, rather than answering the pronoun's
    // words alone, which drop the topic: "is it secure?" alone is the security drawback.
    if (refersBack) return this.inContext(text, entry.title, match.reading.yesNo || this.matcher.namesIn(match.normalised).some((id) => id !== lastTopic && this.kb.parentOf(id) !== undefined), lastTopic, spokenName(entry));
    const within = this.withinPart(text, match, lastTopic);
    if (within !== undefined) return within;
    const kept = this.roleIn(lastTopic, match) ?? this.continuedInContext(text, match, lastTopic);
    if (kept !== undefined) return kept;

    if (match.kind === 'answer' || match.kind === 'smalltalk') return undefined;
    return this.settledByContext(text, match, lastTopic) ?? this.sentenceAbout(lastTopic, entry.answer, match);
  }

  /**
   * "In theory?" after the hybrid cloud, "particularly with what?" after latency, "what is shared
   * then?" after the public cloud: a short question the matcher could not settle, naming no topic,
   * about a detail of the answer just given. The sentence of that answer that has the most of the
   * question's words answers it, if it has at least half of them.
   */
  private sentenceAbout(lastTopic: string, answer: string, match: MatchResult): Reply | undefined {
    const asked = new Set(match.explanation.terms);
    if (asked.size === 0 || match.normalised.split(' ').length > CONTEXT_WORDS || this.matcher.namesIn(match.normalised).length > 0) return undefined;
    let best: { sentence: string; shared: number } | undefined;
    for (const sentence of sentencesOf(answer)) {
      const shared = new Set(this.matcher.termsOf(sentence).filter((term) => asked.has(term))).size;
      if (shared > (best?.shared ?? 0)) best = { sentence, shared };
    }
    return best !== undefined && best.shared * 2 >= asked.size ? this.answerer.answerPart(lastTopic, best.sentence) : undefined;
  }

  /**
   * "Does the provider set up the OS?" after IaaS: a yes or no that names no topic, right after a
   * part of an overview of alternatives (not a list of reasons), is asked within that part ("in
   * IaaS, does the provider…"), where what it believes is corrected if the lecture gives it under
   * another part. Alone, its words match the part that does it (PaaS), as if the student had
   * changed topic. So is a short question whose words alone match another family. Only where the
   * reply is about the part.
   */
  private withinPart(text: string, match: MatchResult, lastTopic: string): Reply | undefined {
    // Not after a part of a list of reasons: "is there a legal issue too?" after security asks for another reason.
    const overview = this.kb.parentOf(lastTopic);
    if (overview === undefined || overview.lists !== undefined || match.id === lastTopic || match.reading.comparison !== undefined) return undefined;
    // "Who sets up the OS?" after IaaS asks who does it there; alone, its words match PaaS, where the provider does.
    const asksWho = WHO_ASKED.test(match.normalised) && match.normalised.split(' ').length <= CONTEXT_WORDS;
    // A name is a topic of its own ("and the hybrid cloud?"), unless a who-question asks it of what
    // the last topic's answer itself names: "who handles scaling?" after IaaS, whose answer leaves
    // you the scaling, is not about the benefit named "scaling".
    const ownNames = asksWho ? this.matcher.namesIn(this.kb.get(lastTopic)?.answer ?? '') : [];
    // Nor a yes or no of one of the part's duties: "do I have to handle scaling too?" after IaaS
    // asks whether the student does the scaling there, not about the benefit named "scaling".
    if (this.matcher.namesIn(match.normalised).some((id) => !ownNames.includes(id))) return match.reading.yesNo ? this.answerer.answerDutyWithin(lastTopic, match) : undefined;
    // Any short question whose words alone leave the family ("what does the provider do?" after
    // PaaS matched the public cloud's providers) is asked within the part too.
    const leaves = match.kind === 'answer' && match.id !== null && (this.kb.parentOf(match.id)?.id ?? match.id) !== overview.id;
    // Not a choice: "which should a hospital use?" after the hybrid cloud chooses among them all.
    const asksWithin = leaves && !match.reading.choosing && ASKED.test(match.normalised) && match.normalised.split(' ').length <= CONTEXT_WORDS;
    if (!match.reading.yesNo && !asksWithin && !asksWho) return undefined;
    // By its shortest name, as a student would ask it: "in IaaS", not "in Infrastructure as a service (IaaS)".
    const reply = this.answerer.answerQuestion(`in ${shortName(this.kb.get(lastTopic)?.title ?? '')}, ${text}`);
    if (reply.kind === 'answer' && reply.id === lastTopic) return reply;
    // Whether the student does a duty there, or who does, said from the part's duties.
    const duty = this.answerer.answerDutyWithin(lastTopic, match);
    if (duty !== undefined) return duty;
    // Who does it, asked where the words alone name a sibling's role, is the part's answer, which
    // says who does what in it, whatever the question model makes of the words.
    return asksWho && match.id !== null && this.kb.parentOf(match.id)?.id === overview.id ? this.answerer.answerEntry(lastTopic) : undefined;
  }

  /**
   * "And if I just provide the data?" after IaaS and PaaS, "any other definition?" after what the
   * cloud is: a short question that carries on from the last topic and names nothing of its own
   * stays with that topic's family, where, asked again with the family's title, it lands there.
   * The words alone had matched another family ("data" the public cloud's, "other" its "other
   * users"). A question that names its topic ("and the hybrid cloud?") is left as it is.
   */
  private continuedInContext(text: string, match: MatchResult, lastTopic: string): Reply | undefined {
    if (match.kind !== 'answer' || match.id === null || !CARRIES_ON.test(match.normalised) || match.normalised.split(' ').length > CONTEXT_WORDS) return undefined;
    if (this.matcher.namesIn(match.normalised).length > 0) return undefined;
    const familyOf = (id: string) => this.kb.parentOf(id)?.id ?? id;
    const family = familyOf(lastTopic);
    if (familyOf(match.id) === family) return undefined;
    // Asked with the family's title, not the part's: with the part's, the part itself would win.
    const reply = this.inContext(text, this.kb.get(family)?.title ?? '');
    return reply?.id !== undefined && reply.id !== null && familyOf(reply.id) === family ? reply : undefined;
  }

  /**
   * "What do I have to do myself?" after SaaS: the student's part is the part of the topic under
   * discussion, though the words alone ("myself") match the model where you do everything
   * yourself. Only where the question names no topic and compares nothing, and only after a part
   * of an overview, where who does what differs from part to part.
   */
  private roleIn(lastTopic: string, match: MatchResult): Reply | undefined {
    if (!OWN_ROLE.test(match.normalised) || match.reading.comparison !== undefined || match.reading.choosing) return undefined;
    if (this.kb.parentOf(lastTopic) === undefined || this.matcher.namesIn(match.normalised).length > 0) return undefined;
    return match.id === lastTopic ? undefined : this.answerer.answerEntry(lastTopic);
  }

  /**
   * "What are the three types?" after the service models, "is there another definition?" after
   * what the cloud is: a short question the matcher could not settle alone ("Did you mean…?", or
   * declined) is asked again with the last topic's title, and answered if that lands in the same
   * family, the overview or one of its parts. A question that lands elsewhere is left as it was.
   */
  private settledByContext(text: string, match: MatchResult, lastTopic: string): Reply | undefined {
    if (!ASKED.test(match.normalised) || match.normalised.split(' ').length > CONTEXT_WORDS) return undefined;
    // "Which is the biggest con?" after the list of benefits asks it of the other list,
    // which it names ("con" is a name of the drawbacks).
    const list = this.kb.parentOf(lastTopic) ?? this.kb.get(lastTopic);
    if (list !== undefined && isTopic(list) && list.lists !== undefined) {
      const other = this.kb.listOf(list.lists === 'advantages' ? 'disadvantages' : 'advantages');
      if (other !== undefined && this.matcher.namesIn(match.normalised).includes(other.id)) return this.inContext(text, other.title);
    }
    const family = this.kb.parentOf(lastTopic)?.id ?? lastTopic;
    const reply = this.inContext(text, this.kb.get(lastTopic)?.title ?? '');
    const id = reply?.id ?? null;
    // The same part again answers nothing new: "so which should I pick?" after security is not
    // security. Unless the matcher itself offered that part among others ("who controls the
    // computers?" after the private cloud: the private cloud or the control drawback?), and the
    // question chooses nothing: the part just discussed settles which was meant.
    const offered = match.kind === 'clarify' && !match.reading.choosing && match.candidates.some((candidate) => candidate.id === lastTopic);
    // Nor where the question's own words, beside its choosing ones, already led the rules there:
    // "which should I use for email?" after SaaS chooses by the lecture's example of it, which the
    // question model alone, reading a choice of mail programs, declined.
    const ownWords = match.reading.choosing && match.explanation.terms.some((term) => !this.choosing.has(term)) && match.candidates[0]?.id === lastTopic;
    if (id === null || (id === lastTopic && family !== lastTopic && !offered && !ownWords)) return undefined;
    return id === family || this.kb.parentOf(id)?.id === family ? reply : undefined;
  }

  /**
   * "Which is cheaper?" after IaaS or PaaS asks to compare the models, and their overview's table
   * does ("IaaS often costs more"). Without this, the matcher answers the words alone, and
   * "cheaper" found the definition's "lowers operating costs". Only a question made of choosing
   * words is taken so: "which is faster to deploy" or "which one is google" asks about something.
   */
  private comparedIn(lastTopic: string, match: MatchResult): string | undefined {
    const terms = match.explanation.terms;
    if (!WHICH.test(match.normalised) || terms.length === 0 || !terms.every((term) => this.choosing.has(term))) return undefined;
    const overview = [this.kb.get(lastTopic), this.kb.parentOf(lastTopic)].find((entry) => entry !== undefined && isTopic(entry) && entry.comparison !== undefined);
    return overview?.id;
  }

  /**
   * "Which gives more control?" after the public and private clouds is about those, not the
   * service models, though IaaS gives the most control too: a comparison that names no topic is
   * answered from the facts of the family just discussed, when one of its entries ranks there.
   */
  private rankedInContext(lastTopic: string, match: MatchResult, seen: readonly string[]): Reply | undefined {
    const asked = match.reading.comparison;
    if (asked === undefined) return undefined;
    // "And cheaper?" after "which one is more secure?": the choice asked again along another scale.
    const scaleWords = this.matcher.scalePhrases(asked.scale);
    const fragment = match.normalised.replace(FRAGMENT_OPENING, '').split(' ').every((word) => scaleWords.includes(word) || COMPARING_WORD.test(word));
    if (!match.reading.choosing && !fragment) return undefined;
    // A question that names what the matcher answered ("which service model…", "saas or paas")
    // chose for itself; "control" naming the control drawback does not.
    const answeredFamily = match.id === null ? undefined : (this.kb.parentOf(match.id)?.id ?? match.id);
    // Nor does the scale's own word, where it is a name too: "which one is more secure?" after two
    // clouds compares them on security; it does not ask about the security drawback.
    const withoutScale = match.normalised.split(' ').filter((word) => !scaleWords.includes(word)).join(' ');
    if (this.matcher.namesIn(withoutScale).some((id) => id === match.id || id === answeredFamily)) return undefined;
    const family = this.kb.parentOf(lastTopic)?.id ?? lastTopic;
    // A list's parts are reasons, not the kinds a question asks for: "which model often has higher
    // costs?" after the costs drawback chooses among what the facts rank, as the matcher did.
    const familyEntry = this.kb.get(family);
    if (familyEntry !== undefined && isTopic(familyEntry) && familyEntry.lists !== undefined && match.direct?.kind === 'facts' && ASKS_FOR_A_KIND.test(match.normalised)) return undefined;
    const ranked = this.kb.childrenOf(family).flatMap((child) => child.facts.filter((fact) => fact.scale === asked.scale).map((fact) => ({ id: child.id, fact })));
    const hit = ranked.find(({ fact }) => fact.rank === asked.rank);
    // "Which needs less effort?" after IaaS and PaaS compares those two: when the lecture ranks
    // the end asked for elsewhere (SaaS is the least effort), the one of the two not ranked at the
    // other end (IaaS takes the most effort), as the matcher answers "PaaS or IaaS?"; else their
    // overview, with what it ranks of the two.
    const pair = [...seen].reverse().filter((id) => this.kb.parentOf(id)?.id === family).slice(0, 2);
    if (asked.between === true && pair.length === 2 && (hit === undefined || !pair.includes(hit.id))) {
      const other = ranked.find(({ id, fact }) => pair.includes(id) && fact.rank !== asked.rank && fact.hedged !== true);
      const chosen = other === undefined ? undefined : pair.find((id) => id !== other.id);
      const title = chosen === undefined ? undefined : this.kb.get(chosen)?.title;
      if (other !== undefined && chosen !== undefined && title !== undefined) return this.answerer.answerSaying(chosen, `By elimination, ${shortName(title)}. ${other.fact.says}`);
      const says = ranked.filter(({ id }) => pair.includes(id)).map(({ fact }) => fact.says);
      if (says.length > 0) return this.answerer.answerSaying(family, says.join(' '));
      // "Which gives more control?" after PaaS and SaaS, neither of which the lecture ranks on
      // control: that it does not say, and what it ranks instead (IaaS gives the most), never the
      // one it ranks as if it were one of the two.
      const [first, second] = pair;
      if (ranked.length > 0 && first !== undefined && second !== undefined) return this.answerer.answerNotRanked(family, asked, ranked.map(({ fact }) => fact.says), [second, first]);
    }
    // The matcher's answer stands when it is already of this family.
    if (answeredFamily === family) return undefined;
    // "Which is cheaper?" after the public and private clouds, which the lecture ranks on no cost:
    // their overview, saying so, as the matcher says it of a question that names them.
    if (ranked.length === 0 && this.kb.childrenOf(family).length > 0) return this.answerer.answerNotRanked(family, asked);
    // "Which is cheaper?" after IaaS, when the lecture ranks only the other end ("IaaS often costs
    // more"): the overview, saying so, and what it does rank.
    if (hit === undefined) return this.answerer.answerNotRanked(family, asked, ranked.map(({ fact }) => fact.says));
    return this.answerer.answerSaying(hit.id, hit.fact.says);
  }

  /**
   * "Tell me more about the 3rd one" after an overview: its third part, in the order the overview
   * lists them. After one of its parts, the list is still the overview's: "and the fourth one?"
   * after the third walks on down it.
   */
  private partByPlace(lastTopic: string, match: MatchResult): Reply | undefined {
    const list = this.kb.childrenOf(lastTopic).length > 0 ? lastTopic : this.kb.parentOf(lastTopic)?.id;
    const children = list === undefined ? [] : this.kb.childrenOf(list);
    const ordinal = children.length === 0 ? undefined : PART_ORDINAL.exec(match.normalised)?.[1];
    if (list === undefined || ordinal === undefined) return undefined;
    const child = children[placeOf(ordinal, children.length) - 1];
    // A place past the end of the list ("the 7th one" of five drawbacks): the list, to pick from.
    return child === undefined ? this.answerer.offerChildren(list) : this.answerer.answerEntry(child.id);
  }

  /**
   * "How many reasons are there?", "list them in one line" after a part of a list, or the list
   * itself: the list, which counts and names its parts. Its words alone ("reasons") read as a why,
   * and "them" as the part just given. Not a message that is a list of its own ("list all reasons
   * not to" after the reasons to), nor smalltalk ("thanks, that's all").
   */
  private wholeList(lastTopic: string, match: MatchResult): Reply | undefined {
    if (!HOW_MANY.test(match.normalised) && !(match.reading.asksList && LIST_OF_THEM.test(match.normalised))) return undefined;
    if (this.matcher.namesIn(match.normalised).length > 0 || match.kind === 'smalltalk') return undefined;
    const list = this.kb.childrenOf(lastTopic).length > 0 ? lastTopic : this.kb.parentOf(lastTopic)?.id;
    if (match.kind === 'answer' && match.id !== null && match.id !== list && this.kb.childrenOf(match.id).length > 0) return undefined;
    return list === undefined ? undefined : this.answerer.answerEntry(list);
  }

  /**
   * "And the other one?" after a part: the one part of its overview not yet discussed, or, with
   * several left, the choice between them. The words alone ("other") match whatever entry says
   * "other users", as the public cloud's does.
   */
  private otherParts(lastTopic: string, match: MatchResult, seen: readonly string[]): Reply | undefined {
    const overview = this.kb.parentOf(lastTopic);
    // "Any other reasons?" right after a list: it has no others, which is said before it.
    const title = this.kb.get(lastTopic)?.title;
    if (overview === undefined && title !== undefined && this.kb.childrenOf(lastTopic).length > 0 && (OTHER_ONES.test(match.normalised) || this.anotherOf(lastTopic, match.normalised))) {
      return this.answerer.answerSaying(lastTopic, `The lecture gives no others under "${title}": these are all.`);
    }
    if (overview === undefined || !(OTHER_ONES.test(match.normalised) || this.anotherOf(overview.id, match.normalised))) return undefined;
    const left = this.kb.childrenOf(overview.id).filter((child) => !seen.includes(child.id));
    const [only] = left;
    // "And the other?" after one of two siblings discussed, with more than one left (two reasons
    // compared, then one of them asked for): the other of those two. With one left, it is that one.
    const before = left.length !== 1 && OTHER_ONE.test(match.normalised) ? [...seen].reverse().find((id) => id !== lastTopic && areSiblings(id, lastTopic)) : undefined;
    if (before !== undefined) return this.answerer.answerEntry(before);
    if (only === undefined) return this.answerer.offerChildren(overview.id);
    return left.length === 1 ? this.answerer.answerEntry(only.id) : this.answerer.othersIn(overview.id, left.map((child) => child.id));
  }

  /** "Another drawback?" after a part of the drawbacks: another of that list, the side named or none. */
  private anotherOf(overview: string, normalised: string): boolean {
    const found = ANOTHER.exec(normalised) ?? ELSE.exec(normalised);
    if (found === null) return false;
    // A side said with the list word: "other reasons not to use it" are drawbacks, "to use it" benefits.
    const side = found[2];
    if (side !== undefined) return overview === this.overviews[/not|against/.test(side) ? 'drawback' : 'benefit'];
    const word = found[1];
    if (word === undefined || (!BENEFIT_WORDS.has(word) && !DRAWBACK_WORDS.has(word))) return true;
    return overview === this.overviews[BENEFIT_WORDS.has(word) ? 'benefit' : 'drawback'];
  }

  /**
   * "What's the difference?" right after an overview that compares its parts (the service models'
   * table): that overview, whose table is the difference. After any other single topic, nothing.
   */
  private comparisonOf(lastTopic: string): Reply | undefined {
    const entry = this.kb.get(lastTopic);
    return entry !== undefined && isTopic(entry) && entry.comparison !== undefined ? this.answerer.answerEntry(lastTopic) : undefined;
  }

  /**
   * "What is the opposite?", "and the other side?" after a list of one side, or a part of it: the
   * list of the other side. After a part ranked at one end of a scale ("SaaS needs the least
   * effort"), the one sibling ranked at the other end, with the fact that ranks it.
   */
  private oppositeList(lastTopic: string): Reply | undefined {
    const list = this.kb.childrenOf(lastTopic).length > 0 ? lastTopic : this.kb.parentOf(lastTopic)?.id;
    const { benefit, drawback } = this.overviews;
    const other = list === benefit ? drawback : list === drawback ? benefit : undefined;
    if (other !== undefined) return this.answerer.answerEntry(other);
    const entry = this.kb.get(lastTopic);
    const family = this.kb.parentOf(lastTopic);
    if (entry === undefined || !isTopic(entry) || family === undefined) return undefined;
    const ranked = entry.facts.filter((own) => own.scale !== undefined && own.rank !== undefined);
    const ends = ranked.flatMap((own) =>
      this.kb.childrenOf(family.id).flatMap((sibling) => sibling.facts.filter((fact) => fact.scale === own.scale && fact.rank !== undefined && fact.rank !== own.rank).map((fact) => ({ id: sibling.id, says: fact.says }))),
    );
    const [end, ...more] = ends;
    return end === undefined || more.some((other) => other.id !== end.id) ? undefined : this.answerer.answerSaying(end.id, end.says);
  }

  /**
   * "Which is about deployment?" after agility and elasticity: the one of the two the question's
   * words reach, where they reach only one of them. Alone, the words may reach a third topic as
   * well ("deployment" names the deployment models), and the bot would ask which.
   */
  private oneOfPair(lastTopic: string, seen: readonly string[], match: MatchResult): Reply | undefined {
    const pair = this.lastPair(lastTopic, seen);
    if (pair === undefined) return undefined;
    const reached = match.candidates.filter((candidate) => candidate.id === pair[0] || candidate.id === pair[1]);
    const [only] = reached;
    return only === undefined || reached.length > 1 ? undefined : this.answerer.answerEntry(only.id);
  }

  /**
   * "What's the difference?" after two topics: the last two, compared; after one, nothing to
   * compare. An overview and one of its own parts are not two things to tell apart (the overview
   * describes the part): after the private cloud, the three deployment models and then the hybrid
   * cloud, the question is about the private and the hybrid cloud.
   */
  private differenceOf(lastTopic: string, seen: readonly string[]): Reply | undefined {
    const pair = this.lastPair(lastTopic, seen);
    return pair === undefined ? undefined : this.answerer.compareTwo(...pair, lastTopic);
  }

  /**
   * "What's the difference from scalability?" after elasticity: the last topic and the one sibling
   * the question names, compared, where the name alone would answer only the sibling.
   */
  private differenceFrom(lastTopic: string, match: MatchResult): Reply | undefined {
    if (!match.reading.comparing) return undefined;
    // "IaaS" names the service models too, by it: the overview of a part named is no second name.
    const names = this.matcher.namesIn(match.normalised);
    const named = names.filter((id) => id !== lastTopic && !names.some((part) => this.kb.parentOf(part)?.id === id));
    const [other] = named;
    if (other === undefined || named.length > 1 || !areSiblings(other, lastTopic)) return undefined;
    const parent = this.kb.parentOf(lastTopic);
    const table = parent?.comparison === undefined ? undefined : parent.id;
    // Both named ("what's the difference between PaaS and SaaS?" after SaaS): in the order asked.
    const [first, second] = names.includes(lastTopic) && this.matcher.namedFirst(match.normalised, lastTopic, other) === other ? [other, lastTopic] : [lastTopic, other];
    return this.answerer.sameOrNot(this.answerer.compareTwo(first, second, table, lastTopic), match);
  }

  /**
   * "Which is more important?" or "which one matters most?" after a list of one side, or after two
   * parts of one overview: the lecture says which needs more effort or costs more (its scales),
   * never which matters more, so that is said, then what it says of each. The words alone would
   * match some other entry, as "matters most" did the service models.
   */
  private unrankedPair(lastTopic: string, match: MatchResult, seen: readonly string[]): Reply | undefined {
    const terms = match.explanation.terms;
    if (!match.reading.choosing || match.reading.comparison !== undefined || terms.length === 0 || !terms.every((term) => this.ranking.has(term))) return undefined;
    // Right after a list of one side ("why use the cloud?"), "which is the most important?" asks
    // which of the list: the lecture ranks its parts no more than any two of them.
    const listed = this.answerer.unrankedList(lastTopic);
    if (listed !== undefined) return listed;
    // Two parts of one overview: "which matters more" of IaaS and what the cloud is compares nothing.
    const pair = this.lastPair(lastTopic, seen);
    return pair?.[2] === undefined ? undefined : this.answerer.compareUnranked(...pair);
  }

  /**
   * The last two topics discussed, the latest second, with their overview when they share one.
   * Replies that compare them keep the latest as their id, so that the conversation stays on the
   * pair: "which is better" after "what's the difference" is still about the two. Of the topics
   * before the latest, a part of the same overview comes first: after the public cloud, security
   * and the private cloud, the difference asked is the two clouds', not security's and a cloud's.
   */
  private lastPair(lastTopic: string, seen: readonly string[]): [string, string, string | undefined] | undefined {
    const related = (id: string) => id === lastTopic || this.kb.parentOf(id)?.id === lastTopic || this.kb.parentOf(lastTopic)?.id === id;
    const before = [...seen].reverse().filter((id) => !related(id));
    const previous = before.find((id) => areSiblings(id, lastTopic)) ?? before[0];
    if (previous === undefined) return undefined;
    const parent = this.kb.parentOf(lastTopic);
    return [previous, lastTopic, parent !== undefined && this.kb.parentOf(previous)?.id === parent.id ? parent.id : undefined];
  }

  /**
   * A benefits or drawbacks follow-up that leads back to the topic just answered. If that topic is
   * the overview of what was asked ("why use the cloud", then "benefits?"), its parts are the
   * answer; if it is the overview of the opposite ("why not use the cloud", then "and the
   * upsides?"), the overview asked for is; any other overview offers its parts, as before.
   */
  private backToOverview(lastTopic: string, cue: 'drawback' | 'benefit'): Reply | undefined {
    const asked = this.overviews[cue];
    const opposite = this.overviews[cue === 'drawback' ? 'benefit' : 'drawback'];
    if (asked !== undefined && asked !== lastTopic && opposite === lastTopic) return this.answerer.answerEntry(asked);
    return this.answerer.offerChildren(lastTopic);
  }

  /**
   * "Any downsides?" right after a question CloudBot declined ("what is docker") asks about what
   * was declined, not about the cloud: it asks which topic is meant, as "tell me more" does with
   * no topic before it. A bare "downsides" is a new question.
   */
  private afterDecline(text: string, match: MatchResult, cue: FollowUpCue | undefined, memory: ConversationMemory): Reply | undefined {
    if (!memory.afterDecline) return undefined;
    // After a decline there is no topic a chat word could lean on: a bare "cons" is a new question too.
    return (cue === 'drawback' || cue === 'benefit') && continues(text, match) && !CHAT_SIDE.test(match.normalised) ? this.answerer.askWhatAbout(cue) : undefined;
  }

  /**
   * A topic's example, or the honest reply that the lecture gives none. An overview with none of
   * its own gives its parts' ("give an example" after the drawbacks is the hospital data of
   * security): the one part's example, or the choice of the parts that have one.
   */
  private exampleOf(id: string, answer: string): Reply | undefined {
    const own = this.ownExample(id, answer);
    if (own !== undefined) return own;
    const parts = this.kb.childrenOf(id).flatMap((child) => {
      const example = this.ownExample(child.id, child.answer);
      return example === undefined ? [] : [{ child, example }];
    });
    const [first] = parts;
    if (first === undefined) return this.answerer.notInLecture(id, 'example');
    if (parts.length > 1) return this.answerer.didYouMean(parts.map(({ child }) => child.id));
    const title = this.kb.get(id)?.title ?? '';
    return { ...first.example, text: `The lecture gives no example of "${title}" as a whole; it gives one for "${first.child.title}":\n\n${first.example.text}` };
  }

  /** Whether a message names what the lecture's lists are of, the cloud. */
  private namesSubject(match: MatchResult): boolean {
    return this.matcher.namesIn(match.normalised).some((id) => this.isSubject(id));
  }

  /** What the lecture's lists are of, the cloud: a topic of no family, with no parts, that lists nothing. */
  private isSubject(id: string): boolean {
    const entry = this.kb.get(id);
    return entry !== undefined && isTopic(entry) && entry.lists === undefined && this.kb.parentOf(id) === undefined && this.kb.childrenOf(id).length === 0;
  }

  private ownExample(id: string, answer: string): Reply | undefined {
    const example = this.answerer.exampleText(id, answer);
    return example === undefined ? undefined : this.answerer.answerPart(id, example);
  }

  /**
   * "Give an example of each" after two topics: the example of each, or that the lecture gives
   * none for one; with none for either, none. Each topic's own example only: an overview's parts'
   * would answer a question about a part of it.
   */
  private examplesOfPair(lastTopic: string, seen: readonly string[]): Reply | undefined {
    const pair = this.lastPair(lastTopic, seen);
    if (pair === undefined) return undefined;
    return this.answerer.examplesOfTwo(pair[0], pair[1]);
  }

  /** The sentences of an answer that give the part asked for, with the entry's title and citation. */
  private part(id: string, answer: string, part: AnswerPart): Reply | undefined {
    const found = answerPart(answer, part);
    return found === undefined ? undefined : this.answerer.answerPart(id, found);
  }

  /**
   * The question asked again with the last topic's title added, or, where a pronoun points back at
   * it (`inPlace`), put in the pronoun's place: "is it cheaper than PaaS?" after IaaS asks whether
   * IaaS is, which the title added at the end would turn round. With `offering`, a "did you mean"
   * that offers that topic too.
   */
  private inContext(text: string, title: string, inPlace = false, offering?: string, spoken = title): Reply | undefined {
    // In the pronoun's place, a title's abbreviation, where it has one: "is it secure?" after IaaS
    // is "is IaaS secure?", where the whole title's "as a service" reads as a claim that it is one.
    // Else what the topic is called in a sentence (`spokenName`); after the question, the title.
    const replaced = inPlace ? text.replace(PRONOUN, /\(([^)]+)\)$/.exec(title)?.[1] ?? spoken) : text;
    const reply = this.answerer.answerQuestion(replaced === text ? `${text} ${title}` : replaced);
    if (reply.kind === 'answer') return reply;
    return offering !== undefined && reply.kind === 'clarify' && reply.suggestions.some((suggestion) => suggestion.id === offering) ? reply : undefined;
  }
}
