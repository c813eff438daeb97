import { dashboardStats, entryNamesOf, TOP } from '../../../src/web/dashboard/dashboardStats';
import { realKnowledgeBase } from '../../support/knowledge';
import { quizAnswer, ticket, tinyNames, turn, vote } from './fixtures';

const NOW = new Date('2026-12-10T15:00:00.000Z');
const stats = (input: Partial<Parameters<typeof dashboardStats>[0]>) => dashboardStats({ records: [], names: tinyNames, now: NOW, days: 7, ...input });

describe('the dashboard\'s figures from the records of a period', () => {
  it('counts questions per UTC day, every day of the period included, and nothing outside it', () => {
    const result = stats({
      records: [
        turn('2026-12-10T00:30:00.000Z', 'answered', 'trains'),
        turn('2026-12-09T23:59:59.000Z', 'declined'),
        turn('2026-12-09T08:00:00.000Z', 'clarified'),
        turn('2026-12-04T00:00:00.000Z', 'smalltalk'),
        // The day before the period, and a clock ahead of ours: not counted.
        turn('2026-12-03T23:00:00.000Z', 'answered', 'trains'),
        turn('2026-12-11T01:00:00.000Z', 'answered', 'trains'),
      ],
    });
    expect(result.from).toBe('2026-12-04');
    expect(result.to).toBe('2026-12-10');
    expect(result.perDay.map((day) => day.day)).toEqual(['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10']);
    expect(result.perDay[5]).toEqual({ day: '2026-12-09', answered: 0, clarified: 1, declined: 1, smalltalk: 0 });
    expect(result.perDay[6]).toEqual({ day: '2026-12-10', answered: 1, clarified: 0, declined: 0, smalltalk: 0 });
    expect(result.outcomes).toEqual({ answered: 1, clarified: 1, declined: 1, smalltalk: 1 });
    expect(result.questions).toBe(4);
  });

  it('ranks the topics answered most, leaving out smalltalk and entries the lecture no longer has, at most ten', () => {
    const records = [
      ...Array.from({ length: 3 }, () => turn('2026-12-10T10:00:00.000Z', 'answered', 'buses')),
      ...Array.from({ length: 5 }, () => turn('2026-12-09T10:00:00.000Z', 'answered', 'trains.fares')),
      turn('2026-12-09T10:00:00.000Z', 'smalltalk', 'smalltalk.greeting'),
      turn('2026-12-09T10:00:00.000Z', 'answered', 'removed.entry'),
    ];
    expect(stats({ records }).topics).toEqual([
      { entryId: 'trains.fares', title: 'Train fares', count: 5 },
      { entryId: 'buses', title: 'Buses', count: 3 },
    ]);
    const many = Array.from({ length: 12 }, (_, index) => turn('2026-12-10T10:00:00.000Z', 'answered', `e${String(index)}`));
    const names = { ...tinyNames, title: (id: string) => id };
    expect(stats({ records: many, names }).topics).toHaveLength(TOP);
  });

  it('tallies 👍 and 👎 per answer, the most 👎 first', () => {
    const records = [vote('2026-12-10T10:00:00.000Z', 'trains', true), vote('2026-12-10T10:00:00.000Z', 'buses', false), vote('2026-12-10T11:00:00.000Z', 'buses', false), vote('2026-12-10T11:00:00.000Z', 'buses', true)];
    expect(stats({ records }).votes).toEqual([
      { entryId: 'buses', title: 'Buses', up: 1, down: 2 },
      { entryId: 'trains', title: 'Trains', up: 1, down: 0 },
    ]);
  });

  it('adds up quiz answers by lecture topic, a child entry\'s under its topic, topics never quizzed shown at zero', () => {
    const records = [quizAnswer('2026-12-10T10:00:00.000Z', 'trains.fares', true), quizAnswer('2026-12-10T10:00:00.000Z', 'trains', false), quizAnswer('2026-12-10T10:00:00.000Z', 'trains', true)];
    expect(stats({ records }).quiz).toEqual([
      { topicId: 'trains', title: 'Trains', right: 2, wrong: 1 },
      { topicId: 'buses', title: 'Buses', right: 0, wrong: 0 },
    ]);
  });

  it('lists the tickets still waiting, oldest first, and counts open and taken ones', () => {
    const tickets = [ticket('open', '2026-12-10T09:00:00.000Z', 'newest'), ticket('taken', '2026-12-08T09:00:00.000Z', 'oldest'), ticket('answered', '2026-12-07T09:00:00.000Z')];
    const result = stats({ tickets }).tickets;
    expect(result.open).toBe(1);
    expect(result.taken).toBe(1);
    expect(result.waiting.map((waiting) => [waiting.question, waiting.status, waiting.takenBy])).toEqual([['oldest', 'taken', 'Ada'], ['newest', 'open', undefined]]);
  });

  it('names the real lecture\'s entries by title and topic', () => {
    const names = entryNamesOf(realKnowledgeBase());
    expect(names.title('service-models.paas')).toMatch(/PaaS/);
    expect(names.topicOf('service-models.paas')?.id).toBe('service-models');
    expect(names.topicOf('smalltalk.greeting')).toBeUndefined();
    expect(names.topics.map((topic) => topic.id)).toContain('service-models');
  });
});
