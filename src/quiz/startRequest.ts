/**
 * Whether a normalised message asks to start a quiz, and on what. Students ask in many ways
 * ("can you quiz me", "give me a quiz", "i want to practise", "test my knowledge of paas"), so
 * the request is read in two steps: an optional polite opening is dropped, then what is left
 * must be, as a whole, one of a few ways of asking for practice. Anchoring the whole message
 * keeps ordinary lecture questions out: "what is a test environment" or "what does in practice
 * mean" start nothing, because they do not consist of a request.
 */

/** Openings that wrap a request without changing it: "can you …", "i want to …", "let us …". */
// "like" is a filler word that `normalise` drops, so "i'd like to" arrives as "i would to".
const OPENING = /^(?:(?:can|could|would|will) you |(?:can|could|may) i (?:have |get |do |take |try )?|i (?:want|wanna|would(?: like)?|need|am ready) (?:to )?|let us |lets |time to |ready to )/;

/** The topic, if one is named: "… on iaas", "… about security", "… of the service models". */
const TOPIC = '(?: (?:on|about|of|for|in) (.+?))?';
/** Verbs that ask for a quiz: "give me a quiz", "start a round", "do some practice questions". */
const VERB = '(?:give me|set me|start|begin|do|take|have|try|play|get)';
/** Nouns that mean a quiz on their own: "quiz", "practice questions". */
const QUIZ = '(?:quiz|quizzes|practi[cs]e quiz|(?:practi[cs]e|revision|quiz|test) questions?)';
/**
 * Nouns that mean a quiz only when asked for: "a test", "another round", "some questions".
 * Alone they are too common ("test", "questions about iaas") to take as a request.
 */
const ASKED_FOR = '(?:round|test|questions|practi[cs]e)';

/** Asking once more, as after a quiz just finished or stopped: "quiz me again", "test me once more on iaas". */
const AGAIN = '(?: again| once more| one more time)?';

/** What is left once the opening is gone: each is a whole request, topic optional. */
const REQUESTS: readonly RegExp[] = [
  // "quiz me", "test me on iaas"
  new RegExp(`^(?:quiz|test) me${AGAIN}${TOPIC}${AGAIN}$`),
  // "quiz", "give me a quiz", "start the quiz", "practice questions on paas"
  new RegExp(`^(?:${VERB} )?(?:a |an |another |some |the |new |more )?${QUIZ}${AGAIN}${TOPIC}${AGAIN}$`),
  // "give me a test", "another round", "some questions", "do a practice": never the bare noun
  new RegExp(`^(?:${VERB} (?:a |an |another |some |the |new |more )?|(?:a|an|another|some|new|more|one more) )${ASKED_FOR}${TOPIC}$`),
  // "practise", "practice on paas", "revise"
  new RegExp(`^(?:practi[cs]e|revise)${TOPIC}$`),
  // "test my knowledge", "check my understanding of the service models"
  new RegExp(`^(?:test|check|quiz me on) my (?:knowledge|understanding)${TOPIC}$`),
  // "study mode", "start study mode"
  /^(?:start |enter |begin )?study mode$/,
];

/**
 * The request with its count taken out: "test me with 3 questions on iaas" reads as "test me on
 * iaas", "give me 3 questions" as "give me some questions".
 */
function withoutCount(request: string, count: RegExpExecArray): string {
  const before = request.slice(0, count.index);
  const after = request.slice(count.index + count[0].length);
  const aboutMe = /^(?:quiz|test) me$/.test(before.trim());
  return (aboutMe ? `${before} ${after.replace(/^questions?\b/, '')}` : `${before} some ${after}`).replace(/\s+/g, ' ').trim();
}

/** A request to start a quiz: `topic` is what it is about, or undefined for the whole lecture; `size`, how many questions were asked for. */
export interface StartRequest {
  topic: string | undefined;
  size?: number;
}

/**
 * How many questions a request asks for, where it says: "test me with 3 questions on iaas", "give
 * me 5 questions". Taken out before the request is read, which then reads as "test me on iaas".
 */
const COUNT = /(?:^| )(?:with )?(\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:quick |short |practice |quiz )?(?=questions?\b)/;
const COUNT_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * Reads a message already passed through `normalise` (lower case, no punctuation or filler).
 * Returns undefined when the message is not a request to start a quiz.
 */
export function readStartRequest(said: string): StartRequest | undefined {
  const opened = said.replace(OPENING, '');
  const count = COUNT.exec(opened);
  const request = count === null ? opened : withoutCount(opened, count);
  const number = count?.[1] ?? '';
  const size = count === null ? undefined : /^\d+$/.test(number) ? Number(number) : COUNT_WORDS.indexOf(number) + 1;
  for (const pattern of REQUESTS) {
    const match = pattern.exec(request);
    if (match) return { topic: match[1], ...(size !== undefined && size > 0 ? { size } : {}) };
  }
  return undefined;
}
