import { ActionTypes, type Activity, type Attachment, CardFactory, MessageFactory } from 'botbuilder';
import type { Ticket, TicketReason } from '../tickets/ticket';
import { MAX_TICKET_ANSWER_CHARS, MAX_TICKET_QUESTION_CHARS } from '../tickets/ticket';

/**
 * The cards of "Ask the teaching team". Adaptive Cards 1.5 with `Action.Submit` and
 * `Action.ShowCard`, which Teams (personal chats and channels) and Web Chat both render; a submit
 * comes back as a message whose `value` is the action's data with the card's inputs added.
 */
const ADAPTIVE = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5' } as const;

/** The button's label, everywhere it is offered. */
export const ASK_TEAM = 'Ask the teaching team';

/** What CloudBot said in reply, kept short: the staff card quotes it, it does not repeat a whole answer. */
export const QUOTED_REPLY_CHARS = 600;

/** What each reason for the offer says above the button. */
const OFFER_LEAD: Readonly<Record<TicketReason, string>> = {
  fallback: 'A person can answer what the lecture does not.',
  clarify: 'None of these? A person can help.',
  'thumbs-down': 'Not what you needed? A person can help.',
};

/** The offer under a reply: one button, carrying the question it is about, so that pressing it later still asks about that one. */
export function offerCard(reason: TicketReason, question: string, answered: string | null): Attachment {
  return CardFactory.heroCard('', undefined, [
    {
      type: ActionTypes.MessageBack,
      title: ASK_TEAM,
      text: ASK_TEAM,
      displayText: ASK_TEAM,
      value: { handoff: { step: 'offer', reason, question: question.slice(0, MAX_TICKET_QUESTION_CHARS), ...(answered === null ? {} : { answered: answered.slice(0, QUOTED_REPLY_CHARS) }) } },
    },
  ], { text: OFFER_LEAD[reason] });
}

/** "Check or edit your question, then send": the student confirms what goes to a person. */
export function confirmCard(reason: TicketReason, question: string, answered: string | null): Attachment {
  return CardFactory.adaptiveCard({
    ...ADAPTIVE,
    fallbackText: `${ASK_TEAM}: ${question}`,
    body: [
      { type: 'TextBlock', text: ASK_TEAM, weight: 'Bolder', size: 'Medium' },
      {
        type: 'TextBlock',
        wrap: true,
        text: 'A member of the teaching team will read your question and answer in this chat. Check or edit it, then send. They will see your question, your last two messages before it and what I replied.',
      },
      { type: 'Input.Text', id: 'question', label: 'Your question', value: question, isMultiline: true, maxLength: MAX_TICKET_QUESTION_CHARS, isRequired: true, errorMessage: 'Write your question first.' },
    ],
    actions: [
      // `asked` is the question as first asked: the exchange about it is left out of "before it".
      { type: 'Action.Submit', title: 'Send to the teaching team', data: { handoff: { step: 'send', reason, asked: question, ...(answered === null ? {} : { answered }) } } },
      { type: 'Action.Submit', title: 'Cancel', associatedInputs: 'none', data: { handoff: { step: 'cancel', reason } } },
    ],
  });
}

/** How a ticket's status reads to the people involved. */
export function statusLine(ticket: Ticket): string {
  if (ticket.status === 'answered') return `Answered by ${ticket.answer?.by.name ?? 'the teaching team'}`;
  if (ticket.status === 'taken') return `Taken by ${ticket.takenBy?.name ?? 'a member of the teaching team'}`;
  return 'Open: nobody has taken it yet';
}

/**
 * The card the teaching team sees: the question, the two exchanges before it and what CloudBot
 * replied, with "I'll take it" and "Answer". It names the student only as Teams shows them to
 * staff anyway (`studentName`), never by an id.
 */
export function staffCard(ticket: Ticket): Attachment {
  const context = ticket.recent.flatMap((exchange) => [
    { title: 'Student', value: exchange.student },
    { title: 'CloudBot', value: exchange.bot },
  ]);
  return CardFactory.adaptiveCard({
    ...ADAPTIVE,
    fallbackText: `Question for the teaching team: ${ticket.question}`,
    body: [
      { type: 'TextBlock', text: `Question from ${ticket.studentName ?? 'a student'}`, weight: 'Bolder', size: 'Medium' },
      { type: 'TextBlock', text: ticket.question, wrap: true, size: 'Medium' },
      ...(context.length > 0
        ? [
            { type: 'TextBlock', text: 'Before it', weight: 'Bolder', spacing: 'Medium' },
            { type: 'FactSet', facts: context },
          ]
        : []),
      { type: 'TextBlock', text: 'CloudBot replied', weight: 'Bolder', spacing: 'Medium' },
      { type: 'TextBlock', text: ticket.botAnswer ?? '(nothing: the student asked directly)', wrap: true, isSubtle: true },
      { type: 'TextBlock', text: statusLine(ticket), wrap: true, spacing: 'Medium', color: ticket.status === 'open' ? 'Attention' : 'Good' },
      ...(ticket.answer ? [{ type: 'TextBlock', text: ticket.answer.text, wrap: true }] : []),
    ],
    // Once answered, there is nothing left to press.
    actions: ticket.status === 'answered' ? [] : [
      { type: 'Action.Submit', title: "I'll take it", data: { ticket: { id: ticket.id, action: 'take' } } },
      {
        type: 'Action.ShowCard',
        title: 'Answer',
        card: {
          type: 'AdaptiveCard',
          body: [{ type: 'Input.Text', id: 'answer', label: 'Your answer to the student', isMultiline: true, maxLength: MAX_TICKET_ANSWER_CHARS, isRequired: true, errorMessage: 'Write the answer first.' }],
          actions: [{ type: 'Action.Submit', title: 'Send answer', data: { ticket: { id: ticket.id, action: 'answer' } } }],
        },
      },
    ],
  });
}

/** The teaching team's answer as the student receives it: marked as a person's, with 👍/👎 for it. */
export function answerForStudent(ticket: Ticket): Partial<Activity> {
  const by = ticket.answer?.by.name ?? 'the teaching team';
  const activity = MessageFactory.text(`**From the teaching team** (${by}), about your question “${ticket.question}”:\n\n${ticket.answer?.text ?? ''}`);
  activity.textFormat = 'markdown';
  const button = (vote: 'up' | 'down', label: string) => ({
    type: ActionTypes.MessageBack,
    title: label,
    text: label,
    displayText: label,
    value: { ticketVote: { id: ticket.id, vote } },
  });
  activity.attachments = [CardFactory.heroCard('', undefined, [button('up', '👍 Helpful'), button('down', '👎 Not helpful')], { text: 'Was this answer helpful?' })];
  return activity;
}
