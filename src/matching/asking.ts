/**
 * What a message asks, read from its words alone, before any topic is scored: what it sets aside
 * ("apart from SaaS, …") and a statement of what the student has already before the question ("I
 * follow SaaS, but what is IaaS?"). The matcher decides with the knowledge base what to make of
 * them (`Matcher.asked`, `Matcher.setAside`).
 */

/**
 * What the question sets aside: "rather than …" and "instead of …" up to the end of their clause,
 * anywhere; and a short clause that opens by setting something aside, up to five words closed by
 * a comma, the end or a question word ("apart from scalability, what other reasons are there",
 * "except latency what else", "never mind the drawbacks, …", "forget public versus private for a
 * second, …", "setting security aside, …", "not the bad stuff", "nothing about latency"), or up
 * to three words before "aside" ("IP concerns aside, …"). Longer, or inside a clause, the words describe the situation: "apart from
 * the price the public cloud seems great, what are its drawbacks?", "we know nothing about
 * servers", "somewhere other than our building", "not the sort of people who patch servers",
 * "nothing about it needs special hardware", "our company sets a server aside".
 */
const SET_ASIDE = '(?:apart from|aside from|other than|besides|except for|except|excluding|ignoring|not counting|never mind|forget about|forget|setting aside|leaving aside|leaving out|not the(?! (?:sort|sorts|kind|kinds|type|types)\\b)|not about|nothing about(?! (?:it|this|that|them)\\b))';
/** A question word that ends a set-aside clause with no comma: "other than SaaS which one is easiest?". */
const ASKING = '(?:which|what|whats|how|why|where|who|can|could|should|would|tell|give)';
const EXCLUDED = new RegExp(
  [
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
 * is clear", "got it", "makes sense". Not "we get a spike every Friday", which describes.
 */
const ALREADY_KNOWN = /\b(?:(?:i|we)(?:'ve| have)? (?:understand|understood|know|follow)|i(?:'ve| have)? (?:get|got)|(?:is|are) (?:clear|fine)|makes? sense|got it|clicked|done with)\b/i;
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

/** `excluding`'s question without what it sets aside. */
export function withoutExcluded(question: string): string {
  return excluding(question).kept;
}

/**
 * A statement of what the student has already, then a question: "SaaS I get. what's PaaS then?".
 * Only where the statement says it is understood and is not negated, is not a question itself,
 * and the question does not point back at it. Whether the two are about different things is the
 * knowledge base's to say.
 */
export function statementThenQuestion(text: string): { statement: string; asked: string } | undefined {
  const split = STATEMENT_THEN_QUESTION.exec(text);
  if (split === null) return undefined;
  const [, statement = '', asked = ''] = split;
  if (QUESTION_OPENING.test(statement.trim()) || REFERS_BACK.test(asked)) return undefined;
  if (!ALREADY_KNOWN.test(statement) || NOT_KNOWN.test(statement)) return undefined;
  return { statement, asked };
}
