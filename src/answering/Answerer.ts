import type { Entry, KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { Comparison, TopicEntry } from '../knowledge/schema';
import { areSiblings, isTopic } from '../knowledge/KnowledgeBase';
import { asksAgreement, claimIn, joinsTwo, negates, preferredTo } from '../matching/asking';
import { asksNothing, type Matcher, type MatchKind, type MatchResult } from '../matching/Matcher';
import type { Duty } from '../matching/rules/types';
import { normalise } from '../matching/normalise';
import { answerPart } from './answerPart';
import { type FollowUpCue, FollowUpCues } from './followUpCues';
import { sentencesOf } from './sentencesOf';

/** Study mode is driven by commands, which students cannot guess: the welcome and help name them. */
const STUDY_MODE = 'Say "quiz me" to test yourself, and "my progress" to see how you are doing.';

/** The question back to a follow-up that has no topic to follow. */
const WHAT_ABOUT: Readonly<Record<FollowUpCue, string>> = {
  example: 'An example of what?',
  more: 'More about what?',
  // "why?" with nothing before it is as open as "tell me more".
  why: 'More about what?',
  drawback: 'Downsides of what?',
  benefit: 'Benefits of what?',
  unclear: 'What is unclear?',
  again: 'Say what again?',
};

/**
 * An entry's answer under its title in bold. Many answers open with their title ("Scalability:
 * spend more, get more"), which is then the one put in bold, rather than said twice.
 */
function titled(entry: TopicEntry): string {
  return underTitle(entry.title, entry.answer);
}

/** Text under a title in bold; text that opens with the title ("Elasticity: …") has it put in bold, not said twice. */
function underTitle(title: string, text: string): string {
  const trimmed = text.trim();
  return trimmed.toLowerCase().startsWith(`${title}:`.toLowerCase()) ? `**${trimmed.slice(0, title.length)}**${trimmed.slice(title.length)}` : `**${title}**: ${trimmed}`;
}

/** A button the user can press: it carries the entry id, so pressing it never re-matches its title. */
export interface Suggestion {
  id: string;
  title: string;
}

/** What the bot says, independent of any channel: the bot, `ask` and the eval all use this. */
export interface Reply {
  kind: MatchKind;
  /** The entry answered, or null when the bot asks or declines. */
  id: string | null;
  confidence: number;
  /** Markdown. */
  text: string;
  suggestions: Suggestion[];
  /** The lecture section the answer comes from, for citations. */
  source: { section: string; anchor: string } | null;
  /** How the question was matched; absent when the reply was chosen by id (a button). */
  match?: MatchResult;
  /** A table to show with the answer, for the comparison entries. */
  comparison?: Comparison;
  /** A quiz question being asked: its options, shown as buttons that carry the question id. */
  quiz?: { questionId: string; options: string[] };
  /** Set on "An example of what?": the topic picked next is asked for its example, not its whole answer. */
  asksForExample?: true;
  /** A summary such as quiz progress per topic, which card channels show as a card instead of `text`. */
  facts?: FactSheet;
  /** Set when the matcher declined a question: the conversation has moved away from its last topic. */
  declined?: true;
  /** The two topics a reply gives side by side (compared, or asked at once): both have now been discussed. */
  pair?: readonly [string, string];
}

/**
 * Label and value pairs under a heading, with a closing note. `text` says the same in Markdown
 * for channels without cards; a channel that renders the card shows it alone, not both.
 */
export interface FactSheet {
  heading: string;
  rows: { title: string; value: string }[];
  note: string;
}

/** "What disadvantage is that?", "what cloud benefit is this": one of a family, asked for by "what". */
const WHAT_ONE_IS = /\bwhat (?:\S+ ){1,3}(?:is|are) (?:that|this|it|these|those)\b/;

/**
 * A question that asks for an example: "what's an example of X", "give examples of X", "explain X
 * with an example", "e.g.?", "IaaS example?". Not "for example", which introduces the student's own.
 */
const EXAMPLE_ASKED = /\b(?:an?|one|some|any|give|name|with|two|three) (?:\w+ )?examples?\b|\bexamples? of\b|^examples?\b|(?<!\bfor )\bexamples?$/;

/** "Of each", "for every one", "of all the": an example asked of every part. */
const EACH_ONE = /\b(?:each|every|all)\b/;

/** A negation up to three words before a belief: "not", "never", "without us resizing things". */
const NEGATED_BEFORE = / (?:not|no|never|without|nor)(?: \S+){0,3}$/;

/** Articles and possessives, which a belief may be said with or without. */
const DETERMINERS = / (?:the|a|an|your|my|our|their|its) /g;

/** A text (spaces around) without its articles and possessives. */
function withoutDeterminers(text: string): string {
  // Twice: neighbouring ones share the space between them ("in a your").
  return text.replace(DETERMINERS, ' ').replace(DETERMINERS, ' ');
}

/** The first of two choices asked at once: "which …" opening the question, or after a few words ("so, which …"). */
const TWO_CHOICES = /^(?:\w+ ){0,3}which\b/;

/** A sentence that opens by pointing back at the one before it. */
const POINTS_BACK = /^(?:This|That|These|Those|It|They)\b/;

/** A half of a message that asks a question of its own: "what is PaaS", "also tell me what elasticity is", "give 2 advantages". */
/** "What is X", "what's a X", "who is X", "what's in X", "tell me about X": a thing asked for itself. */
const WHAT_IS_THING = /^(?:so )?(?:what (?:is|are)|who (?:is|are)|tell me about) (?:in |at )?(?:an? |the )?(.+)$/;
/** A thing a student names for itself is short: "microsoft azure", "a taxi". */
const MENTION_WORDS = 3;
const HALF_ASKS = /^(?:also |then |so |please |can you |could you )*(?:what|whats|why|how|which|who|where|when|explain|define|describe|give|list|name|outline|state|say|tell|compare|discuss|identify)\b/;
/** A half that points back at the other's topic: "give one drawback of it". */
const POINTS_BACK_TO = /\b(?:it|its|they|them|their|this|that|these|those)\b/;
/** A verb, then what it asks about: "explain latency", "define paas". */
const NAMES_AFTER = /^(?:explain|define|describe|tell me about) (.+)$/;

/**
 * Turns questions and entry ids into replies. It owns every sentence the bot says that is not
 * an entry's answer, so that those stay consistent across channels and tools.
 */
export class Answerer {
  private readonly lectureName: string;
  /** The topics a student can start from; the knowledge base is immutable, so they are looked up once. */
  private readonly overviews: readonly Entry[];
  /** Each topic's answer, normalised and padded with spaces, built on first use (`onlyMentioned`). */
  private answerWords: ReadonlyMap<string, string> | undefined;
  /** Entry ids by lower-cased title, the first entry winning, as a Teams `imBack` button comes back. */
  private readonly idsByTitle = new Map<string, string>();
  private readonly followUps: FollowUpCues;
  /** Each entry's answer sentences as terms, for yes-or-no questions; the knowledge base is immutable. */
  private readonly analysedAnswers = new Map<string, { title: ReadonlySet<string>; sentences: { sentence: string; words: ReadonlySet<string> }[] }>();
  /** Each entry's `opposites`, normalised, with the sentence that says each: built on first use, once per instance. */
  private readonly normalisedOpposites = new Map<string, { sentence: string; said: string; denied: string[] }[]>();
  /** "Difference", "compare", as the matcher's terms: a comparison asked with a typo ("diference") is one too. */
  private readonly comparingTerms: ReadonlySet<string>;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly matcher: Matcher,
    /** The lecture page citations link to; without it (the `ask` command), citations are plain. */
    private readonly lectureUrl?: string,
  ) {
    // "Lecture 5: Cloud computing" is cited as "Lecture 5".
    const short = kb.lecture.title.split(':')[0]?.trim();
    this.lectureName = short !== undefined && short !== '' ? short : 'the lecture';
    this.overviews = kb.overviews;
    for (const entry of kb.entries) {
      const title = entry.title.toLowerCase();
      if (!this.idsByTitle.has(title)) this.idsByTitle.set(title, entry.id);
    }
    this.followUps = new FollowUpCues(matcher);
    this.comparingTerms = new Set(matcher.termsOf('difference differences differ compare comparison contrast distinguish'));
  }

  /**
   * Matches a question and replies with an answer, a clarification or a fallback. A follow-up
   * such as "tell me more" with no topic before it is not a question about any entry, even when
   * its words match one ("more" is in "spend more, get more"): it is asked "about what?".
   */
  answerQuestion(question: string): Reply {
    return this.answerMatch(this.matcher.match(question));
  }

  /** As `answerQuestion`, for a question the caller has already matched. */
  answerMatch(match: MatchResult): Reply {
    const cue = this.followUpCue(match);
    if (cue === 'more' || cue === 'why' || cue === 'example') return this.askWhatAbout(cue);
    // Not understanding, or asking to hear it again, with nothing before it: what can be asked.
    if (cue === 'unclear' || cue === 'again') return this.prompt();
    const two = this.sameOrNot(this.twoAsked(match) ?? this.twoChoices(match), match);
    if (two !== undefined) return { ...two, confidence: match.confidence, match };
    if ((match.kind === 'answer' || match.kind === 'smalltalk') && match.id !== null) {
      const entry = this.kb.get(match.id);
      if (entry) {
        const both = match.kind === 'answer' ? this.sameOrNot(this.differenceAsked(match, entry.id), match) : undefined;
        if (both !== undefined) return { ...both, confidence: match.confidence, match };
        const reply = this.withOtherSide(this.withCaveats(this.replyFor(entry, match.kind, match.confidence), entry, match), entry, match);
        const direct = match.kind === 'answer' && isTopic(entry) ? (this.directAnswer(match, entry) ?? this.noExampleSaid(match, entry)) : undefined;
        // "PaaS or SaaS, which needs less effort?": both were discussed, though one is answered, so
        // "which gives more control?" next compares the same two.
        const between = match.direct?.kind === 'facts' ? match.direct.between : undefined;
        const pair = between?.length === 2 && between.includes(entry.id) ? { pair: [between[0], between[1]] as [string, string] } : {};
        return { ...(direct === undefined ? reply : saidFirst(reply, direct)), ...pair, match };
      }
    }
    if (match.kind === 'clarify') return { ...this.didYouMean(match.candidates.map((candidate) => candidate.id), match.confidence), match };
    // "ok", "hmm", "i don't know" or nothing at all asked nothing, so there is nothing to apologise for.
    if (asksNothing(match.explanation.terms)) return this.prompt();
    // A near miss (one weak candidate) is offered first: the student may have meant it.
    const nearMiss = match.candidates
      .filter((candidate) => candidate.score >= this.matcher.clarifyThreshold && !candidate.id.startsWith('smalltalk.'))
      .slice(0, 1)
      .map((candidate) => candidate.id);
    const mentioned = this.onlyMentioned(match.normalised);
    return { ...(mentioned ?? this.familyFallback(match, nearMiss) ?? this.fallback(nearMiss)), confidence: match.confidence, match, declined: true };
  }

  /**
   * "…which disadvantage is this?", declined: the question asks for one of a family it names, and
   * the bot could not tell which. Declined all the same, but with that family's parts listed and
   * offered, rather than the lecture's topics, which the student has already narrowed down. Said
   * so that it holds for a question the lecture cannot answer at all ("which deployment model does
   * a streaming service use?"): the parts are what the lecture gives, not a guess at the answer.
   */
  private familyFallback(match: MatchResult, nearMiss: readonly string[]): Reply | undefined {
    if (!match.reading.choosing && !WHAT_ONE_IS.test(match.normalised)) return undefined;
    const named = this.matcher.familyAloneIn(match.normalised);
    const family = named === undefined ? undefined : this.kb.get(named);
    if (family === undefined) return undefined;
    const parts = this.kb.childrenOf(family.id);
    const offered = [...nearMiss.filter((id) => this.kb.parentOf(id)?.id === family.id), ...parts.map((part) => part.id), family.id];
    return {
      ...this.fallback(),
      text: [`Sorry, I can't tell which one that is from the lecture. Under "${family.title}" it gives:`, ...parts.map((part) => `- ${part.title}`), '', 'Pick one to read about it, or ask in other words.'].join('\n'),
      suggestions: this.suggestionsFor([...new Set(offered)]),
    };
  }

  /**
   * "What is Azure?", "what's a taxi?": a thing the lecture names in passing but never explains.
   * Declined all the same, but saying where the lecture mentions it, with that sentence, where
   * the thing is in one answer alone (or in a part and the overview that repeats it).
   */
  private onlyMentioned(normalised: string): Reply | undefined {
    const subject = WHAT_IS_THING.exec(normalised)?.[1];
    if (subject === undefined || subject.split(' ').length > MENTION_WORDS) return undefined;
    // Each answer normalised once per instance, on the first such question: most instances get none.
    this.answerWords ??= new Map(this.kb.topics.map((entry) => [entry.id, ` ${normalise(entry.answer)} `]));
    const words = this.answerWords;
    const mentions = (entry: TopicEntry) => words.get(entry.id)?.includes(` ${subject} `) === true;
    const found = this.kb.topics.filter(mentions);
    // The part, not the overview that repeats it: Azure is the public cloud's provider.
    const [entry, ...others] = found.filter((candidate) => !this.kb.childrenOf(candidate.id).some(mentions));
    const sentence = entry === undefined ? undefined : sentencesOf(entry.answer).find((text) => ` ${normalise(text)} `.includes(` ${subject} `));
    if (entry === undefined || others.length > 0 || sentence === undefined) return undefined;
    const section = this.kb.sectionOf(entry);
    // As the lecture spells it: "Azure", not the student's "azure".
    const shown = new RegExp(`\\b${subject.replace(/[^a-z0-9 ]/g, '').replace(/ /g, '\\W+')}\\b`, 'i').exec(sentence)?.[0] ?? subject;
    return {
      ...this.fallback([entry.id]),
      text: `The lecture does not explain "${shown}": it only mentions it, under "${entry.title}":\n\n> ${sentence}${section ? `\n\n${this.citation(section)}` : ''}`,
    };
  }

  /**
   * A question about the topic it was matched to and one sibling it names gets both answers, the
   * matched one first, with their overview's comparison table when it has one:
   * - "What is the difference between X and Y?", as the follow-up "what's the difference" does after two topics;
   * - "why pick X over Y?", "X rather than Y": what each is, to weigh one against the other;
   * - "what is X and what is Y?", "explain X and Y": both asked at once, where one answer leaves the other unsaid.
   * Not a choice ("which…"), a yes or no, or a direction ("is X cheaper than Y"), which other
   * rules answer in a sentence. The reply keeps the matched topic's id and confidence.
   */
  private differenceAsked(match: MatchResult, id: string): Reply | undefined {
    const parent = this.kb.parentOf(id);
    const { reading } = match;
    // A sentence said first ("the lecture does not say which costs least") answers what was asked; both answers would lose it.
    if (match.direct !== undefined) return undefined;
    if (parent === undefined) return this.partsCompared(match, id);
    if (!isTopic(parent)) return undefined;
    const preference = reading.comparing ? undefined : preferredTo(match.normalised);
    const together = !reading.comparing && preference === undefined && joinsTwo(match.normalised) && !reading.choosing && !reading.yesNo && reading.comparison === undefined;
    if (!reading.comparing && (preference === undefined || preference.givenUp) && !together) return undefined;
    // Asked at once, each by its name: "software" in a scenario about IaaS mentions SaaS but does not ask about it.
    const named = together
      ? this.matcher.namesIn(match.normalised).filter((sibling) => this.kb.parentOf(sibling)?.id === parent.id)
      : this.matcher.subTopicsMentioned(parent.id, match.explanation.terms);
    const other = named.find((sibling) => sibling !== id);
    if (named.length !== 2 || other === undefined || !named.includes(id)) return undefined;
    // With their overview's comparison table, when it has one (the service and deployment models).
    const table = parent.comparison === undefined ? undefined : parent.id;
    if (!together) return this.compareTwo(id, other, table, id, reading.comparing ? 'difference' : 'against');
    // Asked at once, they are answered in the order asked: "what are elasticity and fault tolerance?".
    return this.matcher.namedFirst(match.normalised, id, other) === other ? this.compareTwo(other, id, table, id, 'both') : this.compareTwo(id, other, table, id, 'both');
  }

  /**
   * "What is the difference between IaaS and PaaS?" matched to their overview: the two parts
   * compared, each in the lecture's words, with the overview's table, rather than every part of
   * the family with the two asked about among them. The reply keeps the overview's id.
   */
  private partsCompared(match: MatchResult, id: string): Reply | undefined {
    const overview = this.kb.get(id);
    // A word corrected to one of them: not "different", which asks for a list ("the different models").
    const corrected = match.explanation.corrections.map((correction) => correction.split(/[→≈]/)[1] ?? '');
    const comparing = match.reading.comparing || corrected.some((word) => this.matcher.termsOf(word).some((term) => this.comparingTerms.has(term)));
    if (!comparing || overview === undefined || !isTopic(overview)) return undefined;
    // Each by its name: the words of two parts ("public and private") are also the words of the part that combines them.
    const [first, second, ...more] = this.matcher.namesIn(match.normalised).filter((part) => this.kb.parentOf(part)?.id === id);
    if (first === undefined || second === undefined || more.length > 0) return undefined;
    const table = overview.comparison === undefined ? undefined : id;
    return this.matcher.namedFirst(match.normalised, first, second) === second ? this.compareTwo(second, first, table, id) : this.compareTwo(first, second, table, id);
  }

  /**
   * "Besides latency and costs, what other drawbacks are there?": the overview answered lists them
   * all, so the ones not set aside are named first, or, with none left, that there are no others.
   */
  private restOfList(match: MatchResult, entry: TopicEntry): string | undefined {
    const children = this.kb.childrenOf(entry.id);
    const aside = children.filter((child) => match.setAside?.includes(child.id));
    if (aside.length === 0) return undefined;
    const left = children.filter((child) => !aside.includes(child));
    const names = (of: readonly { title: string }[]) => TITLES.format(of.map((child) => shortName(child.title)));
    return left.length === 0 ? `The lecture gives no others under "${entry.title}": these are all.` : `Besides ${names(aside)}, the lecture gives ${names(left)}.`;
  }

  /** Entries' titles in quotes, as a list: ""Public cloud" and "Hybrid cloud"". */
  private quotedTitles(ids: readonly string[]): string {
    return TITLES.format(ids.flatMap((id) => this.kb.get(id)?.title ?? []).map((title) => `"${title}"`));
  }

  /**
   * "Which cloud shares infrastructure and which gives full control?": two choices in one
   * question, each answered by a part of its own, both given, the one asked first first. Each half
   * is matched alone, as any question is; a half that is no part of its own (a "which" asked of
   * the first, an overview) leaves the question to be answered whole.
   */
  private twoChoices(match: MatchResult): Reply | undefined {
    if (match.kind === 'smalltalk' || match.reading.yesNo || match.reading.comparing) return undefined;
    const halves = match.normalised.split(' and ');
    const [asked, also] = halves;
    if (halves.length !== 2 || asked === undefined || also === undefined || !TWO_CHOICES.test(asked) || !/^which\b/.test(also)) return undefined;
    const partIn = (text: string) => {
      const part = this.matcher.match(text);
      return part.kind === 'answer' && part.id !== null ? part.id : undefined;
    };
    const first = partIn(asked);
    // The second "which" chooses from what the first did: "which model needs the least effort and
    // which is the most basic?" asks the most basic model.
    const family = first === undefined ? undefined : this.kb.parentOf(first);
    const second = partIn(also) ?? (family === undefined ? undefined : partIn(`${also} ${family.names[0] ?? family.title}`));
    if (first === undefined || second === undefined || first === second) return undefined;
    if ([first, second].some((id) => this.kb.parentOf(id) === undefined || this.kb.childrenOf(id).length > 0)) return undefined;
    return this.compareTwo(first, second, undefined, first, 'both');
  }

  /**
   * "What is PaaS and what are the drawbacks of the cloud?", "define cloud computing and give two
   * advantages": two questions about topics of different families joined by one "and", each
   * answered whole when asked alone (the rules and the model agreeing), get both answers in the
   * order asked. Matched whole, one half wins and the other goes unsaid. Not a question that
   * compares, chooses, asks yes or no or weighs both sides ("the pros and cons of PaaS for us"), nor two
   * parts of one family, which `differenceAsked` answers with their overview's table, nor a
   * message the whole of which is about a third topic.
   */
  private twoAsked(match: MatchResult): Reply | undefined {
    const { reading } = match;
    if (match.kind === 'smalltalk' || reading.comparing || reading.choosing || reading.yesNo || reading.comparison !== undefined || reading.bothSides !== undefined) return undefined;
    const halves = match.normalised.split(' and ');
    const [asked, also] = halves;
    if (halves.length !== 2 || asked === undefined || also === undefined || asked === '' || also === '') return undefined;
    // Each half a question of its own ("…and give two advantages"), or two names after one verb
    // ("explain latency and PaaS"); not a half that points back ("…and give one drawback of it"),
    // nor two words of one question ("who handles updates and scaling").
    const namesAfterVerb = NAMES_AFTER.exec(asked)?.[1];
    if (POINTS_BACK_TO.test(also)) return undefined;
    const twoQuestions = HALF_ASKS.test(asked) && HALF_ASKS.test(also);
    if (!twoQuestions && !(namesAfterVerb !== undefined && this.matcher.namesOnly(namesAfterVerb) && this.matcher.namesOnly(also))) return undefined;
    const ids = halves.map((half) => this.matcher.agreedPart(half)?.id ?? null);
    const [first, second] = ids;
    if (first === undefined || second === undefined || first === null || second === null || first === second) return undefined;
    if (areSiblings(first, second) || [first, second].some((id) => id.startsWith('smalltalk.'))) return undefined;
    const related = (a: string, b: string) => this.kb.parentOf(a)?.id === b;
    if (related(first, second) || related(second, first)) return undefined;
    // A side named with nothing it is of ("describe a private cloud and state one advantage") is
    // the first topic's, where that is a part; of the subject ("define cloud computing and give two
    // benefits"), it is the lecture's list.
    const side = this.kb.get(second);
    if (side !== undefined && isTopic(side) && side.lists !== undefined && this.matcher.namesIn(also).every((id) => id === second) && this.kb.parentOf(first) !== undefined) return undefined;
    const whole = match.kind === 'answer' ? match.id : null;
    if (whole !== null && whole !== first && whole !== second && !related(first, whole) && !related(second, whole)) return undefined;
    return this.compareTwo(first, second, undefined, whole === first || whole === second ? whole : first, 'both');
  }

  /**
   * The one sentence a direct question gets before the entry's answer: the facts for "which
   * needs the least effort" or "the advantage of X", an honest "the lecture does not say" with
   * what it does say, or, for a yes-or-no question, the answer's sentence that speaks to it.
   */
  private directAnswer(match: MatchResult, entry: TopicEntry): string | undefined {
    const direct = match.direct;
    // A belief placed in another part whose own answer says the opposite ("in SaaS do I manage the
    // OS?" matched PaaS by its words, where the provider does) is not given there: no "Not in
    // SaaS: the lecture gives that under PaaS".
    const given = direct?.kind === 'elsewhere' ? this.kb.get(direct.given) : undefined;
    const misplaced = given !== undefined && isTopic(given) && this.denial(given, match.normalised) !== undefined;
    // A belief the answer says the opposite of is a no, whatever a claim matched by its words
    // confirmed or placed in another part: the part asked about says so itself.
    const confirms = direct === undefined || direct.kind === 'elsewhere' || (direct.kind === 'claim' && direct.claimed === entry.id);
    // A claim about to be confirmed is checked however it was asked: "public cloud means my data is public?".
    const checked = match.reading.yesNo || asksAgreement(match.normalised) || YES_NO_WITHIN.test(match.normalised) || direct?.kind === 'claim';
    const denial = confirms && checked ? this.denial(entry, match.normalised) : undefined;
    if (denial !== undefined) return denial;
    // "Is IaaS an advantage of the cloud?": whether it is one at all comes before any fact of it.
    const member = match.reading.yesNo || asksAgreement(match.normalised) ? this.membership(match, entry) : undefined;
    if (member !== undefined) return member;
    // "Is latency a benefit or a drawback?", "a reason for or against using the cloud?": which of
    // the two lists the part is on, where any sentence of its answer would leave the choice open.
    const list = this.kb.parentOf(entry.id);
    if (direct === undefined && list?.lists !== undefined && match.normalised.includes(' or ') && (match.reading.bothSides !== undefined || SIDES_OFFERED.test(match.normalised))) {
      return `The lecture gives "${entry.title}" under "${list.title}".`;
    }
    // Who does a duty in the part. One the part lists is the student's there, whatever the words
    // placed elsewhere ("in the hybrid cloud do we share infrastructure?" is not only the public
    // cloud's); one it does not, where the matcher read nothing more, such as the other part that
    // gives it, or only a part whose own answer denies it.
    const duty = this.dutyAsked(match, entry);
    // A belief placed by its words in a part where the student does not do the duty the question
    // reads ("in SaaS do you set up the OS?" matched PaaS, where the provider does): the parts the
    // knowledge base says the student does it in are the answer, not that part.
    const doneElsewhere = given !== undefined && duty !== undefined && !duty.yours && !duty.doers.includes(given.id);
    const readMore = direct !== undefined && !(direct.kind === 'claim' && direct.claimed === entry.id) && !(direct.kind === 'elsewhere' && (given === undefined || misplaced || doneElsewhere));
    if (duty !== undefined && (duty.yours || !readMore)) return duty.said;
    if (direct?.kind === 'facts') {
      // Named first: the facts are about the others, and the entry answered may be their overview.
      const chosen = direct.chosen === undefined ? undefined : this.kb.get(direct.chosen);
      // A yes or no the facts settle comes first, as a student asked it: "No: SaaS needs the least effort".
      // "Why does IaaS cost more?": a fact along a scale that gives no reason of its own answers
      // what, not why, and says so. Not a side ("why pick a private cloud?"), whose facts are the reasons.
      const noReason = direct.verdict === undefined && match.reading.comparison !== undefined && WHY_ASKED.test(match.normalised) && !direct.says.some((says) => GIVES_REASON.test(says));
      if (chosen === undefined) return [...(direct.verdict === undefined ? [] : [direct.verdict === 'yes' ? 'Yes:' : 'No:']), ...(noReason ? ['The lecture gives no reason; it says only:'] : []), ...direct.says].join(' ');
      // A full stop, not a colon: the facts have their own ("IaaS takes the most effort: …").
      // Of the parts where the student does what was wanted: why the end ranked (SaaS) is not it.
      const among = direct.doing === undefined ? '' : `, of the two where you ${direct.doing}`;
      return [`By elimination, ${shortName(chosen.title)}${among}.`, ...direct.says].join(' ');
    }
    // Said so, rather than letting the first of the list pass for the biggest.
    if (direct?.kind === 'odd-one-out') {
      const named = this.kb.get(direct.family);
      const own = this.kb.parentOf(entry.id);
      return named && own ? `${entry.title} is not under "${named.title}": the lecture gives it under "${own.title}".` : undefined;
    }
    // What the student believed, confirmed or corrected before the entry that answers it.
    if (direct?.kind === 'claim') {
      const claimed = this.kb.get(direct.claimed);
      if (claimed === undefined) return undefined;
      // Titles quoted, as the lecture's headings: "that is "Public cloud"", not "that is public cloud".
      if (claimed.id === entry.id) return `Yes: the lecture gives that under "${entry.title}".`;
      return direct.named === true
        ? `Not quite: the lecture gives "${entry.title}" and "${claimed.title}" as different things.`
        : `Not quite: the lecture gives that under "${entry.title}", not "${claimed.title}".`;
    }
    if (direct?.kind === 'elsewhere') return given === undefined || misplaced ? undefined : `Not in "${entry.title}": the lecture gives that under "${given.title}".`;
    // Why the answer is the one the question's words do not describe.
    if (direct?.kind === 'not-the-one') {
      const described = this.kb.get(direct.described);
      if (described === undefined) return undefined;
      if (direct.left !== undefined) return `Not "${described.title}", which the question describes without its negation. That leaves ${this.quotedTitles(direct.left)}.`;
      return `"${entry.title}", by elimination: without its negation, the question describes "${described.title}".`;
    }
    if (direct?.kind === 'duties') {
      if (direct.ruledOut.length === 0) return undefined;
      // Two or more left: each is an answer, and the overview says so.
      if (direct.left !== undefined && direct.left.length > 1) return `Not ${this.quotedTitles(direct.ruledOut)}: there you ${direct.duty}, which the question rules out. That leaves ${this.quotedTitles(direct.left)}.`;
      return `"${entry.title}", by elimination: in ${this.quotedTitles(direct.ruledOut)} you ${direct.duty}, which the question rules out.`;
    }
    if (direct?.kind === 'avoided') {
      const also = direct.others.length === 0 ? '' : direct.wanted ? ` In ${this.quotedTitles(direct.others)} you do.` : ` ${this.quotedTitles(direct.others)} includes it, so the same goes for it in part.`;
      return direct.wanted
        ? `"${entry.title}" is the one to avoid: there you do not ${direct.duty}, which the question wants to.${also}`
        : `"${entry.title}" is the one to avoid: there you ${direct.duty}, which the question rules out.${also}`;
    }
    if (direct?.kind === 'wanted-kept') {
      const kept = this.kb.get(direct.kept);
      if (kept === undefined) return undefined;
      // One left is the answer; more, and the overview says what each is.
      return this.kb.childrenOf(entry.id).length === 0
        ? `"${entry.title}", by elimination: what the question wants describes "${kept.title}", the one not to avoid.`
        : `What the question wants describes "${kept.title}": that is the one not to avoid.`;
    }
    if (direct?.kind === 'neither') {
      const [first, second] = direct.ruledOut.map((id) => this.kb.get(id)?.title);
      return first === undefined || second === undefined ? undefined : `"${entry.title}", by elimination: the question rules out "${first}" and "${second}".`;
    }
    if (direct?.kind === 'unranked') return noneRanked(`${direct.side}s`);
    if (direct === undefined) {
      const rest = this.restOfList(match, entry);
      if (rest !== undefined) return rest;
    }
    if (direct?.kind === 'subject-list') {
      const part = this.kb.get(direct.part);
      // The list's own heading says whose they are: the subject's as a whole, not the part's alone.
      // One item of it the question asked for ("for sensitive data") is answer enough by itself.
      if (part === undefined || this.kb.childrenOf(entry.id).length === 0) return undefined;
      return `The lecture names no ${direct.side} of ${partName(part.title)} in particular; it gives these under "${entry.title}".`;
    }
    if (direct?.kind === 'not-stated') {
      const asked = direct.asked;
      const what = 'side' in asked ? `name ${asked.side === 'advantage' ? 'an advantage' : 'a disadvantage'} of ${partName(entry.title)} in particular` : `say which ${direct.othersOnly === true ? 'of the others ' : ''}${hasEnd(asked)}`;
      return direct.instead.length > 0 ? `The lecture does not ${what}. What it does say: ${direct.instead.join(' ')}` : `The lecture does not ${what}.`;
    }
    if (match.reading.yesNo) {
      // "Is security the biggest drawback?": the lecture lists its reasons for and against the
      // cloud without ranking them, so neither yes nor no is the lecture's.
      const listed = this.kb.parentOf(entry.id)?.lists;
      if (listed !== undefined && RANKED_FIRST.test(match.normalised)) return noneRanked(listed);
      // A yes or no about two sub-topics of an overview ("is a private cloud more secure than a
      // public one") has no one sentence of it to answer: each is about one sub-topic, and the one
      // sharing the most words is the one naming both (the hybrid cloud), which answers nothing asked.
      if (this.matcher.subTopicsMentioned(entry.id, match.explanation.terms).length >= 2) return undefined;
      return this.sentenceAbout(entry, match.explanation.terms);
    }
    // "Where are the HPC clusters?", "in IaaS who does the updates?": a person or a place asked
    // of a part is one sentence of its answer, which may come last; not the sentence the answer
    // opens with, which would be said twice. An overview's sentences are each about one part.
    if (ASKS_WHO_OR_WHERE.test(match.normalised) && this.kb.childrenOf(entry.id).length === 0) return this.sentenceAbout(entry, match.explanation.terms, true);
    return undefined;
  }

  /**
   * "The private cloud is on-site, right?": a yes or no stating a belief the entry's answer says
   * the opposite of (`opposites`), and not the answer's own words, which a choice would also
   * name ("on-site or off-site?"). Not a belief negated ("not on-site"), which agrees, nor a choice.
   */
  private denial(entry: TopicEntry, normalised: string): string | undefined {
    let opposites = this.normalisedOpposites.get(entry.id);
    if (opposites === undefined) {
      const sentences = sentencesOf(entry.answer);
      opposites = entry.opposites.map(({ said, denied }) => {
        const key = normalise(said);
        const at = sentences.findIndex((sentence) => ` ${normalise(sentence)} `.includes(` ${key} `));
        const sentence = sentences[at] ?? entry.answer;
        // "It lowers operating costs" says nothing alone: the sentence its "it" points back to comes with it.
        const bare = (phrase: string) => withoutDeterminers(` ${normalise(phrase)} `).trim();
        return { said: bare(said), denied: denied.map(bare), sentence: at > 0 && POINTS_BACK.test(sentence) ? `${sentences[at - 1] ?? ''} ${sentence}` : sentence };
      });
      this.normalisedOpposites.set(entry.id, opposites);
    }
    // Without articles and possessives, which a belief is said with or without: "increases your
    // operating costs", "a private cloud", "the hardware".
    const text = withoutDeterminers(` ${normalised} `);
    // A choice ("lower or raise operating costs?") is no belief, whichever it names first.
    if (text.includes(' or ')) return undefined;
    // A belief negated a few words before ("without us resizing things by hand") is the lecture's own.
    const found = opposites.find(({ said, denied }) => !text.includes(` ${said} `) && denied.some((belief) => text.includes(` ${belief} `) && !NEGATED_BEFORE.test(text.slice(0, text.indexOf(` ${belief} `)))));
    return found === undefined ? undefined : `No: ${found.sentence}`;
  }

  /**
   * "Is latency an advantage of the cloud?", "is IaaS a deployment model?": whether the part
   * answered, named by the question, is one of the family the question names, said as a yes or a
   * no. Any sentence of the part's answer would leave a wrong belief standing.
   */
  private membership(match: MatchResult, entry: TopicEntry): string | undefined {
    const own = this.kb.parentOf(entry.id);
    // A choice ("a reason for or against using the cloud?") is answered by the part's place, not by a yes or no.
    if (own === undefined || match.normalised.includes(' or ')) return undefined;
    const claim = claimIn(match.normalised, (text) => this.matcher.familyNamedBy(text));
    const claimed = claim === undefined ? undefined : this.kb.get(claim.claimed);
    // The thing is the part itself, by its name: "is a CRM with no installs a drawback?" describes.
    if (claim === undefined || claimed === undefined || this.matcher.partNamedBy(claim.described) !== entry.id) return undefined;
    return claimed.id === own.id
      ? `Yes: the lecture gives "${entry.title}" under "${own.title}".`
      : `No: the lecture gives "${entry.title}" under "${own.title}", not "${claimed.title}".`;
  }

  /**
   * "In IaaS, who installs the OS?", "with PaaS do I write the code?", "who sets up the OS?" after
   * SaaS: who does a duty within the part answered, read from its family's duties (`duties`). The
   * student, where the part lists it; not the student, where only a sibling does, as the knowledge
   * base reads a duty a part does not list. The answer's sentences say what the part is, not who
   * does each thing: the one sharing the most words was often another fact ("maximum control of
   * the operating system"). Not where the question names another part of the family, which the
   * matcher then answered by its words, nor a negated one, which asks which part leaves it out.
   * Nothing where the answer's opening says it.
   */
  private dutyAsked(match: MatchResult, entry: TopicEntry): { said: string; yours: boolean; doers: readonly string[] } | undefined {
    const family = this.kb.parentOf(entry.id);
    const { normalised } = match;
    const who = ASKS_WHO.test(normalised);
    if (family === undefined || !(who || ASKS_IF_I_DO.test(normalised)) || match.reading.choosing || negates(normalised) || NONE.test(normalised)) return undefined;
    if (this.matcher.namesIn(normalised).some((id) => id !== entry.id && this.kb.parentOf(id)?.id === family.id)) return undefined;
    // What is asked is the main clause's: in "do you get full control if your organisation buys
    // them?" the buying is the condition, not the question.
    const head = normalised.split(SUBORDINATE)[0] ?? normalised;
    const asked = new Set(this.matcher.termsOf(head));
    // A duty is said in its own words, so each must be the question's: "install everything" reads
    // only "install", which "install anything" has too.
    const spoken = (phrase: string) => phrase.split(' ').every((word) => LIGHT_WORDS.has(word) || ` ${head} `.includes(` ${word} `) || this.matcher.termsOf(word).length > 0);
    // Each duty asked once, in its fullest words: "do the updates and do the scaling".
    const read = (parts: readonly string[]) => this.matcher.dutiesIn(asked, (duty) => parts.includes(duty.part) && spoken(duty.phrase));
    const phrases = (duties: readonly Duty[]) => [...new Map(duties.map((duty) => [duty.terms.join(' '), duty.phrase])).values()];
    const mine = phrases(read([entry.id]));
    const elsewhere = read(this.kb.childrenOf(family.id).flatMap((sibling) => (sibling.id === entry.id ? [] : [sibling.id])));
    const duties = mine.length > 0 ? mine : phrases(elsewhere);
    // Said by the answer's opening already ("the provider sets up the operating system"), it would be said twice.
    const opening = this.sentenceTerms(entry).sentences[0]?.words;
    if (duties.length === 0 || (opening !== undefined && duties.every((phrase) => this.matcher.termsOf(phrase).every((term) => opening.has(term))))) return undefined;
    const name = partName(entry.title);
    // "Can you use SaaS without setting up any software?" asks whether the duty can be left out:
    // yes where the part does not have it, as it asks the other way round.
    const after = WITHOUT.exec(head);
    const withoutTerms = after === null || who ? [] : this.matcher.termsOf(head.slice(after.index));
    const leftOut = withoutTerms.length > 0 && duties.every((phrase) => this.matcher.termsOf(phrase).every((term) => withoutTerms.includes(term)));
    const [yes, no] = who ? ['You do', 'Not you'] : leftOut ? ['No', 'Yes'] : ['Yes', 'No'];
    if (mine.length > 0) return { said: `${yes}: in ${name} you ${TITLES.format(duties)}.`, yours: true, doers: [entry.id] };
    // Where the student does do it, in the family's own order: "In IaaS you do."
    const doers = this.kb.childrenOf(family.id).filter((sibling) => elsewhere.some((duty) => duty.part === sibling.id));
    return { said: `${no}: in ${name} you do not ${OR_LIST.format(duties)}. In ${TITLES.format(doers.map((doer) => partName(doer.title)))} you do.`, yours: false, doers: doers.map((doer) => doer.id) };
  }

  /**
   * The sentence of an entry's answer that shares the most words with a question, beyond its
   * title's; `notOpening`, none where that is the sentence the answer opens with.
   */
  private sentenceAbout(entry: TopicEntry, terms: readonly string[], notOpening = false): string | undefined {
    const { title, sentences } = this.sentenceTerms(entry);
    const asked = terms.filter((term) => !title.has(term));
    let best: { sentence: string; overlap: number } | undefined;
    sentences.forEach(({ sentence, words }, index) => {
      // An aside in brackets ("(By contrast, …)") answers nothing on its own.
      if (notOpening && sentence.startsWith('(')) return;
      const overlap = asked.filter((term) => words.has(term)).length;
      // "This is particularly a problem with the hybrid cloud" says nothing alone: the sentence its
      // "this" points back to comes with it.
      const said = index > 0 && POINTS_BACK.test(sentence) ? `${sentences[index - 1]?.sentence ?? ''} ${sentence}` : sentence;
      if (overlap > 0 && (best === undefined || overlap > best.overlap)) best = { sentence: said, overlap };
    });
    // With the sentence a pronoun points back to, the opening may lead the one found.
    const opening = sentences[0]?.sentence;
    if (notOpening && opening !== undefined && best?.sentence.startsWith(opening) === true) return undefined;
    // Not the whole answer again, which follows at once.
    return best === undefined || best.sentence === sentences.map(({ sentence }) => sentence).join(' ') ? undefined : best.sentence;
  }

  /** An entry's title and answer sentences as the matcher's terms: analysed on first use, once per instance. */
  private sentenceTerms(entry: TopicEntry): { title: ReadonlySet<string>; sentences: { sentence: string; words: ReadonlySet<string> }[] } {
    let found = this.analysedAnswers.get(entry.id);
    if (found === undefined) {
      found = {
        title: new Set(this.matcher.termsOf(entry.title)),
        sentences: sentencesOf(entry.answer).map((sentence) => ({ sentence, words: new Set(this.matcher.termsOf(sentence)) })),
      };
      this.analysedAnswers.set(entry.id, found);
    }
    return found;
  }

  /** The follow-up a matched message is ("tell me more", "any downsides?"), from the match's own analysis. */
  followUpCue(match: MatchResult): FollowUpCue | undefined {
    // A whole phrasing of smalltalk ("what else can you do?") is that, whatever cue its words hold ("else").
    if (match.kind === 'smalltalk' && this.matcher.smalltalkPhrase(match.normalised) !== undefined) return undefined;
    return this.followUps.cueIn(match.normalised, match.explanation.terms);
  }

  /** The reply for a known entry id (a pressed button), or undefined if there is no such entry. */
  answerEntry(id: string): Reply | undefined {
    const entry = this.kb.get(id);
    if (!entry) return undefined;
    return this.replyFor(entry, isTopic(entry) ? 'answer' : 'smalltalk', 1);
  }

  /** A part's answer with the list it is on said first: "so is the cloud a good fit?" after a reason, which the lecture weighs no further. */
  answerPlaced(id: string): Reply | undefined {
    const entry = this.kb.get(id);
    const list = this.kb.parentOf(id);
    return entry === undefined || list === undefined ? undefined : this.answerSaying(id, `The lecture gives "${entry.title}" under "${list.title}".`);
  }

  /** "Is that public or private?" after the private cloud: the part's answer, with the part named first ("The private cloud."). */
  answerNaming(id: string): Reply | undefined {
    const entry = this.kb.get(id);
    if (entry === undefined) return undefined;
    const name = partName(entry.title);
    return this.answerSaying(id, `${name.charAt(0).toUpperCase()}${name.slice(1)}.`);
  }

  /**
   * A part's answer with who does the duty a question asks said first ("who parks?" after the
   * bus, whose words alone match the car), or nothing where the question reads no duty of its family.
   */
  answerDutyWithin(id: string, match: MatchResult): Reply | undefined {
    const entry = this.kb.get(id);
    const duty = entry !== undefined && isTopic(entry) ? this.dutyAsked(match, entry) : undefined;
    return duty === undefined ? undefined : this.answerSaying(id, duty.said);
  }

  /** An entry's answer with one sentence said first, as a question that asked for it gets it: a comparison resolved against the topics discussed, too. */
  answerSaying(id: string, sentence: string): Reply | undefined {
    const reply = this.answerEntry(id);
    return reply === undefined ? undefined : saidFirst(reply, sentence);
  }

  /**
   * The one sentence of a part's answer a detail asked of it shares the most words with ("who
   * runs it?" after the private cloud), as a part of that answer; none where the answer is that
   * one sentence, or none shares a word.
   */
  detailOf(id: string, terms: readonly string[]): Reply | undefined {
    const entry = this.kb.get(id);
    const sentence = entry !== undefined && isTopic(entry) ? this.sentenceAbout(entry, terms) : undefined;
    return sentence === undefined ? undefined : this.answerPart(id, sentence);
  }

  /**
   * Part of an entry's answer, for a follow-up such as "give me an example": the sentences asked
   * for, with the entry's title for context and its citation.
   */
  answerPart(id: string, part: string): Reply | undefined {
    const entry = this.kb.get(id);
    if (!entry) return undefined;
    const whole = this.replyFor(entry, 'answer', 1);
    const section = isTopic(entry) ? this.kb.sectionOf(entry) : undefined;
    const citation = section ? `\n\n${this.citation(section)}` : '';
    return { ...whole, text: `${underTitle(entry.title, part)}${citation}` };
  }

  /**
   * "Pros and cons?" after a part whose answer does not give both its sides (PaaS): its facts on
   * each side, the side asked first first, and that the lecture names none on a side it gives
   * none. None where it gives neither: the question is then the subject's.
   */
  sidesOf(id: string, first: 'advantage' | 'disadvantage'): Reply | undefined {
    const entry = this.kb.get(id);
    if (entry === undefined || !isTopic(entry)) return undefined;
    const order = first === 'advantage' ? (['advantage', 'disadvantage'] as const) : (['disadvantage', 'advantage'] as const);
    const said = order.map((side) => ({ side, says: saysOn(entry, side) }));
    if (said.every(({ says }) => says.length === 0)) return undefined;
    // A side it shares with the subject's list (`sharesList`: the public cloud's disadvantages) points to that list.
    const listOf = (side: 'advantage' | 'disadvantage') => this.kb.entries.find((other) => isTopic(other) && other.lists === `${side}s`);
    const none = (side: 'advantage' | 'disadvantage') => {
      const list = entry.sharesList.includes(side) ? listOf(side) : undefined;
      return `The lecture names no ${side} of ${partName(entry.title)} in particular${list === undefined ? '' : `; see "${list.title}", the lecture's list as a whole`}.`;
    };
    const text = said.map(({ side, says }) => (says.length > 0 ? says.join(' ') : none(side))).join(' ');
    return this.answerPart(id, text);
  }

  /** One side of a part, where the lecture gives it (`facts`): "what's the practical problem?" after the hybrid cloud. */
  sideOf(id: string, side: 'advantage' | 'disadvantage'): Reply | undefined {
    const entry = this.kb.get(id);
    const says = entry !== undefined && isTopic(entry) ? saysOn(entry, side) : [];
    return says.length === 0 ? undefined : this.answerPart(id, says.join(' '));
  }

  /**
   * "Why?" after a sub-topic: what the lecture gives for it, said as that and no more, because
   * the lecture's reasons are the answer itself ("if one breaks you can switch to another").
   */
  reasonFor(id: string): Reply | undefined {
    const entry = this.kb.get(id);
    if (!entry || !isTopic(entry)) return undefined;
    const whole = this.replyFor(entry, 'answer', 1);
    return { ...whole, text: `That is what the lecture gives for "${entry.title}":\n\n${whole.text}` };
  }

  /**
   * "Is reach the same as agility?", "is that the same thing as disaster mitigation?": two
   * parts set side by side for a yes or no of whether they are one, answered no first. Each part is
   * an entry of its own because the lecture gives it as a thing of its own.
   */
  sameOrNot(reply: Reply | undefined, match: MatchResult): Reply | undefined {
    const [first, second] = (reply?.pair ?? []).map((id) => this.kb.get(id)?.title);
    // Asked in the main clause, not a reason given after it ("…, because they seem the same to me"),
    // and not as "is X not the same as Y?", which a no would answer the wrong way round.
    const head = match.normalised.split(SUBORDINATE)[0] ?? match.normalised;
    if (reply === undefined || first === undefined || second === undefined || !match.reading.yesNo || !SAME_ASKED.test(head) || /\bnot (?:the )?same\b/.test(head)) return reply;
    return saidFirst(reply, `No: the lecture gives "${first}" and "${second}" as different things.`);
  }

  /**
   * "What's the difference?" after two topics: both answers, one after the other, with their
   * overview's comparison table when they share one. The reply's id is the overview's, the
   * second topic's, or `id` when given: the topic the question was matched to. `asked` says what
   * the two are given for: how they differ, one weighed against the other, or both asked at once.
   */
  compareTwo(first: string, second: string, overview?: string, id?: string, asked: 'difference' | 'against' | 'both' = 'difference'): Reply | undefined {
    const a = this.kb.get(first);
    const b = this.kb.get(second);
    if (!a || !b || !isTopic(a) || !isTopic(b)) return undefined;
    const table = overview === undefined ? undefined : this.kb.get(overview);
    const section = this.kb.sectionOf(b);
    const citation = section ? `\n\n${this.citation(section)}` : '';
    const heading = { difference: `The difference between "${a.title}" and "${b.title}"`, against: `"${a.title}" against "${b.title}"`, both: `"${a.title}" and "${b.title}"` }[asked];
    return {
      kind: 'answer',
      id: id ?? overview ?? second,
      confidence: 1,
      text: `${heading}, in the lecture's words:\n\n${titled(a)}\n\n${titled(b)}${citation}`,
      pair: [first, second],
      suggestions: this.suggestionsFor([...new Set([...(overview === undefined ? [] : [overview]), ...a.related, ...b.related])].filter((id) => id !== first && id !== second)),
      source: section ? { section: section.title, anchor: section.anchor } : null,
      ...(table && isTopic(table) && table.comparison ? { comparison: table.comparison } : {}),
    };
  }

  /**
   * "Which cloud benefits matter for us?" after a situation told in several statements: the parts
   * of one list that the statements describe, each in the lecture's words, under the list's title.
   */
  partsOf(list: string, ids: readonly string[]): Reply | undefined {
    const overview = this.kb.get(list);
    const parts = ids.map((id) => this.kb.get(id)).filter((entry): entry is TopicEntry => entry !== undefined && isTopic(entry));
    const [first] = parts;
    if (overview === undefined || first === undefined) return undefined;
    const section = this.kb.sectionOf(first);
    const citation = section ? `\n\n${this.citation(section)}` : '';
    return {
      kind: 'answer',
      id: parts.length === 1 ? first.id : list,
      confidence: 1,
      text: `Of "${overview.title}":\n\n${parts.map((part) => titled(part)).join('\n\n')}${citation}`,
      suggestions: this.suggestionsFor([...new Set([list, ...parts.flatMap((part) => part.related)])].filter((id) => !ids.includes(id))),
      source: section ? { section: section.title, anchor: section.anchor } : null,
    };
  }

  /** The example a topic's entry names, or else the sentences of `answer` (its answer) that give one. */
  exampleText(id: string, answer: string): string | undefined {
    const entry = this.kb.get(id);
    const named = entry !== undefined && isTopic(entry) ? entry.example?.join(' ') : undefined;
    return named ?? answerPart(answer, 'example');
  }

  /**
   * "What's an example of IaaS?", "explain X with an example": a topic with no example of its own
   * is answered with that said first, and with its parts' examples where an overview's parts have
   * some, rather than with an answer that reads as if it were the example.
   */
  private noExampleSaid(match: MatchResult, entry: TopicEntry): string | undefined {
    if (!EXAMPLE_ASKED.test(match.normalised)) return undefined;
    const children = this.kb.childrenOf(entry.id).map((child) => ({ child, example: this.exampleText(child.id, child.answer) }));
    const parts = children.flatMap(({ child, example }) => (example === undefined ? [] : [`${child.title}: ${example.trim()}`]));
    // "Examples of each service model": each part's, and which have none, whatever the overview's own.
    if (EACH_ONE.test(match.normalised) && parts.length > 0) {
      const without = children.filter(({ example }) => example === undefined).map(({ child }) => `"${child.title}"`);
      const last = without.pop();
      const none = last === undefined ? '' : ` It gives none for ${without.length > 0 ? `${without.join(', ')} or ${last}` : last}.`;
      return `The lecture's examples: ${parts.join(' ')}${none}`;
    }
    if (this.exampleText(entry.id, entry.answer) !== undefined) return undefined;
    const none = `The lecture gives no example of "${entry.title}"`;
    return parts.length === 0 ? `${none}.` : `${none} as a whole; it gives these for its parts. ${parts.join(' ')}`;
  }

  /**
   * "An example of each" after two topics: each one's example, in the lecture's words, or that it
   * gives none for one of them. With none for either, the honest no for the latest.
   */
  examplesOfTwo(first: string, second: string): Reply | undefined {
    const a = this.kb.get(first);
    const b = this.kb.get(second);
    if (!a || !b || !isTopic(a) || !isTopic(b)) return undefined;
    const firstExample = this.exampleText(first, a.answer);
    const secondExample = this.exampleText(second, b.answer);
    if (firstExample === undefined && secondExample === undefined) return this.notInLecture(second, 'example');
    const line = (entry: TopicEntry, example: string | undefined) => `**${entry.title}**: ${example?.trim() ?? 'the lecture gives no example.'}`;
    const section = this.kb.sectionOf(b);
    const citation = section ? `\n\n${this.citation(section)}` : '';
    return {
      kind: 'answer',
      id: second,
      confidence: 1,
      text: `The lecture's examples of "${a.title}" and "${b.title}":\n\n${line(a, firstExample)}\n\n${line(b, secondExample)}${citation}`,
      suggestions: this.suggestionsFor([...new Set([...a.related, ...b.related])].filter((id) => id !== first && id !== second)),
      source: section ? { section: section.title, anchor: section.anchor } : null,
      pair: [first, second],
    };
  }

  /** Two topics asked which matters more, which the lecture never says: said so first, then both answers. */
  compareUnranked(first: string, second: string, overview?: string): Reply | undefined {
    const both = this.compareTwo(first, second, overview, second);
    const a = this.kb.get(first);
    const b = this.kb.get(second);
    return both === undefined || !a || !b ? undefined : saidFirst(both, `The lecture does not say which of "${a.title}" and "${b.title}" matters more.`);
  }

  /**
   * "Is the cloud cheaper?": an answer that speaks to a scale the question asks about, where the
   * lecture tempers it elsewhere (`caveats`), gets that said after it, and the entry that says
   * more offered first. Only where the question uses the scale's words: "what is the cloud?" gets
   * the definition alone.
   */
  private withCaveats(reply: Reply, entry: Entry, match: MatchResult): Reply {
    if (!isTopic(entry) || entry.caveats.length === 0) return reply;
    const padded = ` ${match.normalised} `;
    const said = entry.caveats.filter((caveat) => this.matcher.scalePhrases(caveat.scale).some((phrase) => padded.includes(` ${phrase} `)));
    const answer = entry.answer.trim();
    if (said.length === 0 || !reply.text.startsWith(answer)) return reply;
    const notes = said.map((caveat) => `**But note:** ${caveat.says}`).join('\n\n');
    const see = said.map((caveat) => caveat.see).filter((id) => !reply.suggestions.some((suggestion) => suggestion.id === id));
    return { ...reply, text: `${answer}\n\n${notes}${reply.text.slice(answer.length)}`, suggestions: [...this.suggestionsFor(see), ...reply.suggestions] };
  }

  /**
   * Both sides of the cloud asked for at once, matched to one side's list: the other side's list
   * follows it, each with its citation, as an exam answer that discusses both needs.
   */
  private withOtherSide(reply: Reply, entry: Entry, match: MatchResult): Reply {
    if (!isTopic(entry) || entry.lists === undefined || match.reading.bothSides === undefined) return reply;
    const other = this.kb.listOf(entry.lists === 'advantages' ? 'disadvantages' : 'advantages');
    const otherReply = other === undefined ? undefined : this.replyFor(other, 'answer', match.confidence);
    if (other === undefined || otherReply === undefined) return reply;
    return { ...reply, text: `${reply.text}\n\n${otherReply.text}`, suggestions: reply.suggestions.filter((suggestion) => suggestion.id !== other.id) };
  }

  /** A list of one side asked which of it matters most, which the lecture never says: said so first, then the list. */
  unrankedList(overview: string): Reply | undefined {
    const entry = this.kb.get(overview);
    if (entry === undefined || !isTopic(entry) || entry.lists === undefined) return undefined;
    const list = this.answerEntry(overview);
    return list === undefined ? undefined : saidFirst(list, noneRanked(entry.lists));
  }

  /**
   * An overview asked for one end of a scale none of its parts is ranked at: said so first, with
   * what the lecture does rank on that scale (`instead`), as the matcher's answers say it.
   */
  answerNotRanked(id: string, asked: { scale: string; rank: 'most' | 'least' }, instead: readonly string[] = [], of?: readonly [string, string]): Reply | undefined {
    // Of two ("which of PaaS and SaaS has more control"), where the lecture ranks another at that end.
    const two = of?.map((other) => this.kb.get(other)?.title);
    const none =
      two?.[0] === undefined || two[1] === undefined
        ? `The lecture does not say which ${hasEnd(asked)}.`
        : `The lecture does not say which of "${two[0]}" and "${two[1]}" has ${asked.rank === 'most' ? 'more' : 'less'} ${asked.scale}.`;
    return this.answerSaying(id, instead.length > 0 ? `${none} What it does say: ${instead.join(' ')}` : none);
  }

  /** "Tell me more" about an overview: its sub-topics, as buttons to choose from; `byName`, as the reply to "just the names". */
  offerChildren(id: string, byName = false): Reply | undefined {
    const entry = this.kb.get(id);
    const children = this.kb.childrenOf(id);
    if (!entry || children.length === 0) return undefined;
    const suggestions = this.suggestionsFor(children.map((child) => child.id));
    // "Just the names": the parts are the reply, and each can still be picked for more.
    const heading = byName ? `The parts of "${entry.title}", by name (pick one for more):` : `There is more on each part of "${entry.title}". Which one?`;
    return {
      kind: 'clarify',
      id: null,
      confidence: 1,
      text: numbered(heading, suggestions),
      suggestions,
      source: null,
    };
  }

  /**
   * "Any other benefits?" after one: the parts of its overview not yet discussed, to pick from.
   * Not "did you mean", which would say the question was unclear.
   */
  othersIn(overview: string, ids: readonly string[]): Reply | undefined {
    const entry = this.kb.get(overview);
    if (!entry || ids.length === 0) return undefined;
    const suggestions = this.suggestionsFor(ids);
    return { kind: 'clarify', id: null, confidence: 1, text: numbered(`Under "${entry.title}" the lecture also gives these. Which one?`, suggestions), suggestions, source: null };
  }

  /**
   * "Tell me more" about a topic the lecture says no more about: said plainly, with the topic's
   * follow-ups to choose from, rather than answering one of them as if it were more of this one.
   */
  nothingMore(id: string): Reply | undefined {
    return this.withRelated(id, (title) => `The lecture says no more about "${title}" than that.`);
  }

  /**
   * "I don't understand" after an answer: the lecture has nothing simpler to give, so the reply
   * says how to ask again and keeps the topic, with its related topics on offer.
   */
  unclearAbout(id: string): Reply | undefined {
    return this.withRelated(id, (title) => `Which part of "${title}" is unclear? Ask about it in your own words, or ask "why?" or "give an example".`);
  }

  /** A reply about a topic that answers nothing new, keeping the topic, with its related topics as buttons. */
  private withRelated(id: string, say: (title: string) => string): Reply | undefined {
    const entry = this.kb.get(id);
    if (!entry) return undefined;
    const suggestions = this.suggestionsFor(entry.related);
    return {
      kind: 'fallback',
      id: null,
      confidence: 1,
      text: `${say(entry.title)}${suggestions.length > 0 ? ' Related topics:' : ''}`,
      suggestions,
      source: null,
    };
  }

  /** "Did you mean…?" with these entries, numbered so that "2" or "the first one" picks one. */
  didYouMean(ids: readonly string[], confidence = 1): Reply {
    const suggestions = this.suggestionsFor(ids);
    return {
      kind: 'clarify',
      id: null,
      confidence,
      text: numbered("I'm not sure which topic you mean. Did you mean:", suggestions),
      suggestions,
      source: null,
    };
  }

  /** A follow-up with no topic before it: which topic it is about, as a numbered pick. */
  askWhatAbout(cue: FollowUpCue): Reply {
    const suggestions = this.suggestionsFor(this.overviews.map((entry) => entry.id));
    return {
      kind: 'clarify',
      id: null,
      confidence: 0,
      text: numbered(`${WHAT_ABOUT[cue]} Pick a topic, or ask about one in your own words:`, suggestions),
      suggestions,
      source: null,
      ...(cue === 'example' ? { asksForExample: true as const } : {}),
    };
  }

  /** A message with nothing to answer ("ok", an empty one): what can be asked, without an apology. */
  prompt(): Reply {
    return {
      kind: 'fallback',
      id: null,
      confidence: 0,
      text: `What would you like to know about ${this.lectureName}? Ask in your own words, for example "What is PaaS?", or pick a topic below.`,
      suggestions: this.suggestionsFor(this.overviews.map((entry) => entry.id)),
      source: null,
    };
  }

  /** An honest "the lecture does not say", keeping the topic's follow-ups on offer. */
  notInLecture(id: string, what: 'example' | 'drawbacks' | 'benefits'): Reply | undefined {
    const entry = this.kb.get(id);
    if (!entry) return undefined;
    const list = what === 'example' ? undefined : this.kb.listOf(what === 'drawbacks' ? 'disadvantages' : 'advantages');
    return {
      kind: 'fallback',
      id: null,
      confidence: 1,
      text: `The lecture gives no ${what} for "${entry.title}" in particular. You could try one of these:`,
      // The overview of what was asked for comes first: Teams shows only three buttons.
      suggestions: this.suggestionsFor([...new Set([...(list === undefined ? [] : [list.id]), ...entry.related])]),
      source: null,
    };
  }

  /** After a 👍 or 👎 on an answer. A 👎 also offers other ways in. */
  thanksForVote(vote: 'up' | 'down', entryId: string): Reply {
    const related = this.kb.get(entryId)?.related ?? [];
    return {
      kind: 'smalltalk',
      id: null,
      confidence: 1,
      text:
        vote === 'up'
          ? 'Thanks, glad that helped!'
          : "Thanks for telling me. I've noted it so that this answer can be improved. Rephrasing the question, or one of these, may help:",
      suggestions: vote === 'up' ? [] : this.suggestionsFor([...related, ...this.overviews.map((entry) => entry.id)].slice(0, 3)),
      source: null,
    };
  }

  /** What the bot says when a conversation starts: what it is, what it knows, where to begin. */
  welcome(): Reply {
    const topics = this.overviews.map((entry) => `- ${entry.title}`);
    return {
      kind: 'smalltalk',
      id: null,
      confidence: 1,
      text: [
        `Hi! I'm **CloudBot**. I answer questions about ${this.kb.lecture.title}:`,
        ...topics,
        '',
        'Ask in your own words, for example "What is PaaS?" or "Why not use the cloud?", or pick a topic below.',
        STUDY_MODE,
      ].join('\n'),
      suggestions: this.suggestionsFor(this.overviews.map((entry) => entry.id)),
      source: null,
    };
  }

  /** What the bot posts when it is added to a team or group chat: how to ask, not a welcome per member. */
  intro(): Reply {
    return {
      kind: 'smalltalk',
      id: null,
      confidence: 1,
      text:
        `Hi everyone, I'm **CloudBot**. I answer questions about ${this.kb.lecture.title}. ` +
        'Mention me with your question, for example "@CloudBot what is PaaS?", or chat with me directly.',
      suggestions: [],
      source: null,
    };
  }

  /**
   * A statement of the student's situation that is no question the lecture answers ("we run a
   * small clinic"), said to be kept for the choice they go on to ask, with the decline's topics.
   */
  situationNoted(told: string, declined: Reply): Reply {
    return {
      ...declined,
      text: [
        `Noted: "${told.replace(/[.!]+$/, '')}". That alone is not a question I can answer, but ask me which one fits, and I will go by what you told me. I can answer questions about ${this.kb.lecture.title}, which covers:`,
        ...this.overviews.map((entry) => `- ${entry.title}`),
      ].join('\n'),
    };
  }

  /**
   * An honest "I don't know that", with the topics the bot does know, after any near misses.
   * The topics are listed in the text too, because Teams shows only three buttons.
   */
  fallback(nearMiss: readonly string[] = []): Reply {
    return {
      kind: 'fallback',
      id: null,
      confidence: 0,
      text: [
        `Sorry, I don't know that. I can only answer questions about ${this.kb.lecture.title}, which covers:`,
        ...this.overviews.map((entry) => `- ${entry.title}`),
        '',
        'Try asking about one of these.',
      ].join('\n'),
      suggestions: this.suggestionsFor([...new Set([...nearMiss, ...this.overviews.map((entry) => entry.id)])]),
      source: null,
    };
  }

  /** Looks up entries by id for buttons, keeping the given order and dropping unknown ids. */
  suggestionsFor(ids: readonly string[]): Suggestion[] {
    return ids.flatMap((id) => {
      const entry = this.kb.get(id);
      return entry ? [{ id: entry.id, title: entry.title }] : [];
    });
  }

  /** An entry's title, as a reply names the entry to someone who has not seen it. */
  titleOf(id: string): string | undefined {
    return this.kb.get(id)?.title;
  }

  /** Finds an entry by its exact title, case aside: how a Teams `imBack` button comes back. */
  entryIdByTitle(text: string): string | undefined {
    return this.idsByTitle.get(text.trim().toLowerCase());
  }

  /** "Source: Lecture 5 › Why use the Cloud", linked to that section of the lecture page when there is one. */
  citation(section: { title: string; anchor: string }): string {
    const cited = `_Source: ${this.lectureName} › ${section.title}_`;
    return this.lectureUrl === undefined ? cited : `${cited} · [read it in the lecture](${this.lectureUrl}#${section.anchor})`;
  }

  private replyFor(entry: Entry, kind: 'answer' | 'smalltalk', confidence: number): Reply {
    const section = isTopic(entry) ? this.kb.sectionOf(entry) : undefined;
    const citation = section ? `\n\n${this.citation(section)}` : '';
    return {
      kind,
      id: entry.id,
      confidence,
      text: `${entry.answer.trim()}${citation}`,
      suggestions: this.suggestionsFor(entry.related),
      source: section ? { section: section.title, anchor: section.anchor } : null,
      ...(isTopic(entry) && entry.comparison ? { comparison: entry.comparison } : {}),
    };
  }
}

