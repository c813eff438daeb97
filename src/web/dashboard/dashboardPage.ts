import { escapeHtml } from '../html';
import { TURN_OUTCOMES, type TurnOutcome } from '../../records/records';
import type { DashboardStats } from './dashboardStats';
import { barChart, type ChartSpec, chartTable, columnChart, PALETTE, type Series } from './svgCharts';

/** What the page says besides the figures: which lecture, and what is switched off. */
export interface DashboardView {
  lectureTitle: string;
  /** False with `RECORD_QUESTIONS=false`: nothing is recorded, so every chart is empty. */
  recording: boolean;
  /** Why asking the teaching team is off, if it is. */
  ticketsOff: string | undefined;
  /** Parts that could not be read just now (storage down), said on the page instead of failing it. */
  problems: readonly string[];
}

const OUTCOME_SERIES: Readonly<Record<TurnOutcome, Series>> = {
  answered: { name: 'Answered', colour: PALETTE.blue },
  clarified: { name: 'Clarified', colour: PALETTE.orange },
  declined: { name: 'Declined', colour: PALETTE.vermillion },
  smalltalk: { name: 'Smalltalk', colour: PALETTE.grey },
};
const GOOD = PALETTE.green;
const BAD = PALETTE.vermillion;
/** The waiting tickets listed; the chart counts them all. */
const TICKETS_LISTED = 50;

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${String(Math.round((part / whole) * 100))}%`;
}

/** A chart, then its numbers in a table that can be opened under it. */
function figure(spec: ChartSpec, chart: (spec: ChartSpec) => string, note = ''): string {
  return `<figure>${chart(spec)}${note}<details><summary>The numbers: ${escapeHtml(spec.title.toLowerCase())}</summary>${chartTable(spec)}</details></figure>`;
}

function section(id: string, heading: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2>${body}</section>`;
}

function shortDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

function ticketList(stats: DashboardStats, now: Date): string {
  const waiting = stats.tickets.waiting;
  if (waiting.length === 0) return '<p>No question is waiting for the teaching team.</p>';
  const rows = waiting
    .slice(0, TICKETS_LISTED)
    .map((ticket) => {
      const hours = Math.max(0, Math.round((now.getTime() - Date.parse(ticket.createdAt)) / 3_600_000));
      const since = hours < 1 ? 'under an hour' : hours < 48 ? `${String(hours)} h` : `${String(Math.round(hours / 24))} days`;
      const status = ticket.status === 'open' ? 'Open' : `Taken by ${ticket.takenBy ?? 'someone'}`;
      return `<tr><td>${escapeHtml(ticket.question)}</td><td>${escapeHtml(status)}</td><td>${since}</td></tr>`;
    })
    .join('');
  const more = waiting.length > TICKETS_LISTED ? `<p>And ${String(waiting.length - TICKETS_LISTED)} more, oldest first above.</p>` : '';
  return `<table class="tickets"><caption>Waiting questions, oldest first</caption><thead><tr><th scope="col">Question</th><th scope="col">Status</th><th scope="col">Waiting</th></tr></thead><tbody>${rows}</tbody></table>${more}`;
}

/** The dashboard's body: one section per chart, each with its table. */
function sections(stats: DashboardStats, view: DashboardView, now: Date): string {
  const days = stats.perDay.length;
  const outcomes = TURN_OUTCOMES.map((outcome) => OUTCOME_SERIES[outcome]);
  const busiest = [...stats.perDay].sort((a, b) => total(b) - total(a))[0];
  const perDay = figure(
    {
      id: 'per-day',
      title: `Questions per day, last ${String(days)} days`,
      summary: `${String(stats.questions)} questions from ${stats.from} to ${stats.to}${busiest && total(busiest) > 0 ? `; the busiest day was ${busiest.day} with ${String(total(busiest))}` : ''}. Each day's column is split by how CloudBot replied.`,
      series: outcomes,
      rows: stats.perDay.map((day) => ({ label: shortDay(day.day), values: TURN_OUTCOMES.map((outcome) => day[outcome]) })),
      rowHeading: 'Day',
    },
    columnChart,
  );
  const shares = figure(
    {
      id: 'shares',
      title: 'How CloudBot replied',
      summary: TURN_OUTCOMES.map((outcome) => `${percent(stats.outcomes[outcome], stats.questions)} ${outcome}`).join(', ') + ` of ${String(stats.questions)} questions.`,
      series: [{ name: 'Questions', colour: PALETTE.blue }],
      rows: TURN_OUTCOMES.map((outcome) => ({ label: `${OUTCOME_SERIES[outcome].name} (${percent(stats.outcomes[outcome], stats.questions)})`, values: [stats.outcomes[outcome]] })),
      rowHeading: 'Reply',
    },
    barChart,
  );
  const topics = figure(
    {
      id: 'topics',
      title: 'Topics asked most',
      summary: stats.topics.length === 0 ? 'No question has been answered yet.' : `Most asked: ${stats.topics.slice(0, 3).map((topic) => `${topic.title} (${String(topic.count)})`).join(', ')}.`,
      series: [{ name: 'Answered questions', colour: PALETTE.blue }],
      rows: stats.topics.map((topic) => ({ label: topic.title, values: [topic.count] })),
      rowHeading: 'Topic',
    },
    barChart,
  );
  const votes = figure(
    {
      id: 'votes',
      title: 'Ratings by answer',
      summary: stats.votes.length === 0 ? 'No answer has been rated yet.' : `Most rated down: ${stats.votes.slice(0, 3).map((vote) => `${vote.title} (${String(vote.down)} not helpful, ${String(vote.up)} helpful)`).join('; ')}.`,
      // Words, not 👍/👎: a chart's text must not depend on an emoji font.
      series: [{ name: 'Helpful', colour: GOOD }, { name: 'Not helpful', colour: BAD }],
      rows: stats.votes.map((vote) => ({ label: vote.title, values: [vote.up, vote.down] })),
      rowHeading: 'Answer',
    },
    barChart,
  );
  const quizzed = stats.quiz.filter((topic) => topic.right + topic.wrong > 0);
  const quiz = figure(
    {
      id: 'quiz',
      title: 'Quiz results by topic',
      summary:
        quizzed.length === 0
          ? 'No quiz question has been answered yet.'
          : quizzed.map((topic) => `${topic.title}: ${percent(topic.right, topic.right + topic.wrong)} right of ${String(topic.right + topic.wrong)}`).join('; ') + '.',
      series: [{ name: 'Right', colour: GOOD }, { name: 'Wrong', colour: BAD }],
      rows: stats.quiz.map((topic) => ({ label: topic.title, values: [topic.right, topic.wrong] })),
      rowHeading: 'Topic',
    },
    barChart,
  );
  const tickets =
    view.ticketsOff !== undefined
      ? `<p>Asking the teaching team is off: ${escapeHtml(view.ticketsOff)}.</p>`
      : figure(
          {
            id: 'tickets',
            title: 'Questions waiting for the teaching team',
            summary: `${String(stats.tickets.open)} open, ${String(stats.tickets.taken)} taken and not yet answered.`,
            series: [{ name: 'Questions', colour: PALETTE.orange }],
            rows: [{ label: 'Open', values: [stats.tickets.open] }, { label: 'Taken, not answered', values: [stats.tickets.taken] }],
            rowHeading: 'Status',
          },
          barChart,
          ticketList(stats, now),
        );
  return [
    section('h-per-day', 'Questions per day', perDay),
    section('h-shares', 'Answered, clarified, declined', shares),
    section('h-topics', 'Topics asked most', topics),
    section('h-votes', 'Helpful and not helpful, by answer', votes),
    section('h-quiz', 'Quiz results by topic', quiz),
    section('h-tickets', 'Open questions for the teaching team', tickets),
  ].join('\n');
}

