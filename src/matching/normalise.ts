/**
 * Turns what a student typed into comparable words. Pure and dependency-free so that the
 * matcher, the eval and the `ask` command all see the same text.
 */

/** Teams wraps mentions in `<at>…</at>`; other channels may send stray HTML tags. */
// Neither pattern can span a "<": with `[^>]*` a message of many "<a<a<a" took time quadratic
// in its length (a second for 64 KB), which anyone could send.
const MENTION = /<at\b[^<>]*>[^<]*<\/at>/gi;
const TAG = /<\/?[a-z][^<>]*>/gi;

/**
 * Exam questions carry their marks ("(2 marks)", "[4 marks]", "for 3 marks"): they shape how
 * much to say, not what is asked, and left in, "marks" is a word the lecture never uses.
 */
const MARK_LABEL = /[([]\s*\d+\s*(?:marks?|pts?|points?)\s*[)\]]|\bfor \d+ marks?\b|\b\d+ marks?\b/gi;

/**
 * "True or false: agility is a drawback", "T/F: …", "…, true or false?": a statement to check,
 * which is the yes or no "is it true that …" asks. Left as they are, "true" and "false" are words
 * of no topic, and the statement reads as a description to match, with no verdict asked.
 */
const TRUE_OR_FALSE_FIRST = /^\s*(?:true or false|true\s*\/\s*false|t\s*\/\s*f)\s*[:?.,;\-–—]*\s*/i;
const TRUE_OR_FALSE_LAST = /\s*[:?.,;\-–—]*\s*(?:true or false|true\s*\/\s*false|t\s*\/\s*f)\s*[?.!]*\s*$/i;

/** A statement marked true-or-false, as the question "is it true that …". */
function trueOrFalseAsked(text: string): string {
  if (TRUE_OR_FALSE_FIRST.test(text)) return `is it true that ${text.replace(TRUE_OR_FALSE_FIRST, '')}`;
  if (TRUE_OR_FALSE_LAST.test(text)) return `is it true that ${text.replace(TRUE_OR_FALSE_LAST, '')}`;
  return text;
}

/**
 * Contractions are expanded so that "what's" and "what is" give the same words. Those with an
 * apostrophe are only looked for in a message that has one: most have none, and each pattern is
 * a pass over the whole message.
 */
const CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bain't\b/g, 'is not'],
  [/\blet's\b/g, 'let us'],
  [/\b(what|whats|where|when|who|how|it|that|there|here|he|she)'s\b/g, '$1 is'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'d\b/g, '$1 would'],
  [/\bi'm\b/g, 'i am'],
];
const UNMARKED_CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/\bcannot\b/g, 'can not'],
  [/\bwhats\b/g, 'what is'],
  // Text-speak for "you": "see ya", "thank u".
  [/\b(ya|yah|yu)\b/g, 'you'],
];

/** A letter three or more times in a row: most words have none, and are left as they are without two replacements. */
const HELD_LETTER = /(\p{L})\1{2,}/u;

/**
 * Chat spellings of common words, and contractions typed without their apostrophe: "wats paas",
 * "i dont get it", "thx". Left alone, each is a word the knowledge base never uses, which counts
 * against every entry and turns an easy question into "I don't know".
 */
const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['wat', 'what'], ['wot', 'what'], ['wats', 'what is'], ['wots', 'what is'],
  ['abt', 'about'], ['r', 'are'], ['u', 'you'], ['ur', 'your'], ['im', 'i am'],
  ['thx', 'thanks'], ['thnx', 'thanks'], ['thanx', 'thanks'],
  ['coz', 'because'], ['cuz', 'because'], ['bc', 'because'], ['b4', 'before'],
  ['dont', 'do not'], ['doesnt', 'does not'], ['didnt', 'did not'], ['isnt', 'is not'], ['arent', 'are not'],
  ['cant', 'can not'], ['wont', 'will not'], ['wouldnt', 'would not'], ['shouldnt', 'should not'], ['couldnt', 'could not'],
  ['hes', 'he is'], ['shes', 'she is'], ['thats', 'that is'], ['theres', 'there is'], ['whos', 'who is'], ['hows', 'how is'],
  ['theyre', 'they are'], ['youre', 'you are'],
  ['y', 'why'], ['hw', 'how'], ['shud', 'should'], ['shd', 'should'], ['n', 'and'], ['btwn', 'between'], ['diff', 'difference'], ['def', 'definition'], ['defn', 'definition'],
  ['v', 'vs'], ['w', 'with'],
  // Chat spellings that are no slip of one letter from the word meant, or one too short to correct
  // into a function word safely ("dose" is two letters swapped, but so is "form" for "from").
  ['ppl', 'people'], ['meen', 'mean'], ['dose', 'does'],
]);

/** Words that carry politeness or hesitation, never meaning. Greetings are not filler: they are smalltalk. */
const FILLER = new Set([
  'please', 'pls', 'plz', 'plse', 'kindly', 'um', 'umm', 'uh', 'uhm', 'er', 'erm', 'hmm', 'lol', 'haha',
  'ok', 'okay', 'so', 'well', 'just', 'actually', 'basically', 'really', 'like',
  'anyway', 'anyways', 'anyhow',
  // Hesitations and asides: "bye, oh wait, what is hybrid cloud", "whats good abt cloud tbh".
  'oh', 'ohh', 'ah', 'ahh', 'wait', 'tbh', 'ngl', 'btw', 'tho',
  // Whom the student is talking to: "what is saas mate", "hey cloudbot, …".
  'mate', 'm8', 'bro', 'dude', 'pal', 'cloudbot',
  // Acknowledgements: "k", "cool", "yes" say the student is listening, not what they want to know.
  'k', 'kk', 'cool', 'yes', 'yeah', 'yep', 'yup', 'alright', 'noted', 'understood',
]);

/**
 * Whole messages that only acknowledge: read word by word, "i see" would be about seeing, and
 * matched "see you" (goodbye).
 */
const ACKNOWLEDGEMENTS = new Set(['i see', 'got it', 'i get it', 'makes sense', 'that makes sense', 'fair enough', 'i understand', 'i understand now']);

/** Removes the channel's markup: mentions first, so that the bot's own name never reaches the matcher. */
export function stripMarkup(text: string): string {
  return text.replace(MENTION, ' ').replace(TAG, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Lower-cases, expands contractions, drops punctuation and filler words. The result is the
 * "normalised question" that logs and records show.
 */
export function normalise(text: string): string {
  let result = trueOrFalseAsked(stripMarkup(text).replace(MARK_LABEL, ' '))
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
  // The order matters: "whats" is expanded after "what's" would have been.
  if (result.includes("'")) for (const [pattern, replacement] of CONTRACTIONS) result = result.replace(pattern, replacement);
  for (const [pattern, replacement] of UNMARKED_CONTRACTIONS) result = result.replace(pattern, replacement);
  const words = tokenise(result)
    .map((word) => {
      // "heyyy", "thanksss", "whyyy": a letter held at the end of a word is one letter. Inside a
      // word, three become two ("goood"), which the typo correction then handles like any slip.
      const single = HELD_LETTER.test(word) ? word.replace(/(\p{L})\1{2,}$/u, '$1').replace(/(\p{L})\1{2,}/gu, '$1$1') : word;
      return CHAT_SPELLINGS.get(single) ?? single;
    })
    .filter((word) => !FILLER.has(word))
    .join(' ');
  return ACKNOWLEDGEMENTS.has(words) ? '' : words;
}

/** Splits into words of letters and digits; everything else separates them. */
export function tokenise(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}
