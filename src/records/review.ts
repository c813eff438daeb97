import { type FeedbackRecord, FeedbackRecordSchema, type QuestionRecord, QuestionRecordSchema } from './records';
import { type KnowledgeFolder, type Proposal, type ProposalOptions, DEFAULT_PROPOSAL_OPTIONS, propose } from './proposals';

/** Questions that mean the same to the matcher: the same content terms, in any order. */
export interface QuestionGroup {
  count: number;
  /** The wordings seen, most frequent first. */
  wordings: string[];
  outcomes: Record<QuestionRecord['outcome'], number>;
  /** The entry the matcher leaned towards most often, with its best score: where an alternate might go. */
  nearest: { id: string; score: number } | undefined;
  /** The entry the most frequent wording should join, once `withProposals` has looked. */
  proposal?: Proposal;
}

/**
 * A question the teaching team answered ("Ask the teaching team"), as `kb:review` lists it.
 * Declared by its shape, not as the ticket: src/records sits below src/tickets, so the command
 * maps each answered ticket to this.
 */
export interface AnsweredQuestion {
  question: string;
  answer: string;
  /** The member of staff's display name. */
  answeredBy: string;
  answeredAt: string;
  /** The student's 👍/👎 on the answer, if they gave one. */
  rating: 'up' | 'down' | undefined;
  /** What led the student to ask a person: `fallback`, `clarify` or `thumbs-down`. */
  reason: string;
  proposal?: Proposal;
}

export interface EntryVotes {
  entryId: string;
  down: number;
  up: number;
  /** Questions that got a 👎, most frequent first. */
  questions: string[];
}

export interface Review {
  /** The records reviewed: questions and votes (records of other kinds are not `kb:review`'s). */
  records: number;
  questions: QuestionGroup[];
  /** Newest first. */
  answered: AnsweredQuestion[];
  votes: EntryVotes[];
}

function mostFrequent(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
}

/**
 * The records of one kind, parsed again: the store holds kinds `kb:review` does not use (turns,
 * quiz answers), and whatever shape they take must not reach the grouping below.
 */
function recordsOf<T>(records: readonly { kind: string }[], kind: string, schema: { safeParse(value: unknown): { data?: T } }): T[] {
  return records.flatMap((record) => {
    if (record.kind !== kind) return [];
    const parsed = schema.safeParse(record).data;
    return parsed === undefined ? [] : [parsed];
  });
}

/**
 * What `kb:review` shows a knowledge-base author: the questions CloudBot could not answer well,
 * grouped by wording (`termsOf` is the matcher's own analysis), the questions the teaching team
 * answered instead, and the answers students rated down. Most frequent first.
 */
export function review(records: readonly { kind: string }[], termsOf: (text: string) => string[], answered: readonly AnsweredQuestion[] = []): Review {
  const groups = new Map<string, QuestionRecord[]>();
  const asked = recordsOf<QuestionRecord>(records, 'question', QuestionRecordSchema);
  const feedback = recordsOf<FeedbackRecord>(records, 'feedback', FeedbackRecordSchema);
  for (const record of asked) {
    const key = [...termsOf(record.question)].sort().join(' ') || record.question;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }

  const questions = [...groups.values()].map((members): QuestionGroup => {
    const outcomes = { fallback: 0, clarify: 0, 'low-confidence': 0 };
    for (const member of members) outcomes[member.outcome] += 1;
    const tops = members.flatMap((member) => (member.candidates[0] ? [member.candidates[0]] : []));
    const nearestId = mostFrequent(tops.map((top) => top.id))[0];
    return {
      count: members.length,
      wordings: mostFrequent(members.map((member) => member.question)),
      outcomes,
      nearest: nearestId === undefined ? undefined : { id: nearestId, score: Math.max(...tops.filter((top) => top.id === nearestId).map((top) => top.score)) },
    };
  });

  const byEntry = new Map<string, FeedbackRecord[]>();
  for (const vote of feedback) byEntry.set(vote.entryId, [...(byEntry.get(vote.entryId) ?? []), vote]);
  const votes = [...byEntry].map(([entryId, entryVotes]): EntryVotes => {
    const down = entryVotes.filter((vote) => vote.vote === 'down');
    return { entryId, down: down.length, up: entryVotes.length - down.length, questions: mostFrequent(down.map((vote) => vote.question).filter(Boolean)) };
  });

  return {
    records: asked.length + feedback.length,
    questions: questions.sort((a, b) => b.count - a.count || (a.wordings[0] ?? '').localeCompare(b.wordings[0] ?? '')),
    answered: [...answered].sort((a, b) => b.answeredAt.localeCompare(a.answeredAt)),
    votes: votes.filter((entry) => entry.down > 0).sort((a, b) => b.down - a.down || a.up - b.up || a.entryId.localeCompare(b.entryId)),
  };
}

