import { z } from 'zod';

/**
 * A question a student handed to the teaching team ("Ask the teaching team"), as FAQ Plus's
 * "ask an expert" does: open until a member of staff takes it, taken by one person only, then
 * answered. Stored one blob per ticket (see `BlobTicketStore`); parsed whenever it is read back.
 */
export const TICKET_STATUSES = ['open', 'taken', 'answered'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** What led a student to ask a person: no answer, a "Did you mean" none of whose options fitted, or a 👎. */
export const TICKET_REASONS = ['fallback', 'clarify', 'thumbs-down'] as const;
export type TicketReason = (typeof TICKET_REASONS)[number];

export const MAX_TICKET_QUESTION_CHARS = 1000;
export const MAX_TICKET_ANSWER_CHARS = 4000;

/** One exchange before the question, as the staff card shows it: what the student said and what CloudBot replied. */
export const ExchangeSchema = z.object({
  student: z.string().max(MAX_TICKET_QUESTION_CHARS),
  bot: z.string().max(MAX_TICKET_ANSWER_CHARS),
});
export type Exchange = z.infer<typeof ExchangeSchema>;

/**
 * Where to send the answer: the student's conversation as the channel named it (botbuilder's
 * conversation reference). Kept with the ticket, so that the answer reaches the student on any
 * instance, days later. Only these fields are needed to post into the conversation.
 */
export const ConversationReferenceSchema = z.object({
  channelId: z.string().min(1),
  serviceUrl: z.url(),
  conversation: z.looseObject({ id: z.string().min(1) }),
  bot: z.looseObject({ id: z.string() }),
  user: z.looseObject({ id: z.string() }).optional(),
  locale: z.string().optional(),
});
export type StoredConversationReference = z.infer<typeof ConversationReferenceSchema>;

/** A member of staff as the staff card names them: a display name, and a salted hash to tell people apart. */
export const StaffMemberSchema = z.object({ key: z.string().min(1), name: z.string().max(200) });
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const TicketSchema = z.object({
  id: z.uuid(),
  status: z.enum(TICKET_STATUSES),
  reason: z.enum(TICKET_REASONS),
  question: z.string().trim().min(1).max(MAX_TICKET_QUESTION_CHARS),
  /** The last two exchanges before the question, oldest first. */
  recent: z.array(ExchangeSchema).max(2),
  /** What CloudBot replied to the question itself, if it replied with more than an apology. */
  botAnswer: z.string().max(MAX_TICKET_ANSWER_CHARS).nullable(),
  /** The salted hash of the student's channel id: "my questions" lists their own tickets by it. Never the raw id. */
  student: z.string().min(1),
  /** The student's name as Teams shows it to staff anyway; absent on channels that name no one. */
  studentName: z.string().max(200).optional(),
  reference: ConversationReferenceSchema,
  createdAt: z.iso.datetime(),
  takenBy: StaffMemberSchema.optional(),
  takenAt: z.iso.datetime().optional(),
  answer: z.object({ text: z.string().trim().min(1).max(MAX_TICKET_ANSWER_CHARS), by: StaffMemberSchema, at: z.iso.datetime() }).optional(),
  /** Whether the answer reached the student's conversation; if not, "my questions" still shows it. */
  delivered: z.boolean().optional(),
  rating: z.enum(['up', 'down']).optional(),
});
export type Ticket = z.infer<typeof TicketSchema>;

/** What a transition decided: the changed ticket, or why this person may not do it now. */
export type Transition = { ok: true; ticket: Ticket } | { ok: false; reason: string };

/** "I'll take it": an open ticket becomes this person's; one taken by someone else stays theirs. */
export function take(ticket: Ticket, by: StaffMember, now: Date): Transition {
  if (ticket.status === 'answered') return { ok: false, reason: `already answered by ${ticket.answer?.by.name ?? 'someone'}` };
  if (ticket.status === 'taken') {
    return ticket.takenBy?.key === by.key ? { ok: true, ticket } : { ok: false, reason: `already taken by ${ticket.takenBy?.name ?? 'someone'}` };
  }
  return { ok: true, ticket: { ...ticket, status: 'taken', takenBy: by, takenAt: now.toISOString() } };
}

/**
 * An answer: to an open ticket (taking it at once) or to one this person took. A ticket taken by
 * someone else is theirs to answer; one answered already keeps its answer.
 */
export function answer(ticket: Ticket, by: StaffMember, text: string, now: Date): Transition {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'the answer is empty' };
  if (trimmed.length > MAX_TICKET_ANSWER_CHARS) return { ok: false, reason: `the answer is longer than ${String(MAX_TICKET_ANSWER_CHARS)} characters` };
  const taken = take(ticket, by, now);
  if (!taken.ok) return taken;
  return {
    ok: true,
    ticket: { ...taken.ticket, status: 'answered', answer: { text: trimmed, by, at: now.toISOString() }, delivered: false },
  };
}

/** The student's 👍/👎 on the teaching team's answer; only an answered ticket can be rated, and only by its student. */
export function rate(ticket: Ticket, student: string, vote: 'up' | 'down'): Transition {
  if (ticket.student !== student) return { ok: false, reason: 'this is not your question' };
  if (ticket.status !== 'answered') return { ok: false, reason: 'it has not been answered yet' };
  return { ok: true, ticket: { ...ticket, rating: vote } };
}
