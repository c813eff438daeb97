import { sentencesOf } from './sentencesOf';

export type AnswerPart = 'example' | 'drawback' | 'benefit';

/**
 * How each part shows in an answer, strongest cue first. Example cues are only the ways an answer
 * introduces an example: "Example:", "for example", "e.g."; an entry whose example reads
 * otherwise (the taxi of "as a service", the public cloud's providers) names it in `example`.
 * Looser cues ("such as", "include") found sentences that merely list things, such as IaaS's
 * "responsibility for things such as updates".
 */
const PART_CUES: Readonly<Record<AnswerPart, readonly RegExp[]>> = {
  example: [/\bexamples?\b|\be\.g\./i],
  // "In practice" and "a problem with" are one cue: the hybrid cloud's answer gives its
  // duplication of effort and, in another sentence, its latency problem, and both are drawbacks.
  drawback: [/\bbad point\b/i, /\b(downside|drawback|disadvantage)/i, /\bin practice\b|\ba problem with\b/i, /\bhowever\b/i],
  benefit: [/\bgood point\b/i, /\b(benefit|advantage)/i, /\bin theory\b/i, /\b(lowers|increases)\b/i],
};

/**
 * The sentences of an answer that give the part asked for, whole and in order, found by the
 * strongest cue that any sentence has; undefined when the answer has no such part.
 */
export function answerPart(answer: string, part: AnswerPart): string | undefined {
  const sentences = sentencesOf(answer);
  for (const cue of PART_CUES[part]) {
    const found = sentences.filter((sentence) => cue.test(sentence));
    if (found.length > 0) return found.join(' ');
  }
  return undefined;
}
