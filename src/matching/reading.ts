import type { Rank } from '../knowledge/schema';

/**
 * What a question asks for besides its topic: a direction ("the most effort"), a side ("the
 * advantage of"), a list ("list the reasons"), a yes or no. The words here are plain English,
 * not the lecture's: the scales they apply to, and students' words for each, are in the
 * knowledge base (`scales.yaml`).
 */
export interface Reading {
  /**
   * A comparison along one of the knowledge base's scales: "which needs the least effort". With
   * both ends offered ("does PaaS mean more or less setup than IaaS?"), `rank` is the most, as the rules
   * read it before, and `bothWays` says the question asks how things compare, not which is at an end.
   */
  comparison?: { scale: string; rank: Rank; between?: true; bothWays?: true };
  /**
   * "Why wouldn't I use X?", "why use X?": the side asked of a thing by asking why (not) to use it.
   * Apart from `side`, and not one of the model's signals: the model reads "why not use the
   * cloud" as the drawbacks, and so it is; only a named part turns it into that part's side.
   */
  sideOfUse?: 'advantage' | 'disadvantage';
  /** "The pros and cons of X", "the cons and pros": both sides asked, the one named first first. Not one of the model's signals. */
  bothSides?: 'advantage' | 'disadvantage';
  /** "The advantage of X", "what's bad about X". */
  side?: 'advantage' | 'disadvantage';
  /** "List the reasons", "what are all the benefits", "the 7 reasons": the overview, not one part. */
  asksList: boolean;
  /** "Is web mail saas?", "does a private cloud give full control?": a yes or no comes first. */
  yesNo: boolean;
  /** "Which one…", "which of them…": the question asks to choose between things. */
  choosing: boolean;
  /** "The biggest", "the main", "the worst": one of a kind asked to be ranked first, on whatever scale. */
  superlative: boolean;
  /** "What's the difference between X and Y", "X vs Y", "compare X and Y": how things differ (`COMPARING`). */
  comparing: boolean;
  /**
   * "Me or the provider?", "do I or does the provider…": the alternatives offered are who does
   * something, not things of the lecture, so its direction words compare no entries. Not one of the model's signals.
   */
  partiesOffered?: true;
}

/** A scale's words as normalised words, phrase by phrase (matched before synonyms, which would merge "cheaper" into "costs"). */
export interface ScaleTerms {
  id: string;
  more: string[][];
  less: string[][];
  most: string[][];
  /** What a question compares when it says only who does the most (`WHO_DOES_IT`). */
  impliedByWhoDoesIt?: boolean;
}

const MOST = new Set(['most', 'more', 'max', 'maximum', 'highest', 'higher', 'greatest', 'greater', 'biggest', 'bigger', 'largest']);
const LEAST = new Set(['least', 'less', 'fewest', 'fewer', 'lowest', 'lower', 'minimum', 'min', 'smallest', 'smaller']);
/** Direction words that compare two things ("more", "less"), where the others pick one of all ("most", "least"). */
const BETWEEN = new Set(['more', 'less', 'fewer', 'higher', 'lower', 'greater', 'bigger', 'smaller']);
/** A comparative form of its own: "cheaper", "easier", "pricier" (not "cheapest"). */
const COMPARATIVE_ONLY = /(?:ier|er)$/;
/** Each side's words; a side asked also by a few that pair with neither ("the best thing", "the catch"). */
const PRO = '(?:advantages?|pros?|upsides?|benefits?|good|plus(?:es)?|strengths?|strong points?|merits?|positives?)';
const CON = '(?:disadvantages?|cons|downsides?|drawbacks?|bad|weakness(?:es)?|weak points?|minus(?:es)?|shortcomings?|pitfalls?|flaws?|negatives?|risks?|limitations?)';
const ADVANTAGE = new RegExp(`\\b(?:${PRO}|best thing)\\b`);
const DISADVANTAGE = new RegExp(`\\b(?:${CON}|problems?|catch|worst thing)\\b`);

/**
 * The side a message's words name, whatever they name it of: "what's the practical problem?",
 * "anything good?". A question's `side` is only one asked of something ("the cons of IaaS").
 */
export function sideNamed(normalised: string): 'advantage' | 'disadvantage' | undefined {
  return sideOf(ADVANTAGE.test(normalised), DISADVANTAGE.test(normalised));
}