/** A question, then the options numbered on lines of their own, so that "2" or "the first one" picks one. */
function numbered(question: string, options: readonly Suggestion[]): string {
  return [question, ...options.map((option, index) => `${index + 1}. ${option.title}`)].join('\n');
}

/** A title inside a sentence: lower-cased where it opens with a plain word ("the car"), not an abbreviation ("IaaS"). */
function inSentence(title: string): string {
  return title.replace(/^\p{Lu}(?=\p{Ll})/u, (letter) => letter.toLowerCase());
}

/** A topic's shortest name, as a student writes it: "PaaS" for "Platform as a service (PaaS)", else the title in a sentence. */
export function shortName(title: string): string {
  return /\(([^)]+)\)\s*$/.exec(title)?.[1] ?? inSentence(title);
}

/** Titles joined as a list is said: "A" and "B"; "A", "B" and "C". */
const TITLES = new Intl.ListFormat('en-GB', { type: 'conjunction' });
/** What a yes-or-no asks to do without: "can I use SaaS without setting up any software?". */
const WITHOUT = /\bwithout\b/;

/** A list negated as one: "you do not patch or do the updates". */
const OR_LIST = new Intl.ListFormat('en-GB', { type: 'disjunction' });

/** A part's name in a sentence: "PaaS", not "the platform as a service"; "the public cloud". */
function partName(title: string): string {
  const abbreviation = /\(([^)]+)\)$/.exec(title)?.[1];
  if (abbreviation !== undefined) return abbreviation;
  const name = inSentence(title.replace(/\s*\([^)]*\)$/, ''));
  return name.startsWith('the ') ? name : `the ${name}`;
}

