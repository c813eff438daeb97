import { isTopic, type KnowledgeBase } from '../../knowledge/KnowledgeBase';
import { type AnyRecord, type RecordKind, TURN_OUTCOMES, type TurnOutcome } from '../../records/records';
import type { Ticket } from '../../tickets/ticket';

/** How the dashboard names entries: titles, and the lecture topic (overview) each belongs to. */
export interface EntryNames {
  title(entryId: string): string | undefined;
  /** The overview an entry belongs to (itself, for an overview); undefined for smalltalk or an unknown id. */
  topicOf(entryId: string): { id: string; title: string } | undefined;
  /** The lecture's topics, in authoring order. */
  topics: readonly { id: string; title: string }[];
}

/** The knowledge base's names, looked up once. */
export function entryNamesOf(kb: KnowledgeBase): EntryNames {
  const topics = kb.overviews.map((entry) => ({ id: entry.id, title: entry.title }));
  return {
    title: (id) => {
      const entry = kb.get(id);
      return entry && isTopic(entry) ? entry.title : undefined;
    },
    topicOf: (id) => {
      const entry = kb.get(id);
      if (!entry || !isTopic(entry)) return undefined;
      const overviewId = id.split('.')[0] ?? id;
      return topics.find((topic) => topic.id === overviewId);
    },
    topics,
  };
}

export type OutcomeCounts = Record<TurnOutcome, number>;

export interface DayCount extends OutcomeCounts {
  /** `YYYY-MM-DD`, in UTC. */
  day: string;
}

export interface DashboardStats {
  /** The first day counted and the last (today), `YYYY-MM-DD` in UTC. */
  from: string;
  to: string;
  /** Every day of the period, oldest first, days without questions included. */
  perDay: DayCount[];
  outcomes: OutcomeCounts;
  questions: number;
  /** Answered entries, most asked first, at most `TOP`. */
  topics: { entryId: string; title: string; count: number }[];
  /** 👍/👎 per entry, most 👎 first, at most `TOP`. */
  votes: { entryId: string; title: string; up: number; down: number }[];
  /** Quiz answers per lecture topic, in the lecture's order; topics never quizzed included. */
  quiz: { topicId: string; title: string; right: number; wrong: number }[];
  tickets: { open: number; taken: number; waiting: { id: string; question: string; status: 'open' | 'taken'; createdAt: string; takenBy: string | undefined }[] };
  /** Kinds of record with more in the period than were read: their counts are the latest ones only. */
  truncated: RecordKind[];
}

/** Bars per chart: more would not be read. */
export const TOP = 10;
const DAY_MS = 86_400_000;

function zeroOutcomes(): OutcomeCounts {
  return { answered: 0, clarified: 0, declined: 0, smalltalk: 0 };
}

function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export interface StatsInput {
  records: readonly AnyRecord[];
  /** Open and taken tickets; undefined or empty when asking the teaching team is off. */
  tickets?: readonly Ticket[];
  truncated?: readonly RecordKind[];
  names: EntryNames;
  now: Date;
  /** Days counted, today included. */
  days: number;
}

/**
 * The staff dashboard's figures from the records of a period: pure, so that what each chart
 * shows is tested without a page or storage. Records outside the period are ignored.
 */
export function dashboardStats({ records, tickets = [], truncated = [], names, now, days }: StatsInput): DashboardStats {
  const today = Date.parse(dayOf(now.getTime()));
  const first = today - (days - 1) * DAY_MS;
  const perDay = new Map<string, DayCount>();
  for (let index = 0; index < days; index++) {
    const day = dayOf(first + index * DAY_MS);
    perDay.set(day, { day, ...zeroOutcomes() });
  }
  const outcomes = zeroOutcomes();
  const asked = new Map<string, number>();
  const votes = new Map<string, { up: number; down: number }>();
  const quiz = new Map(names.topics.map((topic) => [topic.id, { right: 0, wrong: 0 }]));

  for (const record of records) {
    const counted = perDay.get(dayOf(Date.parse(record.at)));
    if (!counted) continue;
    switch (record.kind) {
      case 'turn':
        counted[record.outcome] += 1;
        outcomes[record.outcome] += 1;
        if (record.outcome === 'answered' && record.entryId !== null && names.title(record.entryId) !== undefined) {
          asked.set(record.entryId, (asked.get(record.entryId) ?? 0) + 1);
        }
        break;
      case 'feedback': {
        const tally = votes.get(record.entryId) ?? { up: 0, down: 0 };
        tally[record.vote] += 1;
        votes.set(record.entryId, tally);
        break;
      }
      case 'quiz-answer': {
        const topic = names.topicOf(record.entryId);
        const tally = topic ? quiz.get(topic.id) : undefined;
        if (tally) tally[record.correct ? 'right' : 'wrong'] += 1;
        break;
      }
      case 'question':
        // The words of the badly answered questions are kb:review's; the turn records count them here.
        break;
    }
  }

  const waiting = tickets
    .flatMap((ticket) => (ticket.status === 'answered' ? [] : [{ id: ticket.id, question: ticket.question, status: ticket.status, createdAt: ticket.createdAt, takenBy: ticket.takenBy?.name }]))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    from: dayOf(first),
    to: dayOf(today),
    perDay: [...perDay.values()],
    outcomes,
    questions: TURN_OUTCOMES.reduce((sum, outcome) => sum + outcomes[outcome], 0),
    topics: [...asked]
      .map(([entryId, count]) => ({ entryId, title: names.title(entryId) ?? entryId, count }))
      .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
      .slice(0, TOP),
    votes: [...votes]
      .map(([entryId, tally]) => ({ entryId, title: names.title(entryId) ?? entryId, ...tally }))
      .sort((a, b) => b.down - a.down || b.up - a.up || a.title.localeCompare(b.title))
      .slice(0, TOP),
    quiz: names.topics.map((topic) => ({ topicId: topic.id, title: topic.title, ...(quiz.get(topic.id) ?? { right: 0, wrong: 0 }) })),
    tickets: { open: waiting.filter((ticket) => ticket.status === 'open').length, taken: waiting.filter((ticket) => ticket.status === 'taken').length, waiting },
    truncated: [...truncated],
  };
}
