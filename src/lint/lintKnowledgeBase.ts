import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { foldSpace } from '../knowledge/lecture';
import type { Matcher } from '../matching/Matcher';

export interface LintReport {
  /** Alternates that do not retrieve their own entry: the matcher would answer them wrongly or not at all. */
  unretrieved: { id: string; alternate: string; got: string }[];
  /** Entries whose alternates the matcher can barely tell apart: the runner-up is within the (relative) margin. */
  confusable: { a: string; b: string; alternate: string; scores: [number, number] }[];
  /** Lecture lines (paragraphs and bullets) that no entry quotes. */
  uncited: { section: string; line: string }[];
  /** Sub-topics with no situations: a student who describes one instead of naming it cannot find it. */
  withoutSituations: string[];
  /** Situations the matcher does not answer with their own entry. */
  unretrievedSituations: { id: string; situation: string; got: string }[];
}

/**
 * What `npm run kb:lint` checks beyond the schema: that the knowledge base works with the
 * matcher, and that it covers the whole lecture.
 */
export function lintKnowledgeBase(kb: KnowledgeBase, matcher: Matcher, margin: number): LintReport {
  const report: LintReport = { unretrieved: [], confusable: [], uncited: [], withoutSituations: [], unretrievedSituations: [] };
  const pairs = new Set<string>();
  for (const entry of kb.entries) {
    const smalltalk = entry.id.startsWith('smalltalk.');
    for (const alternate of entry.alternates) {
      // Scored without the exact-phrasing shortcut, which would find every alternate by construction.
      const [top, second] = matcher.scores(alternate).filter((candidate) => !candidate.id.startsWith('smalltalk.'));
      const got = smalltalk ? matcher.match(alternate).id : top?.id;
      if (got !== entry.id) report.unretrieved.push({ id: entry.id, alternate, got: got ?? 'nothing' });
      if (top?.id === entry.id && second && top.score - second.score < margin * top.score) {
        const key = [entry.id, second.id].sort().join(' ~ ');
        if (!pairs.has(key)) {
          pairs.add(key);
          report.confusable.push({ a: entry.id, b: second.id, alternate, scores: [top.score, second.score] });
        }
      }
    }
  }
  for (const entry of kb.topics) {
    const leaf = entry.id.includes('.') && kb.childrenOf(entry.id).length === 0;
    if (leaf && entry.situations.length === 0) report.withoutSituations.push(entry.id);
    for (const situation of entry.situations) {
      // Matched as a student's message, rules and all: a situation is asked, not looked up.
      const result = matcher.match(situation);
      if (result.id !== entry.id) report.unretrievedSituations.push({ id: entry.id, situation, got: result.id ?? result.kind });
    }
  }
  const quotes = kb.topics.flatMap((entry) => entry.source.quotes.map(foldSpace));
  for (const section of kb.lecture.sections) {
    for (const line of section.lines) {
      const folded = foldSpace(line);
      if (!quotes.some((quote) => folded.includes(quote) || quote.includes(folded))) {
        report.uncited.push({ section: section.title, line });
      }
    }
  }
  return report;
}

/** Whether a report has anything an author must fix. Confusable pairs are warnings. */
export function lintFails(report: LintReport): boolean {
  return report.unretrieved.length > 0 || report.uncited.length > 0 || report.withoutSituations.length > 0 || report.unretrievedSituations.length > 0;
}

export function formatLint(report: LintReport): string {
  const out: string[] = [];
  out.push(`Alternates that do not retrieve their own entry: ${report.unretrieved.length}`);
  for (const u of report.unretrieved) out.push(`  ${u.id}: "${u.alternate}" → ${u.got}`);
  out.push(`Entries too close to tell apart (warning): ${report.confusable.length}`);
  for (const c of report.confusable) out.push(`  ${c.a} ~ ${c.b}: "${c.alternate}" scores ${c.scores[0]} vs ${c.scores[1]}`);
  out.push(`Sub-topics without situations: ${report.withoutSituations.length}`);
  for (const id of report.withoutSituations) out.push(`  ${id}`);
  out.push(`Situations that do not retrieve their own entry: ${report.unretrievedSituations.length}`);
  for (const u of report.unretrievedSituations) out.push(`  ${u.id}: "${u.situation}" → ${u.got}`);
  out.push(`Lecture lines no entry cites: ${report.uncited.length}`);
  for (const u of report.uncited) out.push(`  [${u.section}] ${u.line}`);
  return out.join('\n');
}