/** What a part's facts say on one side of it: the answer to "its pros?", or one half of "pros and cons?". */
function saysOn(entry: TopicEntry, side: 'advantage' | 'disadvantage'): string[] {
  return entry.facts.filter((fact) => fact.side === side).map((fact) => fact.says);
}

/** "has the least cost": an end of a scale, as the not-stated sentences put it. */
function hasEnd(asked: { scale: string; rank: 'most' | 'least' }): string {
  return `has the ${asked.rank} ${asked.scale}`;
}

/** A reply with one direct sentence before it: what a comparison, a side or a yes or no asked for. */
function saidFirst(reply: Reply, sentence: string): Reply {
  // A sentence that is nearly all of the answer's first paragraph already leads it: said first, it
  // would only say it twice ("does PaaS give me control over the OS?" got the overview twice).
  const opening = reply.text.split('\n\n')[0] ?? '';
  if (opening.includes(sentence) && sentence.length * 10 >= opening.length * 9) return reply;
  return { ...reply, text: `**In short:** ${sentence}\n\n${reply.text}` };
}

/** A question that asks why: "why does IaaS cost more?", "but why is it cheaper?". */
const WHY_ASKED = /^(?:(?:and|so|but|ok) )?(?:why|how come)\b/;
/** A sentence that gives its own reason: an explanation after a colon, or a "because". */
const GIVES_REASON = /:|\b(?:because|since|as a result|so that)\b/;

