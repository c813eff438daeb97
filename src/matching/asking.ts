import { EXAM_PICKING, type Reading } from './reading';
/**
 * What a message asks, read from its words alone, before any topic is scored: what it sets aside
 * ("apart from SaaS, …") and a statement of what the student has already before the question ("I
 * follow SaaS, but what is IaaS?"). The matcher decides with the knowledge base what to make of
 * them (`Matcher.asked`, `Matcher.setAside`).
 */

/**
 * What the question sets aside: "rather than …" and "instead of …" up to the end of their clause,
 * anywhere, or, opening a sentence with no comma to close them, up to the subject of the
 * sentence's own clause ("instead of buying a car you hire a taxi" is about hiring the taxi); and
 * a short clause that opens by setting something aside, up to five words closed by a comma, the
 * end or a question word ("apart from scalability, what other reasons are there", "except latency
 * what else", "never mind the drawbacks, …", "forget public versus private for a second, …",
 * "setting security aside, …", "not the bad stuff", "nothing about latency"), or up to three words
 * before "aside" ("IP concerns aside, …"). Longer, or inside a clause, the words describe the
 * situation: "apart from the price the public cloud seems great, what are its drawbacks?", "we
 * know nothing about servers", "somewhere other than our building", "not the sort of people who
 * patch servers", "nothing about it needs special hardware", "our company sets a server aside".
 */
const SET_ASIDE = '(?:apart from|aside from|other than|besides|except for|except|excluding|ignoring|not counting|never mind|forget about|forget|setting aside|leaving aside|leaving out|not the(?! (?:sort|sorts|kind|kinds|type|types)\\b)|not about|nothing about(?! (?:it|this|that|them)\\b))';
const SETS_ASIDE = new RegExp(`\\b${SET_ASIDE}\\b`);

/** Whether a normalised question sets anything aside, wherever it does: "what deployment model is there besides the public cloud". */
export function setsAside(normalised: string): boolean {
  return SETS_ASIDE.test(normalised);
}

/** A question word that ends a set-aside clause with no comma: "other than SaaS which one is easiest?". */
const ASKING = '(?:which|what|whats|how|why|where|who|can|could|should|would|tell|give)';
const EXCLUDED = new RegExp(
  [
    '(?:^|(?<=[.;!?]\\s*))\\s*(?:rather than|instead of)\\b[^,.;:!?]*?(?=\\s+(?:i|we|you|they)\\b|[,.;:!?]|$)',
    '\\b(?:rather than|instead of)\\b[^,.;:!?]*',
    `(?:^|(?<=[,.;:!?]))\\s*(?:but\\s+)?${SET_ASIDE}(?:\\s+(?!${ASKING}\\b)[^\\s,.;:!?]+){1,5}\\s*(?=[,.;:!?]|$|\\s+${ASKING}\\b)`,
    '(?:^|(?<=[,.;:!?]))\\s*(?:[^\\s,.;:!?]+\\s+){1,3}aside(?=\\s*[,.;:!?])',
  ].join('|'),
  'gi',
);

/** Words that open a question or a request: "what", "can you", "explain". */
const QUESTION_WORDS = "(?:what|whats|what's|which|how|why|when|where|who|can|could|would|will|is|are|does|do|did|explain|tell|define|describe|go over|give|list)";
const QUESTION_OPENING = new RegExp(`^${QUESTION_WORDS}\\b`, 'i');
/** A statement, then a question at the last clause break: "SaaS I get. what's PaaS then?", "I follow SaaS but what is IaaS". */
const STATEMENT_THEN_QUESTION = new RegExp(`^([^]*\\S)(?:[,.;:!?]+\\s*(?:(?:but|so|and|then|now|ok|okay)\\s+)?|\\s+(?:but|so)\\s+)(${QUESTION_WORDS}\\b[^]*)$`, 'i');
/**
 * A statement that says the student has it already: "I understand SaaS", "I get PaaS", "latency
 * is clear", "got it", "makes sense", "I've covered scalability", "I'm fine with the costs point".
 * Not "we get a spike every Friday", which describes, nor "got it back", which describes too: "got
 * it" says the student has it only where its clause ends.
 */