/**
 * The review with a proposal for each answered question and each group of unanswered ones, and
 * the patch that adds those that pass `kb:lint`. Answered questions go first, so that where a
 * student asked the team what CloudBot could not answer, the wording is placed with the help of
 * the team's answer.
 */
export function withProposals(report: Review, folder: KnowledgeFolder, options: Readonly<ProposalOptions> = DEFAULT_PROPOSAL_OPTIONS): { review: Review; patch: string } {
  const wordings = [
    ...report.answered.map((item) => ({ question: item.question, answer: item.answer })),
    ...report.questions.map((group) => ({ question: group.wordings[0] ?? '' })),
  ];
  const { proposals, patch } = propose(wordings, folder, options);
  const at = (index: number): Proposal => proposals[index] ?? { kind: 'none', reason: 'not looked at' };
  return {
    review: {
      ...report,
      answered: report.answered.map((item, index) => ({ ...item, proposal: at(index) })),
      questions: report.questions.map((group, index) => ({ ...group, proposal: at(report.answered.length + index) })),
    },
    patch,
  };
}

const RATINGS = { up: 'rated 👍', down: 'rated 👎' } as const;

/** "1 record", "2 records". */
export function count(n: number, noun: string): string {
  return `${String(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** The first `max` characters of a text on one line, cut at a word. */
function excerpt(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))} …`;
}

function formatProposal(proposal: Proposal | undefined): string[] {
  if (proposal === undefined) return [];
  if (proposal.kind === 'none') return [`      → ${proposal.reason}`];
  const what = `      → ${proposal.kind} of ${proposal.entryId} (${proposal.file}), chosen by the ${proposal.chosenBy} at ${proposal.score.toFixed(2)}`;
  if (proposal.problems.length === 0) return [`${what}: passes kb:lint; in the patch`];
  return [`${what}: would fail kb:lint, so not in the patch:`, ...proposal.problems.map((problem) => `          ${problem}`)];
}

export function formatReview(report: Review): string {
  const out = [`${count(report.records, 'record')}, ${count(report.answered.length, 'answered ticket')}.`, '', 'Unanswered and low-confidence questions, most frequent first:'];
  if (report.questions.length === 0) out.push('  none');
  for (const group of report.questions) {
    const how = Object.entries(group.outcomes)
      .filter(([, n]) => n > 0)
      .map(([outcome, n]) => `${outcome} ${String(n)}`)
      .join(', ');
    const nearest = group.nearest ? `; nearest entry ${group.nearest.id} (${group.nearest.score.toFixed(2)})` : '';
    out.push(`  ${String(group.count)}× "${group.wordings[0] ?? ''}" (${how}${nearest})`);
    for (const wording of group.wordings.slice(1, 4)) out.push(`      also "${wording}"`);
    out.push(...formatProposal(group.proposal));
  }
  out.push('', 'Answered by the teaching team, newest first:');
  if (report.answered.length === 0) out.push('  none');
  for (const item of report.answered) {
    const rating = item.rating === undefined ? 'not rated' : RATINGS[item.rating];
    out.push(`  "${excerpt(item.question)}" (after ${item.reason}), answered by ${item.answeredBy} on ${item.answeredAt.slice(0, 10)}, ${rating}`);
    out.push(`      answer: "${excerpt(item.answer)}"`);
    out.push(...formatProposal(item.proposal));
  }
  out.push('', 'Answers rated 👎, most first:');
  if (report.votes.length === 0) out.push('  none');
  for (const entry of report.votes) {
    out.push(`  ${entry.entryId}: ${String(entry.down)} 👎, ${String(entry.up)} 👍`);
    for (const question of entry.questions.slice(0, 3)) out.push(`      after "${question}"`);
  }
  return out.join('\n');
}
