/**
 * Unicode sentence boundaries (ICU, built into Node). Built once, as it holds compiled rules, and
 * on first use: building it takes milliseconds that a cold start would otherwise pay for a
 * follow-up it may never get.
 */
let segmenter: Intl.Segmenter | undefined;

/** "(e.g." or "i.e." at the end of a piece: ICU ends a sentence there when a capital follows. */
const ENDS_WITH_ABBREVIATION = /(?:^|[\s(])(?:e\.g|eg|i\.e|ie|etc|vs|cf)\.$/i;

/**
 * An answer's sentences, each whole. ICU's rules break after "e.g." when a name follows
 * ("(e.g. Microsoft Azure, …)"), so a piece that ends with an abbreviation or inside brackets
 * is joined to the next one.
 */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let current = '';
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const { segment } of segmenter.segment(text.trim())) {
    current += segment;
    const piece = current.trim();
    if (!ENDS_WITH_ABBREVIATION.test(piece) && openBrackets(piece) === 0) {
      sentences.push(piece);
      current = '';
    }
  }
  if (current.trim() !== '') sentences.push(current.trim());
  return sentences;
}

function openBrackets(text: string): number {
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
  }
  return depth;
}