/** The one side named, of words of either: none where both are. */
function sideOf(advantage: boolean, disadvantage: boolean): 'advantage' | 'disadvantage' | undefined {
  return disadvantage && !advantage ? 'disadvantage' : advantage && !disadvantage ? 'advantage' : undefined;
}
/**
 * "Why wouldn't I use IaaS?", "reasons not to use PaaS": why not to use a thing asks its
 * disadvantages, and why to use it its advantages, the thing named after the verb.
 */
const WHO = '(?:i|we|you|they|anyone|people|companies|a company|someone|one) ';
// "Why would you not want to use IaaS?": a wish before the verb is the same question.
const USE = '(?:(?:want|wish|decide|choose|like) to |wanna )?(?:use|using|choose|choosing|pick|picking|go for|going for|go with|going with)';
/**
 * Holding back is not using: "why do some companies refuse the cloud?", "reasons a firm might
 * hesitate before moving", "reasons we might regret it", "reasons to keep data off rented servers".
 */
const HOLD_BACK = '(?:refuse|refuses|refusing|regret|regrets|regretting|hesitate|hesitates|hesitating|avoid|avoids|avoiding|(?:be|are|is|feel) (?:reluctant|wary|hesitant)|hold back|holds back|holding back|think twice|steer clear|stay away|shy away|keep (?:\\w+ ){0,2}off)';
const WHY_NOT_USE = new RegExp(
  `\\bwhy (?:(?:would|should|do|does|did|might|could|will) (?:${WHO})?|${WHO}(?:would|should|do|does|did|might|could|will) )?not (?:${WHO})?${USE}\\b|\\breasons? (?:not to|against) ${USE}\\b|\\b(?:reasons?|arguments?|the case) against (?:it|the cloud|using it|moving|going)\\b|\\bwhy (?:(?:would|should|do|does|did|might|could|will|are|is) )?(?:\\w+ ){0,3}${HOLD_BACK}\\b|\\breasons? (?:\\w+ ){0,3}(?:might |would |could |may |to )?${HOLD_BACK}\\b`,
);
const WHY_USE = new RegExp(`\\bwhy (?:(?:would|should|do|does|might|could|will) ${WHO})?${USE}\\b|\\breasons? (?:to|for) ${USE}\\b`);
/**
 * Both sides asked as a pair ("the pros and cons", "risks and benefits", "good and bad points",
 * "for and against", "two advantages and two disadvantages"), the side named first first. Not two sides apart ("I have the pros, now what
 * are the cons?"), where the one asked is the latter.
 */
const JOINED = '(?: points?| sides?)? (?:and|or|n|vs|versus|plus) (?:the |their |its |one |an? |some |any |two |three |four |five |\\d )?';
const PRO_FIRST = new RegExp(`\\b${PRO}${JOINED}${CON}\\b|\\bfor and against\\b`);
const CON_FIRST = new RegExp(`\\b${CON}${JOINED}${PRO}\\b`);

/**
 * An exam verb that asks to weigh something up: "evaluate the use of the cloud for a hospital",
 * "assess whether…", "critically discuss…". Both sides are its answer, the advantages first, as
 * the lecture gives them. Not a bare "discuss", which may ask only what a thing is.
 */
const WEIGHS_UP = /\b(?:evaluate|evaluating|assess|assessing|weigh up|weighing up|critically discuss|discuss whether|discuss the (?:use|merits|case|suitability|value))\b/;

/** A text without its words for either side: what the sides are asked of. */
export function withoutSideWords(normalised: string): string {
  return normalised.replace(SIDE_WORDS, ' ').replace(/\s+/g, ' ').trim();
}
const SIDE_WORDS = new RegExp(`\\b(?:${PRO}|${CON}|for and against)\\b`, 'g');

function bothSidesIn(normalised: string): Pick<Reading, 'bothSides'> {
  const pro = PRO_FIRST.exec(normalised)?.index;
  const con = CON_FIRST.exec(normalised)?.index;
  if (pro === undefined && con === undefined) return {};
  return { bothSides: con === undefined || (pro !== undefined && pro <= con) ? 'advantage' : 'disadvantage' };
}