function total(day: Record<TurnOutcome, number>): number {
  return TURN_OUTCOMES.reduce((sum, outcome) => sum + day[outcome], 0);
}

const STYLE = `
  body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; color: #222; background: #f5f5f5; }
  header { background: #0F6CBD; color: white; padding: 0.75rem 1rem; }
  header h1 { font-size: 1.2rem; margin: 0; }
  header p { margin: 0.2rem 0 0; font-size: 0.9rem; opacity: 0.9; }
  main { max-width: 64rem; margin: 0 auto; padding: 1rem; display: grid; grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr)); gap: 1rem; }
  section { background: white; border-radius: 8px; padding: 0.5rem 1rem 1rem; box-shadow: 0 1px 2px rgb(0 0 0 / 10%); min-width: 0; }
  section:first-of-type { grid-column: 1 / -1; }
  h2 { font-size: 1rem; }
  figure { margin: 0; }
  .chart { display: block; max-width: 100%; height: auto; }
  details { margin-top: 0.5rem; font-size: 0.85rem; }
  table { border-collapse: collapse; margin-top: 0.5rem; font-size: 0.85rem; }
  th, td { text-align: left; padding: 0.2rem 0.6rem 0.2rem 0; border-bottom: 1px solid #e5e5e5; vertical-align: top; }
  td { font-variant-numeric: tabular-nums; }
  table.tickets { width: 100%; }
  caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
  .notes { grid-column: 1 / -1; background: #fff8d6; border-radius: 8px; padding: 0.5rem 1rem; margin: 0; }
  @media (max-width: 34rem) { main { grid-template-columns: 1fr; } }
`;

/** The whole page; `__NONCE__` is replaced per response, as the lecture page's is. */
export function renderDashboard(stats: DashboardStats, view: DashboardView, now: Date): string {
  const notes = [
    ...(view.recording ? [] : ['Recording is off (RECORD_QUESTIONS=false): nothing students ask is kept, so the charts stay empty.']),
    ...(stats.truncated.length > 0 ? [`Only the latest records were read for: ${stats.truncated.join(', ')}; those counts are partial.`] : []),
    ...view.problems,
  ];
  const noteList = notes.length === 0 ? '' : `<ul class="notes" role="status">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Teaching team dashboard · CloudBot</title>
<link rel="icon" href="data:,">
<style nonce="__NONCE__">${STYLE}</style>
</head>
<body>
<header>
  <h1>Teaching team dashboard</h1>
  <p>CloudBot on ${escapeHtml(view.lectureTitle)} · ${escapeHtml(stats.from)} to ${escapeHtml(stats.to)} (days in UTC) · ${String(stats.questions)} questions, ${percent(stats.outcomes.answered, stats.questions)} answered</p>
</header>
<main>
${noteList}
${sections(stats, view, now)}
</main>
</body>
</html>`;
}

/** The page for a refused visit: what to do next, in a sentence. */
export function renderRefusal(status: 401 | 403 | 404, signIn: string): string {
  const text =
    status === 401
      ? `<p>The dashboard is for the teaching team. <a href="${escapeHtml(signIn)}">Sign in with your university account</a>.</p>`
      : status === 403
        ? '<p>You are signed in, but not as a member of the teaching team. Ask the lecturer to add your account to STAFF_USER_IDS.</p>'
        : '<p>No staff dashboard here.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Teaching team dashboard · CloudBot</title><link rel="icon" href="data:,"></head><body><h1>Teaching team dashboard</h1>${text}</body></html>`;
}