/** A yes or no asked within a part: "in SaaS, do I manage the OS?", "with PaaS am I the one who writes the code?". */
const YES_NO_WITHIN = /^(?:in|with|under|for) (?:an? |the )?\w+(?: (?!of\b)\w+)? (?:do|does|did|am|is|are|can|could|will|would|should|must|have|has)\b/;

/** Where a question opens: after "and", "so", …, and a part it is asked within ("in IaaS, …"). */
const OPENING = String.raw`^(?:(?:and|so|but|ok|okay|then) )?(?:(?:in|with|under) (?:an? |the )?\w+(?: (?!of\b)\w+)? )?`;
/**
 * A question for a person or a place: "who does the updates", "in IaaS, who handles scaling?",
 * "where is it located". At the question's start: "the model where you rent a machine" describes.
 * Not where a thing comes from, which is its source.
 */
const ASKS_WHO_OR_WHERE = new RegExp(`${OPENING}(?:who|whom|whose|where) (?:is|are|was|were|do|does|did|can|could|should|will|would|has|have|gets?|\\w+s)\\b(?!.* from$)`);

/** Whether two things are one: "the same as", "the same thing", "just another word for". */
const SAME_ASKED = /\b(?:the same|same thing|same as|identical|another word for|another name for)\b/;

/** A choice between the two sides a list is on: "a reason for or against", "to use the cloud or not to use it". */
const SIDES_OFFERED = /\bfor or against\b|\bagainst or for\b|\bto use (?:\w+ ){0,2}or not\b|\bor (?:a reason )?not to\b/;