/** Whose advantage: "of", "about", "with", "to" a thing, or "X's", so that "advantage of a private cloud" names X. */
const OF_SOMETHING = /\b(of|about|with|to|for|using|in)\b/;
const PLURAL_PARTS = '(?:reasons|benefits|advantages|disadvantages|drawbacks|pros|cons|models|types|kinds|ways|points|problems|issues|risks)';
/**
 * "Every reason", "each of the risks": one at a time, but all of them, which the list gives; "what
 * other drawbacks are there" the rest of it, which the list gives too. Not "the other models",
 * which may be one side of a comparison ("IaaS or the other models").
 */
const ONE_PART = '(?:reason|benefit|advantage|disadvantage|drawback|model|type|kind|problem|issue|risk)';
const LIST = new RegExp(
  `\\blist\\b|\\b(?:full|whole|complete) list\\b|\\ball (?:the |of the )?(?:\\w+ )?${PLURAL_PARTS}\\b|\\b(?:\\d+|two|three|four|five|six|seven) (?:\\w+ )?${PLURAL_PARTS}\\b|\\bevery (?:single )?(?:\\w+ )?${ONE_PART}\\b|\\beach of the (?:\\w+ )?${PLURAL_PARTS}\\b|\\b(?:what|any) other (?:\\w+ )?${PLURAL_PARTS}\\b`,
);
/** "Which benefits…", "which deployment models are those?": more than one is asked for (`Matcher.partChoiceKept`). */
export const WHICH_SEVERAL = new RegExp(`\\bwhich (?:\\w+ )?${PLURAL_PARTS}\\b`);
/** The verbs an exam opens with to have one thing picked: "name a model that…", "identify one…". */
export const EXAM_PICKING = '(?:name|give|identify|state|pick)';
/** "Which…", or an exam's "name a model that…": one of several is to be picked. */
const CHOOSING = new RegExp(`\\bwhich\\b|^${EXAM_PICKING} (?:me )?(?:a|an|one) (?:\\w+ ){1,5}?(?:that|where|whose)\\b`);
const SUPERLATIVE = /\b(?:most|biggest|greatest|largest|main|worst|best|top|primary|number one)\b/;
const YES_NO = /^(is|are|does|do|can|could|would|will|should|was|were|has|have|did)\b/;
/**
 * "What's the difference between X and Y", "X vs Y", "how do X and Y compare", "is X the same as
 * Y", "the same concern as Y", "is X just another word for Y": a question that asks how things
 * differ. Not a bare "different": "the different benefits" asks for a list; nor "the same servers
 * as other customers", which describes.
 */
const COMPARING = /\b(?:differences?|differ|differs|differing|differently|differentiate|distinguish|contrast|versus|vs|compare|compared|compares|comparing|comparison|same (?:(?:kind|sort|type) of )?(?:thing|idea|concept|concern|benefit|drawback|advantage|disadvantage|reason|problem|risk|issue|model) as|same as|same thing|(?:another|other) (?:word|name|term) for|synonyms? (?:of|for))\b|\bdifferent (?:from|than|to)\b/;

/** "More" that asks for more words, not more of something: "tell me more about saas costs". */
const MORE_TALK = /\b(?:tell me|tell us|know|learn|say|explain|hear|read|anything|something|any|some|bit|little|much) (?:more|less)\b|\b(?:more|less) (?:about|on(?! (?:my|our|your) (?:plate|hands|shoulders))|info|information|detail|details)\b/g;

/** Direction words and the other party, as both `OTHER_PARTY` and `WHO_DOES_IT` read them. */
const DIRECTION = '(?:most|least|more|less|fewest|fewer)';
const PARTY = '(?:the |a |your |our |my )?(?:cloud )?(?:provider|vendor|supplier)s?';
/**
 * What a party does when it bears the work: "does", "handles", "takes on", "is responsible for",
 * "shoulders". Not "gives" or "offers": "the provider gives me the most control" is still mine.
 */
const BEARS =
  '(?:does|do|doing|did|handles?|handling|manages?|managing|(?:takes?|taking|took) (?:on|over|care of)|looks? after|looking after|(?:(?:is|are|being) (?:\\w+ )?)?responsible for|carr(?:y|ies|ying)|bears?|bearing|shoulders?|shouldering)';
/** "The most managed by the provider", with the direction word as given (a group, where it is read). */
const managedBy = (direction: string) => `\\b${direction} (?:\\w+ )?(?:managed|handled|run|done|looked after|taken care of|maintained|set up) by ${PARTY}\\b`;

