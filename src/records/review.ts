import type { CloudBotRecord, FeedbackRecord, QuestionRecord } from './records';

/** Questions that mean the same to the matcher: the same content terms, in any order. */
export interface QuestionGroup {
  count: number;
  /** The wordings seen, most frequent first. */
  wordings: string[];
  outcomes: Record<QuestionRecord['outcome'], number>;
  /** The entry the matcher leaned towards most often, with its best score: where an alternate might go. */
  nearest: { id: string; score: number } | undefined;
}

export interface EntryVotes {
  entryId: string;
  down: number;
  up: number;
  /** Questions that got a 👎, most frequent first. */
  questions: string[];
}

export interface Review {
  records: number;
  questions: QuestionGroup[];
  votes: EntryVotes[];
}

function mostFrequent(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
}

/**
 * What `kb:review` shows a knowledge-base author: the questions CloudBot could not answer well,
 * grouped by wording (`termsOf` is the matcher's own analysis), and the answers students
 * rated down. Most frequent first.
 */
export function review(records: readonly CloudBotRecord[], termsOf: (text: string) => string[]): Review {
  const groups = new Map<string, QuestionRecord[]>();
  const feedback: FeedbackRecord[] = [];
  for (const record of records) {
    if (record.kind === 'feedback') {
      feedback.push(record);
      continue;
    }
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
    records: records.length,
    questions: questions.sort((a, b) => b.count - a.count || (a.wordings[0] ?? '').localeCompare(b.wordings[0] ?? '')),
    votes: votes.filter((entry) => entry.down > 0).sort((a, b) => b.down - a.down || a.up - b.up || a.entryId.localeCompare(b.entryId)),
  };
}

export function formatReview(report: Review): string {
  const out = [`${String(report.records)} records.`, '', 'Unanswered and low-confidence questions, most frequent first:'];
  if (report.questions.length === 0) out.push('  none');
  for (const group of report.questions) {
    const how = Object.entries(group.outcomes)
      .filter(([, n]) => n > 0)
      .map(([outcome, n]) => `${outcome} ${String(n)}`)
      .join(', ');
    const nearest = group.nearest ? `; nearest entry ${group.nearest.id} (${group.nearest.score.toFixed(2)})` : '';
    out.push(`  ${String(group.count)}× "${group.wordings[0] ?? ''}" (${how}${nearest})`);
    for (const wording of group.wordings.slice(1, 4)) out.push(`      also "${wording}"`);
  }
  out.push('', 'Answers rated 👎, most first:');
  if (report.votes.length === 0) out.push('  none');
  for (const entry of report.votes) {
    out.push(`  ${entry.entryId}: ${String(entry.down)} 👎, ${String(entry.up)} 👍`);
    for (const question of entry.questions.slice(0, 3)) out.push(`      after "${question}"`);
  }
  return out.join('\n');
}
