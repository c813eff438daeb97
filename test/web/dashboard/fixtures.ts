import type { EntryNames } from '../../../src/web/dashboard/dashboardStats';
import type { AnyRecord, TurnOutcome } from '../../../src/records/records';
import type { Ticket } from '../../../src/tickets/ticket';

/** A made-up lecture of two topics, each with one child: the dashboard needs only names. */
const TITLES: Readonly<Record<string, string>> = {
  trains: 'Trains',
  'trains.fares': 'Train fares',
  buses: 'Buses',
  'buses.routes': 'Bus routes',
};

export const tinyNames: EntryNames = {
  title: (id) => TITLES[id],
  topicOf: (id) => {
    const top = id.split('.')[0] ?? id;
    const title = TITLES[id] === undefined ? undefined : TITLES[top];
    return title === undefined ? undefined : { id: top, title };
  },
  topics: [{ id: 'trains', title: 'Trains' }, { id: 'buses', title: 'Buses' }],
};

export const turn = (at: string, outcome: TurnOutcome, entryId: string | null = null): AnyRecord => ({ kind: 'turn', outcome, entryId, via: 'typed', at, conversation: 'h' });
export const vote = (at: string, entryId: string, up: boolean): AnyRecord => ({ kind: 'feedback', vote: up ? 'up' : 'down', entryId, question: 'q', confidence: 0.9, at, user: 'u' });
export const quizAnswer = (at: string, entryId: string, correct: boolean): AnyRecord => ({ kind: 'quiz-answer', entryId, questionId: `${entryId}#0`, correct, at, conversation: 'h' });

let tickets = 0;
export function ticket(status: Ticket['status'], createdAt: string, question = 'When does the last train leave?'): Ticket {
  tickets += 1;
  return {
    id: `00000000-0000-4000-8000-${String(tickets).padStart(12, '0')}`,
    status,
    reason: 'fallback',
    question,
    recent: [],
    botAnswer: null,
    student: 'hash',
    reference: { channelId: 'directline', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c' }, bot: { id: 'b' } },
    createdAt,
    ...(status === 'open' ? {} : { takenBy: { key: 'k', name: 'Ada' }, takenAt: createdAt }),
    ...(status === 'answered' ? { answer: { text: 'At midnight.', by: { key: 'k', name: 'Ada' }, at: createdAt } } : {}),
  };
}