/** The student, as a choice offers them against the provider. */
const SELF = '(?:me|i|us|we|you|myself|ourselves|the customer|the user)';
/** "Me or the provider?", "the provider or us?", "do I or does the provider…?" (`Reading.partiesOffered`). */
const PARTIES_OFFERED = new RegExp(`\\b${SELF} or ${PARTY}\\b|\\b(?:provider|vendor|supplier)s? or ${SELF}\\b|\\b(?:do|does|will|would|should) (?:i|we|you) or (?:does|do|will|would|should) ${PARTY}\\b`);

/**
 * A scale is measured from the student's side: "the most work" is the most work for me. These say
 * the other party bears it, which turns the direction round: "the provider does the most work",
 * "puts the most work on the provider", "the most of the work on the provider", "which one does
 * the most work for me". Only where the
 * party is tied to the direction word: "the least effort, where the provider does everything"
 * is still my least effort.
 */
const OTHER_PARTY = new RegExp(
  [
    `\\b(?:provider|vendor|supplier)s? (?:${BEARS}|takes?|taking|took) (?:the )?${DIRECTION}\\b`,
    // "Puts the most of the work on the provider": "of the" before what is put is no further from it.
    `\\b${DIRECTION} (?:of (?:the |my |our |your )?)?(?:\\w+ ){0,2}(?:on|to|onto|over to) (?:the |a |your |our )?(?:provider|vendor|supplier)s?\\b`,
    // "Gives the provider the least responsibility": the provider given it, not the student.
    `\\b(?:gives?|giving|leaves?|leaving) ${PARTY} (?:the )?${DIRECTION}\\b`,
    '\\b(?:does|do|doing) (?:the )?(?:most|least|more|less) (?:\\w+ ){0,3}for (?:me|us|you)\\b',
    managedBy(DIRECTION),
  ].join('|'),
);

/**
 * Who does the work, with no word for what they do: "the provider does the most for me", "which
 * one leaves the least to the provider", "the most managed by the provider", "the most on my
 * plate", "the least to do". Such a question compares the scale the knowledge base marks as
 * implied by who does it, turned round once where the provider does it or it is taken off the
 * student (`OTHER_PARTY`, `REDUCING`, `OFF_MY_PLATE`). Only where the direction word is tied to the
 * party, with nothing but "me" or "of it" between: "pay more money to the provider" and "the most
 * data on the provider's servers" are not about who does the work, nor "the most to do with
 * security" about work to do. And only in a question that asks to choose ("which").
 */
const WHO_DOES_IT = new RegExp(
  [
    // "The most", not "most of it": "letting the provider do most of it" describes one end, it does not compare.
    `\\b(?:provider|vendor|supplier)s? ${BEARS} (?:the (${DIRECTION})|(more|less))\\b`,
    // Nothing but "me" or "of it" around the direction word: "puts the most data on the provider's servers" is about data.
    `\\b(?:leaves?|leaving|hands?|handing|puts?|putting|pass(?:es)?|passing|shifts?|shifting|offloads?|offloading) (?:(?:me|us|you) )?(?:the )?(${DIRECTION}) (?:of (?:it|that|them) )?(?:over )?(?:to|on|onto) ${PARTY}\\b`,
    managedBy(`(${DIRECTION})`),
    `\\b(?:does|do|doing) (?:the )?(${DIRECTION}) (?:\\w+ ){0,3}for (?:me|us|you)\\b`,
    `\\b(${DIRECTION}) (?:\\w+ ){0,3}(?:on|off) (?:my|our|your) (?:plate|hands|shoulders)\\b`,
    `\\b(${DIRECTION}) (?:\\w+ ){0,3}off (?:me|us)\\b`,
    `\\b(${DIRECTION}) (?:for (?:me|us|you) )?(?:left )?(?:for (?:me|us|you) )?to do\\b(?! with)`,
  ].join('|'),
);

/** Work taken off the student: "takes the most off my plate" is the least work for me. */
const OFF_MY_PLATE = new RegExp(`\\b${DIRECTION} (?:\\w+ ){0,3}off (?:(?:my|our|your) (?:plate|hands|shoulders)|me|us)\\b`);