const ALREADY_KNOWN = /\b(?:(?:i|we)(?:'ve| have)? (?:understand|understood|know|follow|see)|i(?:'ve| have)? (?:get|got)|(?:i|we)(?:'ve| have)? (?:already )?(?:covered|nailed|noted|done)|(?:i|we)(?:'m| am|'re| are) (?:fine|comfortable|confident|clear|solid|happy|ok|okay)(?: enough)? (?:with|on|about)|(?:is|are) (?:clear|fine)|makes? sense|got it(?=\s*(?:$|[,.;:!?]|(?:but|so|and|now|thanks)\b))|clicked|done with)\b/i;
/**
 * What the student says a thing is, in passing, before asking about another: "the bus is about
 * comfort, so what's the bike?", "the bus is the cheap one, right? and the bike?". A thing
 * described as known, not a situation: "our office is about to move" has no thing named, which
 * the knowledge base decides (`Matcher.asked`).
 */
const SAID_WHAT_IT_IS = /\b(?:is|are) (?:just |basically )?(?:about\b(?! to\b)|the [^,.;:!?]{1,30}? (?:one|thing|bit|part|point)\b)/i;
/** "The number 9 is a bus": a thing said to be what the last two words at most name, which the knowledge base must name (`named`). */
const SAID_TO_BE = /\b(?:is|are) (?:an? |the )?([^\s,.;:!?]+(?: [^\s,.;:!?]+)?)\s*$/i;
/**
 * What matters to the student's own case is a situation, not a thing known: "control is the key
 * thing for us", "our startup is about agility", "security is the big point".
 */
const OWN_CASE = /^\s*(?:our|my|we|i|us)\b|\bfor (?:us|me|our|my)\b|\b(?:important|key|main|big|biggest|crucial|priority)\b/i;
/** "I don't understand IaaS, so how is PaaS different?" asks about both. */
const NOT_KNOWN = /\b(?:not|never|no longer)\b|n't\b|\bdont\b/i;
/** A question that points back at the statement: "what does it gain", "which drawback is that". */
const REFERS_BACK = /\b(?:it|its|that|this|these|those|they|them|the one)\b/i;

/**
 * The question without what it sets aside (`kept`), and the clauses it sets aside (`parts`), in
 * one pass: "reacting to demand rather than just spending more" asks about reacting to demand,
 * and "spending more" would point to another entry.
 */
export function excluding(question: string): { kept: string; parts: string[] } {
  const parts: string[] = [];
  const kept = question.replace(EXCLUDED, (part) => {
    parts.push(part);
    return ' ';
  });
  // Nothing but punctuation left: the set-aside clause ran to the end ("besides X and Y?"), so nothing is set aside.
  return parts.length > 0 && /[\p{L}\p{N}]/u.test(kept) ? { kept, parts } : { kept: question, parts: [] };
}

/** Whether a clause `excluding` set aside sets one thing against another ("rather than PaaS"), rather than leaving it out. */
export function comparesWith(part: string): boolean {
  return /^\s*(?:rather than|instead of)\b/i.test(part);
}

/** `excluding`'s question without what it sets aside. */
export function withoutExcluded(question: string): string {
  return excluding(question).kept;
}

/**
 * A statement of what the student has already, then a question: "SaaS I get. what's PaaS then?".
 * Only where the statement says it is understood, or what a thing is, and is not negated, is not
 * a question itself, and the question does not point back at it. Whether the two are about
 * different things is the knowledge base's to say, and, for a thing said to be something
 * ("the number 9 is a bus"), whether the words it is said to be (`named`) name a topic.
 */
export function statementThenQuestion(text: string): { statement: string; asked: string; named?: string } | undefined {
  const split = STATEMENT_THEN_QUESTION.exec(text);
  if (split === null) return knownSentencesAside(text);
  const [, statement = '', asked = ''] = split;
  if (QUESTION_OPENING.test(statement.trim()) || REFERS_BACK.test(asked) || NOT_KNOWN.test(statement)) return knownSentencesAside(text);
  if (ALREADY_KNOWN.test(statement)) return { statement, asked };
  if (OWN_CASE.test(statement)) return knownSentencesAside(text);
  if (SAID_WHAT_IT_IS.test(statement)) return { statement, asked };
  const named = SAID_TO_BE.exec(statement)?.[1];
  return named === undefined ? knownSentencesAside(text) : { statement, asked, named };
}

/** A sentence that opens by pointing back at the one before: "It sounds…", "What are its drawbacks?". */
const OPENS_REFERRING_BACK = /^(?:\S+\s+){0,3}(?:it|its|that|this|these|those|they|them)\b/i;

/**
 * A message of several sentences, one or more of which say the student has a thing already ("I
 * understand the bus. But my friend asked about pedalling. Which one is that?"): the others, which
 * ask, where the last clause alone would not do (it points back, here at the pedalling). Not where
 * a sentence after one set aside points back at it, nor where one set aside is negated or asks.
 */
function knownSentencesAside(text: string): { statement: string; asked: string } | undefined {
  const sentences = text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.trim() !== '');
  if (sentences.length < 2) return undefined;
  const known = sentences.map((sentence, index) => index < sentences.length - 1 && ALREADY_KNOWN.test(sentence) && !NOT_KNOWN.test(sentence) && !QUESTION_OPENING.test(sentence.trim()) && !sentence.trim().endsWith('?'));
  if (!known.some(Boolean) || known.some((isKnown, index) => isKnown && OPENS_REFERRING_BACK.test(sentences[index + 1] ?? ''))) return undefined;
  return { statement: sentences.filter((_, index) => known[index]).join(' '), asked: sentences.filter((_, index) => !known[index]).join(' ') };
}

/** A tag that asks for agreement at the end of a claim: "right?", "isn't it?" (normalised "is not it"). */
const AGREEMENT_TAG = / (?:right|correct|yes|yeah|innit|no|true|is not it|was not it|are not they|were not they|does not it|do not they|did not it|did not they|has not it|have not they|is it|was it|is not that|was not that|am i right|is that right|is that true|is that correct|am i correct|(?:is|are) (?:he|she|they) right|true or false)$/;
/** Whether a statement ends asking for agreement: "IaaS needs the least effort, right?". */
export function asksAgreement(normalised: string): boolean {
  return AGREEMENT_TAG.test(normalised);
}

/**
 * Who holds the belief, before it: "I think…", "my friend says…", "is it true that…". The belief
 * is the claim; who holds it changes nothing the lecture settles.
 */
const BELIEF_OPENING = /^(?:(?:so|and|but) )?(?:i (?:think|thought|believe|believed|heard|read|reckon|guess|assume|was told)|(?:my |a |our |the )?(?:friend|mate|classmate|teacher|tutor|lecturer|colleague|manager|boss|someone|somebody|everyone|people)(?: \w+)? (?:says|said|told me|thinks|reckons|claims)|is it true|am i right|would i be right)(?: (?:that|to say))? (?=\w)/;

/** The belief itself, without who holds it: "i think iaas is the least effort model" is "iaas is the least effort model". */
export function withoutBelief(normalised: string): string {
  return normalised.replace(BELIEF_OPENING, '');
}

/** A word for the thing claimed, after its name: "the fault tolerance point", "the hybrid one". */
const CLAIMED_NOUN = / (?:point|one|bit|thing|idea|example)$/;
/** "An example of a", "the kind of", "listed as a": what stands between a thing and the name it is claimed to be. */
const KIND_OF = /(?: (?:listed|counted|classed|classified|seen|given|mentioned|named) as| considered(?: as)?| called)?(?: (?:an?|the))?(?: (?:example|instance|case|form|kind|type|sort|part|one) of)?(?: (?:an?|the))?$/;
const NAME_OPENING = /^(?:(?:an?|the) )?(?:(?:example|instance|case|form|kind|type|sort|part|one) of )?(?:(?:an?|the) )?/;
/** A word that ends a comparison or a list, not a thing: "is PaaS cheaper than SaaS", "is it public or private". */
const NOT_A_THING = new Set(['and', 'or', 'nor', 'not', 'of', 'than', 'as', 'to', 'from', 'between', 'with', 'without', 'for', 'in', 'on', 'over', 'under', 'versus', 'vs', 'like', 'about', 'into', 'more', 'less', 'most', 'least', 'is', 'are', 'was', 'were', 'that', 'this', 'it', 'a', 'an', 'the']);
/**
 * A question, a choice or a comparison inside the thing: "SaaS is easy enough, but what is
 * PaaS?" asks, "is it smarter to add public cloud on top, or go fully public cloud?" chooses and
 * "is a hybrid cloud better than just having a private one?" compares; none claims what a thing is.
 */
const ASKS = /\b(?:what|which|how|why|but|or|than|same|different|differs?|versus|vs|plus|better|worse|unlike|whereas)\b/;
/** A thing described by what it lacks: "without full control", "little say over the OS", "no backups". */
const DESCRIBED_BY_WHAT_IT_LACKS = /\b(?:not|no|never|nobody|none|nothing|without|little|hardly|barely|lacking)\b/;
/** What a thing is claimed to be all of: "(is it) only the machine hire", "solely about backups". */
const ONLY = /^(?:(?:it|they|this|that) )?(?:only|merely|simply|solely)\b/;
/** "Is Outlook PaaS?", "would Azure count as a private cloud?": the thing, then the name. */
const ASKED_CLAIM = /^(?:is|are|was|were) (.+)$/;
/** "The intermediate model is SaaS, right?", "renting a bare machine, that's PaaS isn't it?", "ICT uses a public cloud, doesn't it?". */
const STATED_CLAIM = /^(?!(?:what|which|how|why|where|who|when|whose|can|could|should|would|will|do|does|did|tell|explain|define|describe|is|are|was|were|if|i|we|it|this|that)\b)(.+?) (?:that is|this is|it is|that was|this was|it was|is|was|are|were|(?:only |just |mainly )?(?:uses|used|runs|ran|counts as|is on|runs on)) (.+)$/;

/**
 * The name first, then what the student believes it is: "is SaaS the model with maximum control?",
 * "isn't SaaS the one where you write code?", "is hybrid when you use two public clouds?",
 * "fault tolerance is about having backups, right?", "SaaS means I only bring the data?". Only a
 * description that picks out one thing ("the one where", "the model with", "when", "about", what
 * it "means"), not a question about the topic itself ("is
 * SaaS something I install?"), which asks what the topic is like.
 */
const NAME_FIRST_OPENING = /^(?:(?:is|are|was|were)(?: not)? )?/;
const DESCRIPTION = /^(?:means (?:that )?\w|(?:(?:is|are|means|is about|is when|is where|is just) )?(?:(?:(?:the|a) (?:\w+ )?)?(?:one|model|kind|type|sort|option|cloud|service|thing|setup) (?:with|where|that|which|in which|for|when)\b|(?:when|where|about) ))/;
/** How many words a topic's name may take at the start: "software as a service", "infrastructure as a service". */
const NAME_FIRST_WORDS = 4;

function nameFirstClaim<T>(text: string, tagged: boolean, nameOf: (text: string) => T | undefined): { described: string; claimed: T; nameFirst: true; meaning?: true } | undefined {
  // A question word is no name: "who does the scaling once you pick IaaS" asks about IaaS.
  if (QUESTION_WORD.test(text)) return undefined;
  const found = leadingName(text.replace(NAME_FIRST_OPENING, ''), nameOf, (rest) => DESCRIPTION.test(rest) || (tagged && DOES.test(rest)));
  if (found === undefined) return undefined;
  const meaning = MEANS.test(found.rest) || (tagged && !DESCRIPTION.test(found.rest) && DOES.test(found.rest));
  const thing = found.rest.replace(/^(?:is|are|means that|means|is about|is when|is where|is just) /, '').replace(/^(?:about|when|where) /, '');
  // What a name means is a whole clause, which may end in "more" ("…means you pay more and get more").
  if (meaning ? !isClause(thing) : !isThing(thing)) return undefined;
  return meaning ? { described: thing, claimed: found.claimed, nameFirst: true, meaning: true } : { described: thing, claimed: found.claimed, nameFirst: true };
}

const QUESTION_WORD = /^(?:who|whom|whose|what|which|why|how|where|when)\b/;

/** What a name is said to mean: any belief about it, which may match the topic and still be false ("…means others see my data"). */
const MEANS = /^means\b/;
/**
 * What a name is said to be or do, stated for agreement: "public cloud gives you full control,
 * yes?", "hybrid is two public clouds, right?". Like what it means, a belief that may match the
 * topic and still be false; only asked for agreement, since "SaaS gives…" alone may begin a
 * question. Not a description that picks out one thing (`DESCRIPTION`: "is the one where").
 */
const DOES = /^(?:is|are|gives?|lets?|allows?|offers?|provides?|needs?|requires?|involves?|has|have|keeps?|puts?|shares?|handles?|supplies|supply|takes? care of|manages?|makes?) \w/;

/**
 * The shortest name at the start of a text that what follows it fits: "hybrid cloud" where
 * "hybrid" is followed by "cloud", but "saas", not "saas the one", which the stop words let name
 * it too.
 */
function leadingName<T>(text: string, nameOf: (text: string) => T | undefined, fits: (rest: string) => boolean): { claimed: T; rest: string } | undefined {
  const words = text.split(' ');
  for (let size = 1; size <= Math.min(NAME_FIRST_WORDS, words.length - 1); size++) {
    // A question word ends any name: "in the public cloud, what about…" names the public cloud and asks.
    if (QUESTION_WORD.test(words[size - 1] ?? '')) break;
    const rest = words.slice(size).join(' ');
    // What follows first: a pattern, where a name is looked up in the knowledge base.
    if (!fits(rest)) continue;
    const claimed = nameOf(words.slice(0, size).join(' ').replace(NAME_OPENING, ''));
    if (claimed !== undefined) return { claimed, rest };
  }
  return undefined;
}

/** The opening of a yes or no, before its subject: "is", "does not", "so is". */
const YES_NO_OPENING = /^(?:(?:so|and|but|ok|okay) )?(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have)(?: not)? /;

/**
 * The topic a yes or no is about, named at its start: "is PaaS cheaper than IaaS?", "does SaaS
 * give the most control?", "IaaS needs the least effort, right?". Not one named later ("compared
 * with IaaS, is PaaS cheaper?"), which may be what the subject is compared with.
 */
export function subjectNamed<T>(normalised: string, nameOf: (text: string) => T | undefined): T | undefined {
  return leadingName(`${normalised.replace(YES_NO_OPENING, '')} .`, nameOf, () => true)?.claimed;
}

/**
 * "In SaaS do I write the code?", "if I use PaaS do I still update the OS?", "in a private cloud I
 * share the hardware with others, right?":
 * what the student believes happens within a named topic, asked yes or no, or stated as who does
 * what, or for agreement (`tagged`). What happens is matched on its own: if it is another part's, the belief
 * is corrected. Not a question word after the name ("in a private cloud, who owns the
 * machines?"), which asks about the topic.
 */
const WITHIN = /^(?:(?:so|and|but|wait|ok|okay) )*(?:in|with|using|if (?:i|we|you) (?:use|used|pick|picked|choose|chose|go with|went with)|when (?:i|we|you) use) /;
const YES_NO_CLAUSE = /^(?:do|does|did|is|are|can|could|will|would|should|must|have|has|am) /;
/** Who does what, stated: "I share the hardware", "the provider runs the app" (a trailing "yes?" is gone after `normalise`). */
const WHO_DOES_WHAT = /^(?:i|we|you|they|the provider|providers|my|our|your) /;

/**
 * The same with the topic after what is believed: "do we patch the OS ourselves with SaaS?", "does
 * PaaS mean we still run the servers?". The whole of what follows "with" or "in" must name the
 * topic: "do we split the machines with other firms?" names none.
 */
const WITHIN_AFTER = /^((?:do|does|did|can|could|will|would|should|must|am) (?:i|we|you) .+) (?:with|in|using|under) (.+)$/;
const MEANS_WITHIN = /^(?:does|do|would|will) (.+?) mean (?:that )?((?:i|we|you) .+)$/;

function claimWithin<T>(text: string, tagged: boolean, nameOf: (text: string) => T | undefined): { described: string; claimed: T; within: true } | undefined {
  const trailing = WITHIN_AFTER.exec(text);
  const means = trailing === null ? MEANS_WITHIN.exec(text) : null;
  const [believed, name] = trailing !== null ? [trailing[1], trailing[2]] : means !== null ? [means[2], means[1]] : [];
  const named = name === undefined ? undefined : nameOf(name.replace(NAME_OPENING, ''));
  if (named !== undefined && believed !== undefined && isThing(believed)) return { described: believed, claimed: named, within: true };
  if (!WITHIN.test(text)) return undefined;
  const found = leadingName(text.replace(WITHIN, ''), nameOf, (rest) => tagged || YES_NO_CLAUSE.test(rest) || WHO_DOES_WHAT.test(rest));
  // "Do I update the OS myself or does the provider do that?" asks who: the belief is the first.
  const described = found?.rest.replace(OR_SOMEONE_ELSE, '');
  return found !== undefined && described !== undefined && isThing(described) ? { described, claimed: found.claimed, within: true } : undefined;
}

/** The other party offered after what the student believes they do: "… or does the provider do that", "… or is it them". */
const OR_SOMEONE_ELSE = / or (?:does|do|is|will|would|can) (?:the provider|the providers|they|them|someone else|somebody else|it)(?: (?:do|handle|take care of) (?:that|it|this))?(?: for (?:me|us))?$/;

/**
 * A situation told, then named: "we rent bare machines and install our own software. Is that
 * SaaS?", "… so would that be a public cloud?". The situation is the thing claimed to be the part
 * named. Told as a statement of several words, not asked ("what … is that PaaS"); what it says it
 * lacks is part of it ("without managing the OS"), which the rules and the model together read
 * whole. Not a name at the end of a statement for agreement ("…, SaaS, right?"): with the
 * punctuation gone, it cannot be told from a name within the statement ("the only cost is the
 * machine hire, isn't it?").
 */
const IDENTIFIED = /^(.+?) (?:so |then |and )?(?:is|would|could|will|might) (?:that|this) (?:be |count as |make it )?(.+)$/;
const IDENTIFIED_WORDS = 5;
function identifiedClaim<T>(text: string, nameOf: (text: string) => T | undefined): { described: string; claimed: T } | undefined {
  const found = IDENTIFIED.exec(text);
  const [described = '', named = ''] = found === null ? [] : found.slice(1);
  const claimed = found === null ? undefined : nameOf(named.replace(NAME_OPENING, ''));
  return claimed !== undefined && told(described) ? { described, claimed } : undefined;
}

/** A question, a comparison or a choice within what is told; a "but" only tells more. */
const ASKED_IN = /\b(?:what|which|how|why|when|where|who|whom|whose|or|than|same|different|differs?|versus|vs|better|worse|unlike|whereas)\b/;

/** A statement of a situation: several words, no question in it. */
function told(described: string): boolean {
  return described.split(' ').length >= IDENTIFIED_WORDS && !ASKED_IN.test(described) && !/^(?:is|are|was|were|do|does|did|can|could|will|would|should)\b/.test(described);
}

/**
 * A claim that a thing is a named topic, asked or stated for agreement: "is Outlook PaaS?", "would
 * Azure count as a private cloud?", "the intermediate model is SaaS, right?". The thing
 * (`described`) and the words that name the topic (`claimed`), which `nameOf` recognises; the
 * knowledge base decides what the thing is. Students check what they believe this way, and the
 * belief is as often wrong as right: the named topic is not the answer unless the thing is it.
 * Not a comparison or a list ("is PaaS cheaper than SaaS", "is it public or private"), nor a
 * question about the named topic itself ("is SaaS a thing I have to install?").
 */
export function claimIn<T>(normalised: string, nameOf: (text: string) => T | undefined): { described: string; claimed: T; nameFirst?: true; within?: true; meaning?: true } | undefined {
  const text = withoutBelief(normalised.replace(AGREEMENT_TAG, '').replace(CLAIMED_NOUN, ''));
  const tagged = text !== normalised;
  const within = claimWithin(text, tagged, nameOf);
  if (within !== undefined) return within;
  const identified = identifiedClaim(text, nameOf);
  if (identified !== undefined) return identified;
  const stated = STATED_CLAIM.exec(text);
  if (stated !== null) {
    const [, described = '', rest = ''] = stated;
    // "Costs of the cloud: is it only the machine hire?" asks whether a thing is all of what is
    // named, which naming it never confirms. ("Just" is filler to \`normalise\`, and gone by now.)
    const claimed = ONLY.test(rest) ? undefined : nameOf(rest.replace(NAME_OPENING, ''));
    return claimed !== undefined && isThing(described) ? { described, claimed } : nameFirstClaim(text, tagged, nameOf);
  }
  const asked = ASKED_CLAIM.exec(text)?.[1];
  if (asked === undefined) return nameFirstClaim(text, tagged, nameOf);
  // "Is SaaS the model with maximum control?" names SaaS first; "control" at its end is no claim.
  const nameFirst = nameFirstClaim(text, tagged, nameOf);
  if (nameFirst !== undefined) return nameFirst;
  const words = asked.split(' ');
  // The longest name at the end: "public and private" names the deployment models, not the private cloud.
  for (let size = words.length - 1; size >= 1; size--) {
    // A name starts with a word of its own: "than paas" and "thing as scalability" name no more
    // than "paas" and "scalability", whatever the analyser drops.
    if (NOT_A_THING.has(words[words.length - size] ?? '')) continue;
    const claimed = nameOf(words.slice(-size).join(' '));
    if (claimed === undefined || (size > 1 && nameOf(words.slice(1 - size).join(' ')) === claimed)) continue;
    const described = words.slice(0, -size).join(' ').replace(KIND_OF, '');
    if (isThing(described)) return { described, claimed };
    break;
  }
  return nameFirstClaim(text, tagged, nameOf);
}

/**
 * A thing, not the start of a comparison or a list (it does not end in "than", "or", "as"), and
 * not what something is not: "is not sharing hardware a public cloud?" describes by a negation,
 * which the thing matched on its own would lose.
 */
function isThing(described: string): boolean {
  const last = described.split(' ').at(-1);
  return isClause(described) && last !== undefined && !NOT_A_THING.has(last);
}

/** A description that asks, chooses, compares or says what is lacking describes no one thing. */
function isClause(described: string): boolean {
  return described.length > 0 && !ASKS.test(described) && !DESCRIBED_BY_WHAT_IT_LACKS.test(described);
}

/**
 * Words that negate what a choice asks for: "which one does not…", "which needs no…", "zero
 * sharing". Not "without", which adds to what is asked: "which lets me buy services without
 * owning machines" asks for both.
 */
const NEGATOR = /\b(?:not|never|no|zero)\b/g;
/**
 * A negation in a clause of its own ("which should we avoid if we do not…"), a contrast ("not
 * about X but about Y", "neither … nor"), or a limit ("not only", "not just"): none negates what
 * is chosen.
 */
const NOT_THE_CHOICE = /\b(?:if|when|whenever|unless|because|since|but|nor|neither|rather|instead|avoid|except)\b|\bnot (?:only|just|even)\b/;
/** "Which of these is not a reason to…: reach, …" is an odd one out, not a description. */
const OF_THESE = /\bwhich (?:one )?of (?:these|those|the following)\b/;
/**
 * A phrasing that says what its entry is not ("we don't want to buy any computers"), or asks a
 * yes or no whose answer may be no ("is my data shared in a public cloud?"), as typed.
 */
const NOT_SAID_OF_IT = /\b(?:not|no|never|nobody|none|nothing|without)\b|n['’]t\b|^(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have)\b/i;

/** Whether a phrasing of an entry is no evidence of what its words describe: it says what the entry is not, or asks. */
export function isNoEvidence(phrasing: string): boolean {
  return NOT_SAID_OF_IT.test(phrasing.trim());
}

/**
 * "Which is neither A nor B?": a choice that rules out two descriptions. Each as a question of its
 * own ("which is A?", with what the question chooses among), for the rules to match, and as
 * described (`described`), which may name the part; and what is chosen (`chosen`: "which
 * service model"). None where there is no choice before it, or where a "but" says what is chosen
 * ("neither A nor B, but C" is about C).
 */
// Only where "neither" describes what is chosen ("which one is neither…", "which model neither
// lets me…"), not the object of a verb: "in which do you set up neither A nor B" rules out no part.
const NEITHER_NOR = /(?:\b(?:is|are)|\bwhich(?: \w+)?) neither (.+?) nor (.+?)(?= but\b|$)/;
export function neitherNor(normalised: string): { chosen: string; described: [string, string]; asked: [string, string] } | undefined {
  if (!normalised.includes('neither')) return undefined;
  const which = normalised.search(/\bwhich\b/);
  const found = NEITHER_NOR.exec(normalised);
  if (found === null || which < 0 || which > found.index || / but\b/.test(normalised.slice(found.index))) return undefined;
  // Each with the words before it, which say what is chosen: "which service model is the easiest".
  const [, first = '', second = ''] = found;
  const neither = found.index + found[0].indexOf('neither');
  const before = normalised.slice(0, neither);
  return { chosen: normalised.slice(which, neither), described: [first, second], asked: [`${before}${first}`, `${before}${second}`] };
}

/**
 * "Which model sits between A and B?", "identify the one that lies in between A and B": a choice of
 * what stands between two things, each side as written, for the knowledge base to name. Not a
 * comparison ("the difference between A and B") or a choice between the two ("between A and B,
 * which…"), which have no word of standing before "between"; not "where does X fit between A and
 * B", which asks about X.
 */
const SITS_BETWEEN = /\b(?:sits?|sitting|lies|lie|lying|falls?|is|one|option|model|ground|middle|halfway) (?:somewhere |right |exactly )?(?:in )?between (.+?) and (.+)$/;
export function sitsBetween(normalised: string): [string, string] | undefined {
  // Most questions have no "between": the regular expression is not tried on them.
  const found = normalised.includes('between') ? SITS_BETWEEN.exec(normalised) : null;
  if (found === null || !/\b(?:which|what|identify|name)\b/.test(normalised.slice(0, found.index))) return undefined;
  const [, first = '', second = ''] = found;
  return [first, second];
}

/** "Which", or an exam's "name…", opening a choice. */
const OPENS_CHOICE = new RegExp(`\\bwhich\\b|^${EXAM_PICKING}\\b`);

/**
 * A choice asked with one "not" ("which deployment model does not mean buying your own computers?",
 * "which needs no data centre of our own?"), without it: what the question describes, which the
 * answer is not. None where there is no choice before the negation, more than one negation, or a
 * negation that does not negate what is chosen.
 */
export function unnegatedChoice(normalised: string): string | undefined {
  const negators = normalised.match(NEGATOR) ?? [];
  // Or an exam's "name a model that does not…".
  const which = normalised.search(OPENS_CHOICE);
  if (negators.length !== 1 || which < 0 || which > normalised.search(NEGATOR) || NOT_THE_CHOICE.test(normalised) || OF_THESE.test(normalised)) return undefined;
  return normalised.replace(NEGATOR, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A choice turned round: "which should I avoid if…", "which cloud would you steer clear of when…",
 * "which would we not pick if…", "which is the worst choice for…". The thing chosen is the object
 * of a verb that rejects it, with nothing after the verb but a clause of its own or the end: in
 * "which should we choose to avoid installing anything", "avoid" has its own object and rejects
 * nothing chosen.
 */
const REJECTING = new RegExp(
  '\\b(?:which|what)\\b(?: \\w+){0,6}? (?:' +
    [
      '(avoid|skip|reject|exclude|steer clear of|stay away from|keep away from|rule out|not (?:(?:i|we|you|they) )?(?:pick|choose|select|use|go for|go with|recommend|suggest|consider))(?: it| them| one)?',
      '(?:is|are|would be|will be) (?:the )?((?:worst|wrong|least suitable|least appropriate|poorest) (?:choice|option|pick|fit|one)|(?:a )?(?:bad|poor) (?:choice|option|pick|fit))',
    ].join('|') +
    ')(?= (?:if|when|whenever|since|because|as|given|for|unless|in case)\\b|$)',
);

/**
 * A choice turned round (`REJECTING`): the question without its rejecting words, which says what
 * the student wants or will not do, the thing to avoid being the one that goes against it.
 */
export function rejectedChoice(normalised: string): string | undefined {
  const found = REJECTING.exec(normalised);
  const words = found?.[1] ?? found?.[2];
  if (found === null || words === undefined) return undefined;
  const at = found.index + found[0].lastIndexOf(words);
  return `${normalised.slice(0, at)} ${normalised.slice(at + words.length)}`.replace(/\s+/g, ' ').trim();
}

/** Words that negate the need after them: "not", "never", "nobody can", "without", "zero", "avoid", "refuse to". */
const NEED_NEGATORS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'without', 'none', 'nobody', 'neither', 'nor', 'zero', 'avoid', 'avoiding', 'refuse', 'refuses', 'refused', 'refusing']);
/** Words that open a clause of their own, which a negation before them does not reach. */
const CLAUSE_BREAK: ReadonlySet<string> = new Set(['but', 'which', 'what', 'so', 'because', 'since', 'if', 'when', 'while', 'though', 'although', 'i', 'we', 'they', 'just', 'only', 'instead', 'rather']);
/** How far a negation reaches: "nobody on the team can run servers or write code". */
const NEGATION_REACH = 12;
/** How near before a negation a "that" embeds it in what an earlier one governs: "so locked down that I can not". */
const EMBEDDING_REACH = 3;
/**
 * The words between a negation and what it says is not done: "do not [want to have to] patch",
 * "never [need to] write code", "does not [require you to] buy hardware". What follows them is the
 * thing negated; a span that goes on with any other word ("not [mind] sharing", "never [leave]
 * our machines") negates something else, which the reader leaves alone.
 */
const NEED_WORDS: ReadonlySet<string> = new Set([
  'to', 'me', 'us', 'you', 'them', 'anyone', 'have', 'has', 'had', 'be', 'any', 'really', 'even', 'ever', 'actually', 'at', 'all', 'want', 'wants', 'wanted', 'need', 'needs',
  'needed', 'require', 'requires', 'required', 'wish', 'like', 'able', 'can', 'could', 'will', 'would', 'should', 'must', 'make', 'makes', 'let', 'lets', 'involve', 'involves', 'mean', 'means',
  'plan', 'intend', 'afford', 'bother', 'bothering', 'get', 'got', 'going', 'deal', 'dealing', 'with', 'worry', 'worrying', 'about', 'having', 'know', 'knows', 'how', 'do', 'does', 'single', 'a', 'an', 'the', 'our', 'my', 'your',
  'own',
  // Whom "none" and "nobody" count: "none of us wants to", "nobody on the team can".
  'of', 'on', 'in', 'team', 'group',
]);

/**
 * Verbs of minding things, which refuse whatever is done to them: "not [want to deal with]
 * servers". Those among `NEED_WORDS` are passed over before what is not done; "care about",
 * "handle" and the like are not, as what follows them may be done and only not minded ("I don't
 * care about sharing"), so only things they name are minded.
 */
// Their "-ing" forms too, as "avoid" governs them: "avoid [dealing with] updates".
const MINDING: ReadonlySet<string> = new Set(['worry', 'deal', 'bother', 'worrying', 'dealing', 'bothering']);
const MINDING_OPENER = /^(?:(?:care|think) (?:about|of)|handle|handling|look after|looking after|take care of|taking care of|be responsible for|be in charge of) /;

/**
 * What each negation in a question says is not done ("we do not want to patch the os" says "patch
 * the os"), up to a clause of its own or `NEGATION_REACH` words, after the words of wanting and
 * needing between (`NEED_WORDS`); and the question's other words, which say what it wants. A
 * negation in a clause a "that" opens after another ("do not want something so locked down that
 * I can not run my code") is part of what that one governs, no plain "not", and is left out.
 * `bare`: a negation that governs nothing of its own ("which should we avoid if…", "why not?"),
 * which may turn round the whole question. `minded`: for each governed span, what it says is
 * not minded, when a verb of minding opens it (`MINDING`).
 */
export function negatedSpans(normalised: string): { governed: string[]; minded: (string | undefined)[]; rest: string; bare: boolean } {
  const words = normalised.split(' ');
  const governed: string[] = [];
  const minded: (string | undefined)[] = [];
  const inSpan = new Set<number>();
  let negated = false;
  let bare = false;
  for (let index = 0; index < words.length; index++) {
    if (!NEED_NEGATORS.has(words[index] ?? '')) continue;
    // In a clause that a "that" opens after another negation, as what that one governs.
    const doubled = negated && words.slice(Math.max(0, index - EMBEDDING_REACH), index).includes('that');
    negated = true;
    const span: string[] = [];
    for (let next = index + 1; next < words.length && span.length < NEGATION_REACH; next++) {
      const word = words[next] ?? '';
      if (CLAUSE_BREAK.has(word) || NEED_NEGATORS.has(word)) break;
      span.push(word);
      inSpan.add(next);
    }
    inSpan.add(index);
    // "Own" after "to" is the doing ("never want to [own] a server"), not whose ("my own code").
    const start = span.findIndex((word, at) => !NEED_WORDS.has(word) || (word === 'own' && span[at - 1] === 'to'));
    if (!doubled && start >= 0) {
      const text = span.slice(start).join(' ');
      governed.push(text);
      minded.push(span.slice(0, start).some((word) => MINDING.has(word)) ? text : MINDING_OPENER.test(text) ? text.replace(MINDING_OPENER, '') : undefined);
    }
    bare ||= span.length === 0;
  }
  return { governed, minded, rest: words.filter((_, index) => !inSpan.has(index)).join(' '), bare };
}

/** Whether a question has a word that negates ("which does not…", "which needs no…"): a choice it asks is turned round. */
export function negates(normalised: string): boolean {
  return normalised.search(NEGATOR) >= 0;
}

/**
 * Whether a question asks for one part alone: a choice ("which …?"), not a list, not how things
 * compare, and not turned round by a "not". Where it does, the rules' one part is kept against a
 * model that would answer the whole family (`comparisonAlongScale`'s `single`, `Matcher.partChoiceKept`).
 */
export function asksForOne(reading: Reading, normalised: string): boolean {
  return reading.choosing && asksForOneAlone(reading, normalised);
}

/** What a question asking for one thing does not do: ask for a list, how things compare, or the thing that is not. */
function asksForOneAlone(reading: Reading, normalised: string): boolean {
  return !reading.asksList && !reading.comparing && !negates(normalised);
}

/**
 * Whether a question asks for the one thing at an end of a scale without a "which": "what's the
 * most hands-off way…?", "the most work stays with you in: a, b or c". An end ("most", "least"),
 * not "more" or "less" between two; not a yes or no, a list, a comparison or a "not", as
 * `asksForOne`.
 */
export function asksForEnd(reading: Reading, normalised: string): boolean {
  return reading.comparison !== undefined && reading.comparison.between !== true && !reading.yesNo && !WHOLE_SCALE.test(normalised) && asksForOneAlone(reading, normalised);
}

/** Both ends of a scale, or its order: "rank them from most to least effort", "max control to least effort". */
const WHOLE_SCALE = /\b(?:rank|ranking|ranked|order|ordered|ladder)\b|\b(?:most|max|maximum|more)\b.*\b(?:least|less|fewest)\b|\b(?:least|less|fewest)\b.*\b(?:most|max|maximum|more)\b/;

/** A question tag that asks for agreement with a "not": "…, aren't there?", "…, isn't it?" (normalised "are not there"). */
const NEGATIVE_TAG = / (?:is|are|was|were|do|does|did|has|have|can|could|would|will|should) not (?:it|there|they|that|this|we|you|i|he|she)$/;

/** Whether a question's only negation is a tag asking for agreement, which negates nothing it asks. */
export function onlyTagNegates(normalised: string): boolean {
  return NEGATIVE_TAG.test(normalised) && !negates(normalised.replace(NEGATIVE_TAG, ''));
}

/**
 * "… over …": one thing preferred to another. "Rather than" and "instead of" set their object
 * aside before the question is read (`excluding`), so they never reach here.
 */
const PREFERRED_TO = / over | compared (?:to|with) /g;
/** How many words on each side of the preference may hold the names of the two set against each other: "a private home over a rented one". */
const NAME_WORDS = 3;
/** Say over a thing, not a preference: "control over the engine", "a say over the timetable". */
const HOLDS_OVER = /\b(?:control|oversight|say|power|authority|rights?)$/;
/**
 * "What do I lose by taking … over …", "how much do I give up…": a question asking what the
 * preference gives up. Only as the question's own frame: "I'm afraid of losing my bag, why take
 * the bus over the car?" asks about the bus.
 */
const GIVEN_UP = /^(?:so |and |but |ok )?(?:what|how much)(?: \w+){0,4} (?:lose|loose|give up|sacrifice|miss out|forgo)\b/;
/** "Over the others", "over the other models", "over the rest": preferred to the rest of its family. */
const THE_OTHERS = /^(?:the )?others\b|^the other (?:\w+ )?(?:models|ones|options|kinds|types)\b|^the rest\b/;

/**
 * A thing set against another by a preference ("when would you choose a bus over a car?", "the
 * advantage of renting over owning"), or `compared` with it ("the downside of renting compared
 * to owning"), which prefers it only where a side is asked: the few words just before the preference, where the thing
 * preferred is named, the few just after, where what it is preferred to is, whether that is the
 * rest of its kind ("over the others"), and whether the question asks what the preference gives
 * up. Only a few words, so that names far from the "over" are not paired. None where the
 * preference is said more than once, or where "over" follows a word of control ("control over
 * the engine"), which holds a thing rather than prefers one.
 */
export function preferredTo(normalised: string): { preferred: string; against: string; others: boolean; givenUp: boolean; compared: boolean } | undefined {
  const found = normalised.match(PREFERRED_TO) ?? [];
  const [said] = found;
  if (said === undefined || found.length !== 1) return undefined;
  // The pattern has a space on each side, so neither part is empty.
  const [before = '', after = ''] = normalised.split(PREFERRED_TO);
  if (HOLDS_OVER.test(before)) return undefined;
  return {
    preferred: before.split(' ').slice(-NAME_WORDS).join(' '),
    against: after.split(' ').slice(0, NAME_WORDS).join(' '),
    others: THE_OTHERS.test(after),
    givenUp: GIVEN_UP.test(normalised),
    compared: said !== ' over ',
  };
}

/**
 * Two things asked at once: "what is X and what is Y", "explain X and Y", "X & Y". Where the two
 * are siblings the question names, both are answered (`twoNamedSiblings`, `Answerer.differenceAsked`).
 */
const TOGETHER = /\band\b|&/;
const OR = /\bor\b/;

/** Whether a question joins things with "and", and offers no choice with "or": with two siblings named, it asks about both. */
export function joinsTwo(normalised: string): boolean {
  return TOGETHER.test(normalised) && !OR.test(normalised);
}

/**
 * Words that put things together: "combining A and B", "a mix of A and B", "A and B together".
 * Not "mix up", "mixed them up" or "mix A and B up", which is confusing one for the other, nor
 * "putting together" a list: "together" only after the things put together.
 */
const COMBINING = /\b(?:combin(?:e|es|ed|ing|ation|ations)|mix(?:es|ed|ing)?(?!(?: \w+){0,4} up\b)|mixture|blend(?:s|ed|ing)?|merg(?:e|es|ed|ing))\b|\band(?: \w+){1,3} together\b/;

/** Whether a question speaks of things put together: "combining renting and owning". */
export function combines(normalised: string): boolean {
  return COMBINING.test(normalised);
}

/** The combination as one alternative beside the parts: "public, private or a mix of both". */
const COMBINATION_OFFERED = /\bor (?:an? |some )?(?:combin(?:ation|ing)|mix(?:ture|ing)?|blend(?:ing)?|merg(?:er|ing))\b/;

/** Whether a question offers the combination as one of its alternatives, beside the parts it names. */
export function offersCombination(normalised: string): boolean {
  return COMBINATION_OFFERED.test(normalised);
}

/** Who first made a thing, or when: "invented", "coined", "founded", "came up with". */
const ORIGIN = /\b(?:invent(?:ed|s|ing|or|ors|ion)?|coined|founded|came up with|come up with|first used|first introduced)\b/;
/** The student's own story: "when we came up with our idea…", "I founded a shop, was that right?". */
const OWN_STORY = /\b(?:i|we|my|our|me|us)\b/;
/**
 * "Who invented the telephone?", "when was the term coined?", "when did buses start?", "the Romans invented roads,
 * didn't they?", "the history of the bus", "what was the very first car?": a question about where
 * a thing came from, who or when. Only a "who" or "when" question with the origin a few words on,
 * a claim of who invented it asked for agreement, a history asked for, a "very first" or how
 * things were before a thing existed; and never the student's own story told before it ("when I
 * first used the bus it was late, why?"), which asks about the lecture.
 */
const ORIGIN_ASKED = new RegExp(
  [
    `^(?:who|when|what year|which year|in what year|in which year)(?: \\w+){0,6}? ${ORIGIN.source}`,
    // "When did cloud computing start?": when a thing began is where it came from.
    '^(?:when|what year|which year|in what year|in which year)(?: \\w+){1,6}? (?:start|started|begin|began|launch|launched|first appear|first appeared|emerge|emerged|come about|came about|take off|took off)$',
    `${ORIGIN.source}.*\\b(?:(?:did|was|were|is)(?: not|n t) (?:they|it|he|she)|right|correct|true)$`,
    '^did .*\\binvent\\b',
    '\\b(?:history|origins?) of (?!(?:my|your|our|his|her|their|a|the) (?:file|files|data|browser|version|versions)\\b|(?:my|your|our)\\b)',
    '\\bhistorically$',
    '\\bbefore (?:the )?\\w+(?: \\w+)? (?:existed|was invented|came along)\\b',
    '^(?:what|which)(?: \\w+)? (?:was|were) the very first\\b',
    '\\blaunched the first\\b',
  ].join('|'),
);

export function asksForOrigin(normalised: string): boolean {
  const found = ORIGIN_ASKED.exec(normalised);
  return found !== null && !OWN_STORY.test(normalised.slice(0, found.index + found[0].length));
}

/** Whether a text tells where something came from: who invented, coined or founded it. */
export function tellsOfOrigin(text: string): boolean {
  return ORIGIN.test(text.toLowerCase());
}
