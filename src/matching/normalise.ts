/**
 * Turns what a student typed into comparable words. Pure and dependency-free so that the
 * matcher, the eval and the `ask` command all see the same text.
 */

/** Teams wraps mentions in `<at>…</at>`; other channels may send stray HTML tags. */
// Neither pattern can span a "<": with `[^>]*` a message of many "<a<a<a" took time quadratic
// in its length (a second for 64 KB), which anyone could send.
const MENTION = /<at\b[^<>]*>[^<]*<\/at>/gi;
const TAG = /<\/?[a-z][^<>]*>/gi;

/** Contractions are expanded so that "what's" and "what is" give the same words. */
const CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/\bcan't\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bain't\b/g, 'is not'],
  [/\blet's\b/g, 'let us'],
  [/\b(what|whats|where|when|who|how|it|that|there|here|he|she)'s\b/g, '$1 is'],
  [/\bwhats\b/g, 'what is'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'d\b/g, '$1 would'],
  [/\bi'm\b/g, 'i am'],
  // Text-speak for "you": "see ya", "thank u".
  [/\b(ya|yah|yu)\b/g, 'you'],
];

/** Words that carry politeness or hesitation, never meaning. Greetings are not filler: they are smalltalk. */
const FILLER = new Set([
  'please', 'pls', 'plz', 'plse', 'kindly', 'um', 'umm', 'uh', 'uhm', 'er', 'erm', 'hmm', 'lol', 'haha',
  'ok', 'okay', 'so', 'well', 'just', 'actually', 'basically', 'really', 'like',
  'anyway', 'anyways', 'anyhow',
]);

/** Removes the channel's markup: mentions first, so that the bot's own name never reaches the matcher. */
export function stripMarkup(text: string): string {
  return text.replace(MENTION, ' ').replace(TAG, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Lower-cases, expands contractions, drops punctuation and filler words. The result is the
 * "normalised question" that logs and records show.
 */
export function normalise(text: string): string {
  let result = stripMarkup(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) result = result.replace(pattern, replacement);
  return tokenise(result)
    .filter((word) => !FILLER.has(word))
    .join(' ');
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