/**
 * A verb that takes away what a scale measures turns the direction round: "saves me the most
 * hassle", "lets me skip the most configuration", "avoids the most work" ask for the least effort.
 * Only where the verb governs the direction word, with at most three small words between:
 * "the least effort, which saves money" is still the least effort.
 */
const REDUCING = new RegExp(
  '\\b(?:avoid|save|spare|skip|dodge|escape|cut|reduce|minimi[sz]e|free|eliminate|remove)(?:s|es|d|ed|ing|ping|ting)?' +
    '(?: (?:me|us|you|them|from|of|off|with|on|a|my|our|your|doing|having|to)){0,3} (?:the )?(?:most|more|max|maximum|greatest|biggest|least|less|fewest|fewer)\\b',
);

/**
 * A quantity wished for is a direction: "as little work as possible" and "hardly any setup" ask
 * for the least of it, "as much say as we can get" for the most. Rewritten to "the least" or "the
 * most" before the words are read, so that the reach and the nearest-word rule apply as to "the
 * least work", and who does it reads as for "the provider does the most". Bare "much" and "a lot
 * of" are left alone: "does SaaS need much upkeep" ranks nothing.
 */
const QUANTITY: readonly (readonly [RegExp, string])[] = [
  // "Do as little as possible" is the least to do, which `WHO_DOES_IT` reads; "control as much as
  // we can" the most control: the verb is what there is the least or the most of. Not "do as
  // much as possible", whose doer may be the provider ("want the provider to do as much as possible").
  [/\bdo as (?:little|few things) as (?:possible|we can|i can|you can|can be|we could|i could)\b/g, 'the least to do'],
  [/\b(\w+) as little as (?:possible|we can|i can|you can|we could|i could)\b/g, 'the least $1'],
  [/\b(\w+) as much as (?:possible|we can|i can|you can|we could|i could)\b/g, 'the most $1'],
  [/\bas (?:little|few) ((?:\w+ ){0,2}\w+) as (?:possible|we can|i can|you can|can be|we could|i could)\b/g, 'the least $1'],
  [/\bas (?:much|many) ((?:\w+ ){0,2}\w+) as (?:possible|we can|i can|you can|can be|we could|i could)\b/g, 'the most $1'],
  [/\b(?:hardly|barely|next to|little or|little to|close to) (?:any|no|zero|anything|nothing)\b/g, 'the least'],
  // "Few constraints", the lecture's own words for IaaS, are the fewest; "a few" is some.
  [/(?<!\ba )\bfew\b/g, 'the least'],
  // "Minimise setup time", "keep the work to a minimum": a wish for the least, unless a direction
  // word follows, which `REDUCING` turns round ("minimise the most work" is the least).
  [/\bminimi[sz](?:e|es|ing)\b(?! (?:the )?(?:most|more|max|maximum|greatest|biggest|least|less|fewest|fewer)\b)(?: (?:the|my|our|your|their))?/g, 'the least'],
  [/\bmaximi[sz](?:e|es|ing)\b(?! (?:the )?(?:most|more|max|maximum|greatest|biggest|least|less|fewest|fewer)\b)(?: (?:the|my|our|your|their))?/g, 'the most'],
  [/\b(?:keep|keeping|keeps) (?:the |my |our |your )?((?:\w+ ){0,2}\w+) to (?:a|the) minimum\b/g, 'the least $1'],
];

/** How many words may stand between a direction word and the scale's word it governs: "the least to configure", "the most of the setting up". */
const DIRECTION_REACH = 3;

/** A comparative or superlative form: "cheaper", "easiest", "pricier". */
const COMPARATIVE_FORM = /(?:est|ier|er)$/;

/** `word` as `base` written, or with a plural "s". */
function isWordOrPlural(word: string, base: string): boolean {
  return word === base || (word.length === base.length + 1 && word.endsWith('s') && word.startsWith(base));
}

/**
 * Reads a normalised question against the knowledge base's scales. A scale's word is read with the
 * direction word nearest it, within `DIRECTION_REACH` words; of two scales, the nearer wins.
 */
