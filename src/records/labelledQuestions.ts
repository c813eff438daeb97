import type { Review } from './review';

/** The category a labelled row from the teaching team carries, so that a set can tell them apart. */
export const TEACHING_TEAM_CATEGORY = 'teaching-team';

/**
 * The answered tickets whose entry the review could name, as rows of a labelled question set
 * (`question<TAB>expected<TAB>category`, the format of `test/fixtures/*-questions.tsv`): the
 * question model learns from such a set at the next `npm run kb:train`. Only answered tickets:
 * there the team's answer chose or confirmed the entry. An unanswered question's entry is the
 * matcher's own guess, and learning from its own guesses would teach the model its mistakes.
 */
export function labelledQuestions(report: Review): string {
  const rows = report.answered.flatMap((item) =>
    item.proposal !== undefined && item.proposal.kind !== 'none' ? [[oneLine(item.question), item.proposal.entryId, TEACHING_TEAM_CATEGORY].join('\t')] : [],
  );
  return rows.length === 0 ? '' : `question\texpected\tcategory\n${rows.join('\n')}\n`;
}

/** A question as one TSV field: tabs and line breaks a student typed become spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
