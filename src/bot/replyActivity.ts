import { ActionTypes, type Activity, type CardAction, CardFactory, MessageFactory } from 'botbuilder';
import type { FactSheet, Reply, Suggestion } from '../answering/Answerer';
import type { Comparison } from '../knowledge/schema';

/** Teams shows at most three suggested actions; the rest would be silently dropped. */
const TEAMS_MAX_SUGGESTIONS = 3;

/**
 * The channels CloudBot serves that render Adaptive Cards: Teams, Web Chat (through Direct Line)
 * and the Emulator. Elsewhere a card may not show, so its text goes instead.
 */
const CARD_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'directline', 'webchat', 'emulator']);

/**
 * The name of the 👍/👎 card, by which CloudBot's chat page finds it and draws it as Web Chat's
 * own thumbs under the answer instead (see `src/web/chatPage.ts`).
 */
export const FEEDBACK_CARD = 'cloudbot/feedback';

/**
 * The event Web Chat posts a moment after a student presses a thumb under a message. It carries
 * the pressed action, which the chat page made from one of the card's buttons, value and all.
 */
export const WEB_CHAT_FEEDBACK = 'webchat:activity-status/feedback';

/**
 * Renders a channel-independent reply as a Bot Framework message. Buttons carry the entry id:
 * as `messageBack` value where the channel supports it, and as the entry's unique title in
 * Teams, whose suggested actions only support `imBack`.
 */
export function replyActivity(reply: Reply, channelId: string): Partial<Activity> {
  const teams = channelId === 'msteams';
  const suggestions = teams ? reply.suggestions.slice(0, TEAMS_MAX_SUGGESTIONS) : reply.suggestions;
  const activity =
    suggestions.length > 0
      ? MessageFactory.suggestedActions(suggestions.map((s) => cardAction(s, teams)), reply.text)
      : MessageFactory.text(reply.text);
  activity.textFormat = 'markdown';
  if (reply.quiz) activity.attachments = [quizCard(reply.quiz)];
  if (reply.facts && CARD_CHANNELS.has(channelId)) {
    // The card says what the text says; showing both would say it twice.
    activity.attachments = [factsCard(reply.facts)];
    delete activity.text;
    activity.summary = reply.facts.heading;
  }
  if (reply.kind === 'answer' && reply.id !== null) {
    activity.attachments = [...(reply.comparison ? [comparisonCard(reply.comparison)] : []), voteCard(reply, reply.id)];
  }
  return activity;
}

/**
 * A quiz question's options as card buttons, lettered like the text: Teams shows only three
 * suggested actions, and a card keeps the options on screen. Each button names its question.
 */
function quizCard(quiz: NonNullable<Reply['quiz']>) {
  const buttons = quiz.options.map((option, index): CardAction => {
    const label = `${'ABCDE'.charAt(index)}. ${option}`;
    return { type: ActionTypes.MessageBack, title: label, text: label, displayText: label, value: { quiz: { question: quiz.questionId, choice: index } } };
  });
  return CardFactory.heroCard('', undefined, buttons);
}

/** A fact sheet, such as quiz progress per topic, as an Adaptive Card with a fact set. */
function factsCard(sheet: FactSheet) {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: sheet.rows.map((row) => `${row.title}: ${row.value}`).join('\n'),
    body: [
      { type: 'TextBlock', text: sheet.heading, weight: 'Bolder', size: 'Medium' },
      { type: 'FactSet', facts: sheet.rows },
      { type: 'TextBlock', text: sheet.note, wrap: true },
    ],
  });
}

/**
 * A comparison as an Adaptive Card table (schema 1.5), which Teams and Web Chat both render;
 * clients that cannot fall back to the answer's text, which says the same.
 */
function comparisonCard(table: Comparison) {
  const row = (cells: readonly string[], header: boolean) => ({
    type: 'TableRow',
    ...(header ? { style: 'accent' } : {}),
    cells: cells.map((cell) => ({ type: 'TableCell', items: [{ type: 'TextBlock', text: cell, wrap: true, ...(header ? { weight: 'Bolder' } : {}) }] })),
  });
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: table.rows.map((cells) => cells.join(' | ')).join('\n'),
    body: [
      {
        type: 'Table',
        firstRowAsHeader: true,
        gridStyle: 'accent',
        columns: table.columns.map(() => ({ width: 1 })),
        rows: [row(table.columns, true), ...table.rows.map((cells) => row(cells, false))],
      },
    ],
  });
}

/**
 * 👍/👎 under every answer, as a small card rather than suggested actions: Teams shows only three
 * suggested actions, which the follow-ups need. The buttons carry what the vote is about, and
 * their labels say it in words, so a missing emoji font loses only the decoration.
 *
 * Every channel gets this card: Teams, the Emulator and any Direct Line client show it as it is.
 * CloudBot's own chat page replaces it with Web Chat's thumb buttons in the line under the answer.
 * The bot cannot send those itself: they are read from a schema.org entity on the message, and
 * botbuilder's connector client drops every entity property but `type`, `text` and `mentioned`.
 * Teams' own feedback buttons (`channelData.feedbackLoopEnabled`) come with a form asking for a
 * comment and an invoke to answer, which is more than a vote needs.
 */
function voteCard(reply: Reply, entryId: string) {
  // A button press matched nothing; its vote is about the entry alone.
  const question = reply.match?.normalised ?? '';
  const button = (vote: 'up' | 'down', label: string): CardAction => ({
    type: ActionTypes.MessageBack,
    title: label,
    text: label,
    displayText: label,
    value: { vote, entryId, question, confidence: reply.confidence },
  });
  const card = CardFactory.heroCard('', undefined, [button('up', '👍 Helpful'), button('down', '👎 Not helpful')], { text: 'Was this answer helpful?' });
  return { ...card, name: FEEDBACK_CARD };
}

function cardAction(suggestion: Suggestion, teams: boolean): CardAction {
  if (teams) return { type: ActionTypes.ImBack, title: suggestion.title, value: suggestion.title };
  return {
    type: ActionTypes.MessageBack,
    title: suggestion.title,
    text: suggestion.title,
    displayText: suggestion.title,
    value: { entryId: suggestion.id },
  };
}