export function readQuestion(normalised: string, scales: readonly ScaleTerms[]): Reading {
  // Without the empty words a replaced phrase leaves behind, which would count as words between a direction and its scale.
  const words = QUANTITY.reduce((text, [phrase, direction]) => text.replace(phrase, direction), normalised.replace(MORE_TALK, ' '))
    .split(' ')
    .filter((word) => word !== '');
  // The question as read, "as little work as possible" as "the least work": who bears it is read on this.
  const text = words.join(' ');
  // A phrase's words in a row, each as written or with a plural "s": "costs" is "cost". Compared
  // in place: building each word's plural cost a string per phrase word for every question.
  const at = (phrase: readonly string[], start: number) => phrase.every((word, offset) => isWordOrPlural(words[start + offset] ?? '', word));
  // Most questions have none of a scale's words: a phrase whose first word is absent is passed over
  // unscanned. Each plural word is present as its singular too, for the same reason.
  const present = new Set(words);
  for (const word of words) if (word.endsWith('s')) present.add(word.slice(0, -1));
  const startOf = (phrase: readonly string[]) => {
    const first = phrase[0];
    if (first === undefined || !present.has(first)) return -1;
    for (let start = 0; start + phrase.length <= words.length; start += 1) if (at(phrase, start)) return start;
    return -1;
  };
  // The first of a list of phrases found in the question, and where.
  const firstFound = (phrases: readonly (readonly string[])[]) => {
    for (const phrase of phrases) {
      const start = startOf(phrase);
      if (start >= 0) return { phrase, start };
    }
    return undefined;
  };
  const directions = words.flatMap((word, place) => (MOST.has(word) ? [{ place, sign: 1 }] : LEAST.has(word) ? [{ place, sign: -1 }] : []));
  // Read only for a question that names a scale: most questions name none.
  let bearer: number | undefined;
  let best: { scale: string; sign: number; between: boolean; bothWays: boolean; gap: number } | undefined;
  for (const scale of scales) {
    // "the cheapest" is the least cost, "the most expensive" and "pricier" the most; "the most
    // effort" needs its direction word, and "the fewest constraints" turns "constraints" round.
    const mostFound = firstFound(scale.most);
    const lessFound = mostFound === undefined ? firstFound(scale.less) : undefined;
    const found = mostFound ?? lessFound ?? firstFound(scale.more);
    if (found === undefined) continue;
    const polarity = mostFound !== undefined ? 1 : lessFound !== undefined ? -1 : 0;
    const { phrase, start } = found;
    const end = start + phrase.length - 1;
    // The direction word that governs the phrase is the nearest one, a few words at most away: in
    // "the driver does the work on weekdays, but which trip matters most", "most" is mattering's.
    const gapTo = (place: number) => (place < start ? start - place - 1 : place - end - 1);
    // Both within reach ("more or less effort", "from most to least work") reads as the most, as
    // any "most" in the question did before the reach was measured.
    const inReach = directions.filter(({ place }) => gapTo(place) <= DIRECTION_REACH);
    // A phrase with a direction word of its own ("lowest cost", "most control") is read by its
    // polarity alone: counting its own word again read "the lowest cost" as the most, and a word
    // near it belongs to another phrase ("least sharing, most control").
    const ownDirection = inReach.some(({ place }) => place >= start && place <= end);
    const near = ownDirection ? undefined : (inReach.find(({ sign }) => sign > 0) ?? inReach[0]);
    const direction = near?.sign ?? 0;
    const comparative = ownDirection || phrase.some((word) => COMPARATIVE_FORM.test(word));
    // "is the cloud cheap" and "cloud costs" name the scale but compare nothing.
    if (direction === 0 && !comparative) continue;
    bearer ??= bearerOf(text);
    const sign = bearer * (polarity === 0 ? direction : direction === 0 ? polarity : polarity * direction);
    // Of two scales named, the one its direction word sits nearest: "the fewest restrictions on what gets installed" is about restrictions.
    const gap = Math.min(...inReach.map(({ place }) => gapTo(place)), comparative ? 0 : DIRECTION_REACH + 1);
    if (sign !== 0 && (best === undefined || gap < best.gap)) {
      // "Which needs less effort" after two topics asks which of those two; "the least", of all.
      const between = words.some((word) => BETWEEN.has(word)) || phrase.some((word) => COMPARATIVE_ONLY.test(word));
      // "More or less effort", "less or more work", "the most effort or the least": both ends
      // offered, joined by "or", ask how two compare, or where one is, not which is at one end.
      const bothWays = inReach.some(({ place, sign: one }) => inReach.some((other) => other.sign === -one && other.place > place && words.slice(place + 1, other.place).includes('or')));
      best = { scale: scale.id, sign, between, bothWays, gap };
    }
  }
  // Who does the work only where a question asks to choose: "the provider does the most in SaaS, so what are its drawbacks?" says it, it does not ask it.
  const choosing = CHOOSING.test(normalised);
  const read = best ?? (choosing ? byWhoDoesIt(text, scales) : undefined);
  const comparison: Reading['comparison'] =
    read === undefined
      ? undefined
      : { scale: read.scale, rank: read.sign > 0 ? 'most' : 'least', ...(read.between ? { between: true as const } : {}), ...('bothWays' in read && read.bothWays ? { bothWays: true as const } : {}) };
  const disadvantage = DISADVANTAGE.test(normalised);
  const advantage = ADVANTAGE.test(normalised);
  const side = sideOf(advantage, disadvantage);
  // Each pattern is a pass over the message; most have no "why" or "reason" and no word of either side.
  const asksWhy = side === undefined && (normalised.includes('why') || normalised.includes('reason'));
  const whyUse = asksWhy ? (WHY_NOT_USE.test(normalised) ? 'disadvantage' : WHY_USE.test(normalised) ? 'advantage' : undefined) : undefined;
  return {
    ...(comparison ? { comparison } : {}),
    ...(side !== undefined && OF_SOMETHING.test(normalised) ? { side } : {}),
    ...(whyUse !== undefined ? { sideOfUse: whyUse } : {}),
    ...((advantage && disadvantage) || normalised.includes('for and against') ? bothSidesIn(normalised) : WEIGHS_UP.test(normalised) ? { bothSides: 'advantage' as const } : {}),
    asksList: LIST.test(normalised),
    yesNo: YES_NO.test(normalised),
    choosing,
    superlative: SUPERLATIVE.test(normalised),
    comparing: COMPARING.test(normalised),
    ...(PARTIES_OFFERED.test(normalised) ? { partiesOffered: true as const } : {}),
  };
}