/** Asks who does something: "who installs the OS", "in PaaS, who writes the code"; not who someone is ("who are the providers"). */
const ASKS_WHO = new RegExp(`${OPENING}who\\b(?! (?:are|were)\\b)`);
/**
 * Asks whether the student does something: "do I set up the OS", "with PaaS, will we still have
 * to patch". Not a request ("can you explain…"), nor "am I stuck with…", which a yes about the
 * duty would answer the wrong way round.
 */
const ASKS_IF_I_DO = new RegExp(`${OPENING}(?:do|will|would|must|should|shall|can|could|have) (?:i|we|you)\\b(?! (?:explain|tell|describe|give|list|help|show|define|summari[sz]e|compare|say)\\b)`);
/** A word that asks of nothing done ("install nothing", "neither the OS nor the app"), which the negations the analyser reads leave. */
const NONE = /\b(?:nothing|none|neither|nor|nobody|no one)\b/;
/** Where a subordinate clause starts: a condition or a second question, not what is asked. */
const SUBORDINATE = / (?:if|when|because|though|although|while|since|unless|so that|or do|or does|or is|or am) /;
/** Words a duty is said with that carry nothing of it: "do the updates", "set up the OS". */
const LIGHT_WORDS = new Set(['the', 'a', 'an', 'your', 'do', 'up']);

/**
 * Asks whether one of a list is first of all: "the biggest drawback", "the main benefit", "the
 * biggest one". Not "the best thing about elasticity", which ranks nothing.
 */
const RANKED_FIRST = /\b(?:biggest|greatest|largest|main|worst|best|top|primary|number one|most (?:important|significant|serious|common)) (?:one|benefit|advantage|drawback|disadvantage|reason|problem|issue|risk|concern|downside|upside)s?\b/;

/** The lecture lists its advantages and its disadvantages without ranking them. */
function noneRanked(sides: string): string {
  return `The lecture does not rank its ${sides}: it gives them all, none as the biggest.`;
}