/** A comparison of who does the work (`WHO_DOES_IT`), on the scale that implies it, if the knowledge base has one. */
function byWhoDoesIt(text: string, scales: readonly ScaleTerms[]): { scale: string; sign: number; between: boolean } | undefined {
  const scale = scales.find((candidate) => candidate.impliedByWhoDoesIt === true);
  const found = scale === undefined ? null : WHO_DOES_IT.exec(text);
  // The one group that matched: the others are undefined, though the type says string.
  const groups: (string | undefined)[] = found === null ? [] : found.slice(1);
  const word = groups.find((group) => group !== undefined);
  if (scale === undefined || word === undefined) return undefined;
  const direction = MOST.has(word) ? 1 : -1;
  return { scale: scale.id, sign: bearerOf(text) * direction, between: BETWEEN.has(word) };
}

/**
 * -1 where the question says the student does not bear what it compares: the provider does it
 * (`OTHER_PARTY`), it is taken away (`REDUCING`) or off the student's plate (`OFF_MY_PLATE`).
 * One turn, however many say it: in "the provider takes the most work off my plate" the provider
 * and the plate are one party's doing, not two turns that cancel.
 */
function bearerOf(text: string): number {
  return OTHER_PARTY.test(text) || REDUCING.test(text) || OFF_MY_PLATE.test(text) ? -1 : 1;
}

/**
 * The reading as the question model's features (`questionFeatures`): the direction along a scale,
 * the side, and the kind of question, named apart from any word. The scales gather students'
 * many words for one end ("hands-off", "lazy", "the fewest responsibilities" are all the least
 * effort), so the model learns one weight for the end where it would need one for each wording,
 * and the direction reaches it as the reading resolved it ("the fewest constraints" is the most
 * control), not as words a bag of words cannot put together.
 */
export function readingSignals(reading: Reading): string[] {
  const { comparison, side } = reading;
  return [
    ...(comparison === undefined ? [] : [`${comparison.scale} ${comparison.rank}`, comparison.rank, ...(comparison.between ? ['between'] : [])]),
    ...(side === undefined ? [] : [side]),
    ...(reading.asksList ? ['list'] : []),
    ...(reading.yesNo ? ['yes or no'] : []),
    ...(reading.choosing ? ['choosing'] : []),
    ...(reading.superlative ? ['superlative'] : []),
  ];
}
