import { type Activity, type Attachment, MessageFactory, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { StaffDesk } from '../config';
import type { Reply } from '../answering/Answerer';
import type { ConversationMemory } from '../conversation/memory';
import { toError } from '../errors';
import type { Logger } from '../logger';
import { LOCAL_STAFF_MARK } from '../tickets/localStaff';
import type { TicketDesk } from '../tickets/TicketDesk';
import { TicketStoreUnavailableError } from '../tickets/TicketStore';
import {
  ConversationReferenceSchema,
  MAX_TICKET_ANSWER_CHARS,
  MAX_TICKET_QUESTION_CHARS,
  type StaffMember,
  type StoredConversationReference,
  type Ticket,
  TICKET_REASONS,
  type TicketReason,
} from '../tickets/ticket';
import { answerForStudent, confirmCard, offerCard, QUOTED_REPLY_CHARS, staffCard, statusLine } from './ticketCards';

/**
 * How CloudBot reaches a conversation outside the current turn: the student's, to deliver an
 * answer, and the teaching team's, to post a question. The host implements it with the adapter's
 * proactive calls (`src/hosting/proactive.ts`); tests with a fake.
 */
export interface Proactive {
  /** Sends into an existing conversation. Throws if the channel refuses it. */
  send(reference: StoredConversationReference, activity: Partial<Activity>): Promise<void>;
  /** Starts a new post in a Teams channel. */
  postToChannel(target: { serviceUrl: string; channelId: string; tenantId: string | undefined }, activity: Partial<Activity>): Promise<void>;
}

export interface TeachingTeamDeps {
  desk: TicketDesk;
  /** Where questions go and who counts as staff; never `off`: an off desk has no TeachingTeam. */
  staff: Exclude<StaffDesk, { mode: 'off' }>;
  proactive: Proactive;
  /** Salted hash for student and staff ids, the same as the records use. */
  hash: (id: string) => string;
  logger: Logger;
}

/** The payloads of the cards in `ticketCards.ts`, parsed at the boundary like every button. */
const HandoffSchema = z.object({
  handoff: z.object({
    step: z.enum(['offer', 'send', 'cancel']),
    reason: z.enum(TICKET_REASONS).catch('fallback'),
    question: z.string().max(MAX_TICKET_QUESTION_CHARS).optional(),
    answered: z.string().max(QUOTED_REPLY_CHARS).optional(),
    asked: z.string().max(MAX_TICKET_QUESTION_CHARS).optional(),
  }),
  /** The card's input, as the student left it. */
  question: z.string().optional(),
});
const StaffActionSchema = z.object({
  ticket: z.object({ id: z.uuid(), action: z.enum(['take', 'answer']) }),
  answer: z.string().optional(),
});
const TicketVoteSchema = z.object({ ticketVote: z.object({ id: z.uuid(), vote: z.enum(['up', 'down']) }) });

/** Teams puts the channel a message came from here; the conversation id of a thread adds `;messageid=…`. */
const TeamsChannelDataSchema = z.looseObject({ channel: z.looseObject({ id: z.string() }).optional(), tenant: z.looseObject({ id: z.string() }).optional() });

/** The local Direct Line's mark on the `/staff` page's activities. */
const LocalStaffSchema = z.looseObject({ [LOCAL_STAFF_MARK]: z.literal(true) });
/** A display name, which channels may leave out although botbuilder types it as always there. */
const NameSchema = z.string().trim().min(1).max(200).catch('A member of the teaching team');

/** "my questions": a student's own tickets and their status. */
const MY_QUESTIONS = /^(?:show |list |see )?(?:me )?(?:my|all my) (?:questions|tickets)(?: (?:to|for) (?:the )?teaching team)?\??$/i;
/** "open questions": staff ask for the tickets waiting for an answer. */
const WAITING_QUESTIONS = /^(?:show |list )?(?:the )?(?:open|waiting|unanswered) (?:questions|tickets)\??$/i;

/** A message of fewer words that the bot declined without reading a question ("ok", "what?") asked nothing a person could answer. */
const MIN_QUESTION_WORDS = 3;

/** How many recent exchanges a conversation keeps for the staff card: the question's own and the two before it. */
export const RECENT_EXCHANGES = 3;
const RECENT_CHARS = 300;

/**
 * "Ask the teaching team", as FAQ Plus's "ask an expert": the offer under a reply that did not
 * help, the student's confirmation, the ticket and its card in the staff conversation, a member
 * of staff taking and answering it, the answer delivered into the student's conversation, and
 * "my questions". Every store or channel failure is told to the person who acted, and logged.
 */
export class TeachingTeam {
  constructor(private readonly deps: TeachingTeamDeps) {}

  /** The offer to attach under a reply that did not help. */
  offer(reason: TicketReason, question: string, answered: string | null): Attachment {
    return offerCard(reason, question, answered);
  }

  /**
   * The offer under a reply to a typed message, if a person could help: a question the lecture
   * does not answer, or a "Did you mean" the student may not want. Not under the prompt that
   * answers "ok" or "hmm": only a declined question, or a message of a few words, asked something.
   */
  offerFor(reply: Reply, text: string): Attachment | undefined {
    // "Did you mean" comes with the match behind it; "More about what?" asks back, and has none.
    if (reply.kind === 'clarify') return reply.match?.kind === 'clarify' ? offerCard('clarify', text, reply.text) : undefined;
    if (reply.kind !== 'fallback') return undefined;
    const asked = reply.declined === true || text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= MIN_QUESTION_WORDS;
    return asked ? offerCard('fallback', text, reply.text) : undefined;
  }

  /** The exchange to remember for a later ticket's card: what the student said and the start of the reply. */
  exchange(student: string, bot: string): { student: string; bot: string } {
    return { student: student.slice(0, RECENT_CHARS), bot: bot.slice(0, RECENT_CHARS) };
  }

  /** Whether this activity comes from the teaching team's conversation, as this deployment defines it. */
  isStaff(context: TurnContext): boolean {
    return this.staffMember(context) !== undefined;
  }

  /**
   * Handles a press on one of the ticket cards or a ticket command; false when the activity is
   * none of these, for the bot to answer as a question.
   */
  async handle(context: TurnContext, memory: ConversationMemory, text: string): Promise<boolean> {
    const value: unknown = context.activity.value;
    if (value !== undefined) {
      const handoff = HandoffSchema.safeParse(value);
      if (handoff.success) {
        await this.handoff(context, handoff.data, memory);
        return true;
      }
      const action = StaffActionSchema.safeParse(value);
      if (action.success) {
        await this.staffAction(context, action.data);
        return true;
      }
      const vote = TicketVoteSchema.safeParse(value);
      if (vote.success) {
        await this.rate(context, vote.data.ticketVote.id, vote.data.ticketVote.vote);
        return true;
      }
      return false;
    }
    if (MY_QUESTIONS.test(text)) {
      await this.myQuestions(context);
      return true;
    }
    if (WAITING_QUESTIONS.test(text) && this.isStaff(context)) {
      await this.listWaiting(context);
      return true;
    }
    return false;
  }

  /** The `/staff` page connected (local runs): it becomes where new questions are posted, and it sees those waiting. */
  async staffJoined(context: TurnContext): Promise<void> {
    const reference = ConversationReferenceSchema.safeParse(TurnContext.getConversationReference(context.activity));
    if (!reference.success) return;
    try {
      await this.deps.desk.setStaffRoom(reference.data);
    } catch (error) {
      this.deps.logger.error('The staff page could not be registered for new questions.', toError(error));
    }
    await context.sendActivity(
      MessageFactory.text("**Teaching team desk.** Students' questions for you appear here, with the chat before them. Press \"I'll take it\" so that nobody else answers it too, then \"Answer\"."),
    );
    await this.listWaiting(context);
  }

  private async handoff(context: TurnContext, payload: z.infer<typeof HandoffSchema>, memory: ConversationMemory): Promise<void> {
    const { step, reason } = payload.handoff;
    const answered = payload.handoff.answered ?? null;
    if (step === 'cancel') {
      await context.sendActivity('Not sent. You can ask me something else, or press the button again later.');
      return;
    }
    if (step === 'offer') {
      const confirm = MessageFactory.attachment(confirmCard(reason, payload.handoff.question ?? '', answered));
      await context.sendActivity(confirm);
      return;
    }
    const question = (payload.question ?? '').trim();
    if (question === '') {
      await context.sendActivity(MessageFactory.attachment(confirmCard(reason, '', answered), 'Write your question first, then send it.'));
      return;
    }
    if (question.length > MAX_TICKET_QUESTION_CHARS) {
      await context.sendActivity(`Please keep the question under ${String(MAX_TICKET_QUESTION_CHARS)} characters.`);
      return;
    }
    const reference = ConversationReferenceSchema.safeParse(TurnContext.getConversationReference(context.activity));
    if (!reference.success) {
      await context.sendActivity('Sorry, I cannot pass questions on from this chat: I would have no way to bring the answer back.');
      return;
    }
    const { from, channelId } = context.activity;
    let ticket: Ticket;
    try {
      ticket = await this.deps.desk.open({
        question,
        reason,
        // The exchange about this question is the last one remembered; the card shows the two before it.
        recent: memory.recent.filter((exchange) => exchange.student !== payload.handoff.asked?.slice(0, RECENT_CHARS)).slice(-2),
        botAnswer: answered,
        student: this.deps.hash(from.aadObjectId ?? from.id),
        // Teams shows staff the student's name anyway; Web Chat's is a placeholder, and is left out.
        ...(channelId === 'msteams' && from.name ? { studentName: from.name } : {}),
        reference: reference.data,
      });
    } catch (error) {
      this.deps.logger.error('A question for the teaching team could not be stored; the student was told.', toError(error));
      const retry = MessageFactory.attachment(
        offerCard(reason, question, answered),
        error instanceof TicketStoreUnavailableError
          ? 'Sorry, I could not send your question to the teaching team: the place questions are kept is not answering right now. **Nothing was sent.** Please try again in a few minutes.'
          : 'Sorry, something went wrong and your question was **not sent**. Please try again in a few minutes.',
      );
      await context.sendActivity(retry);
      return;
    }
    const posted = await this.postToStaff(ticket);
    await context.sendActivity(
      posted
        ? 'Sent to the teaching team. A person will answer here, in this chat; say "my questions" to see where it is.'
        : 'Your question is saved for the teaching team, but I could not notify them just now; they will see it in their list of open questions. Say "my questions" to see where it is.',
    );
  }

  /** Posts a ticket's card where the teaching team reads: their Teams channel, or the local `/staff` page. */
  private async postToStaff(ticket: Ticket): Promise<boolean> {
    const card = MessageFactory.attachment(staffCard(ticket));
    const { staff, proactive, desk, logger } = this.deps;
    try {
      if (staff.mode === 'teams') {
        await proactive.postToChannel({ serviceUrl: staff.serviceUrl, channelId: staff.channelId, tenantId: staff.tenantId }, card);
        return true;
      }
      const room = await desk.staffRoom();
      if (!room) {
        logger.info('A question for the teaching team is waiting: open /staff to answer it.');
        return false;
      }
      await proactive.send(room, card);
      return true;
    } catch (error) {
      logger.error(`Ticket ${ticket.id} is saved but could not be posted to the teaching team.`, toError(error));
      return false;
    }
  }

  /** "I'll take it" and "Send answer", from the teaching team's conversation only. */
  private async staffAction(context: TurnContext, payload: z.infer<typeof StaffActionSchema>): Promise<void> {
    const member = this.staffMember(context);
    if (!member) {
      // A student's chat cannot take or answer tickets, whatever its buttons send.
      this.deps.logger.warn(`A ticket action came from outside the teaching team's conversation (channel ${context.activity.channelId}); refused.`);
      await context.sendActivity('Only the teaching team can take or answer questions.');
      return;
    }
    const { id, action } = payload.ticket;
    try {
      if (action === 'take') {
        const outcome = await this.deps.desk.take(id, member);
        await context.sendActivity(
          outcome.ok ? `${member.name} is taking this one: “${outcome.ticket.question}”. Press "Answer" on its card to reply.` : `Not taken: ${outcome.reason}.`,
        );
        if (outcome.ok && outcome.changed) {
          await this.refreshCard(context, outcome.ticket);
          // The student learns that a person has it; if their chat cannot be reached, "my questions" says so too.
          await this.tell(outcome.ticket, `${member.name} from the teaching team is looking at your question “${outcome.ticket.question}”. The answer will come here.`);
        }
        return;
      }
      const text = (payload.answer ?? '').trim();
      if (text === '') {
        await context.sendActivity('Write the answer in the box first, then press "Send answer".');
        return;
      }
      if (text.length > MAX_TICKET_ANSWER_CHARS) {
        await context.sendActivity(`Please keep the answer under ${String(MAX_TICKET_ANSWER_CHARS)} characters.`);
        return;
      }
      const outcome = await this.deps.desk.answer(id, member, text);
      if (!outcome.ok) {
        await context.sendActivity(`Not sent: ${outcome.reason}.`);
        return;
      }
      if (!outcome.changed) {
        await context.sendActivity('This question was answered already.');
        return;
      }
      await this.refreshCard(context, outcome.ticket);
      const delivered = await this.deliver(outcome.ticket);
      await context.sendActivity(
        delivered
          ? `Sent to the student: “${outcome.ticket.question}”.`
          : `Saved. The student's chat could not be reached just now; they will see your answer when they ask for "my questions".`,
      );
    } catch (error) {
      this.deps.logger.error(`Ticket ${id}: the ${action} could not be stored.`, toError(error));
      await context.sendActivity(`Sorry, that did not go through: the place questions are kept is not answering. Nothing changed; please try again in a moment.`);
    }
  }

  /**
   * The card a button was pressed on, redrawn with the ticket's new status, so that the staff
   * channel shows who has it without opening the thread. Teams lets a bot update its own card in
   * place; Direct Line has no update, so the `/staff` page reads the reply instead.
   */
  private async refreshCard(context: TurnContext, ticket: Ticket): Promise<void> {
    const { channelId, replyToId } = context.activity;
    if (channelId !== 'msteams' || replyToId === undefined) return;
    try {
      await context.updateActivity({ ...MessageFactory.attachment(staffCard(ticket)), id: replyToId });
    } catch (error) {
      this.deps.logger.warn(`Ticket ${ticket.id}: its card could not be updated.`, toError(error));
    }
  }

  /** A note into the student's conversation that nothing depends on: a failure is logged, not told. */
  private async tell(ticket: Ticket, text: string): Promise<void> {
    try {
      await this.deps.proactive.send(ticket.reference, MessageFactory.text(text));
    } catch (error) {
      this.deps.logger.warn(`Ticket ${ticket.id}: the student's chat could not be told it was taken.`, toError(error));
    }
  }

  /** The answer into the student's own conversation, whenever it arrives; the ticket keeps it either way. */
  private async deliver(ticket: Ticket): Promise<boolean> {
    try {
      await this.deps.proactive.send(ticket.reference, answerForStudent(ticket));
    } catch (error) {
      this.deps.logger.warn(`Ticket ${ticket.id}: the answer is saved but could not be delivered to the student's conversation.`, toError(error));
      return false;
    }
    try {
      await this.deps.desk.delivered(ticket.id);
    } catch (error) {
      this.deps.logger.warn(`Ticket ${ticket.id}: delivered, but not marked so.`, toError(error));
    }
    return true;
  }

  private async rate(context: TurnContext, id: string, vote: 'up' | 'down'): Promise<void> {
    const { from } = context.activity;
    try {
      const outcome = await this.deps.desk.rate(id, this.deps.hash(from.aadObjectId ?? from.id), vote);
      await context.sendActivity(outcome.ok ? 'Thanks, the teaching team will see your rating.' : `I could not record that: ${outcome.reason}.`);
    } catch (error) {
      this.deps.logger.error(`Ticket ${id}: the rating could not be stored.`, toError(error));
      await context.sendActivity('Sorry, I could not record your rating just now. Please try again in a moment.');
    }
  }

  private async myQuestions(context: TurnContext): Promise<void> {
    const { from } = context.activity;
    let tickets: Ticket[];
    try {
      tickets = await this.deps.desk.mine(this.deps.hash(from.aadObjectId ?? from.id));
    } catch (error) {
      this.deps.logger.error('A student\'s questions could not be listed.', toError(error));
      await context.sendActivity('Sorry, I cannot reach your questions just now. Please try again in a moment.');
      return;
    }
    if (tickets.length === 0) {
      await context.sendActivity(`You have not asked the teaching team anything from this chat yet. When I cannot help, press "Ask the teaching team".`);
      return;
    }
    const lines = tickets.map((ticket) => {
      const head = `- “${ticket.question}”: **${ticket.status}**. ${statusLine(ticket)}.`;
      return ticket.answer ? `${head}\n\n  ${ticket.answer.text}` : head;
    });
    const reply = MessageFactory.text(`Your questions to the teaching team, newest first:\n\n${lines.join('\n')}`);
    reply.textFormat = 'markdown';
    await context.sendActivity(reply);
  }

  private async listWaiting(context: TurnContext): Promise<void> {
    let waiting: Ticket[];
    try {
      waiting = await this.deps.desk.waiting();
    } catch (error) {
      this.deps.logger.error('The waiting questions could not be listed.', toError(error));
      await context.sendActivity('The waiting questions cannot be listed just now: the place questions are kept is not answering.');
      return;
    }
    if (waiting.length === 0) {
      await context.sendActivity('No questions are waiting.');
      return;
    }
    await context.sendActivity(`${String(waiting.length)} question${waiting.length === 1 ? ' is' : 's are'} waiting:`);
    await context.sendActivities(waiting.map((ticket) => MessageFactory.attachment(staffCard(ticket))));
  }

  /**
   * The member of staff behind this activity, if any. Locally, the `/staff` page, which the local
   * Direct Line marks. In Azure, a message from the configured Teams channel, whose id Teams
   * itself sets, from one of the configured staff if a list is given.
   */
  private staffMember(context: TurnContext): StaffMember | undefined {
    const { channelId, from } = context.activity;
    const channelData: unknown = context.activity.channelData;
    const staff = this.deps.staff;
    if (staff.mode === 'local') {
      const marked = LocalStaffSchema.safeParse(channelData).success;
      return marked ? { key: this.deps.hash(from.id), name: NameSchema.parse(from.name) } : undefined;
    }
    if (channelId !== 'msteams') return undefined;
    const data = TeamsChannelDataSchema.safeParse(channelData);
    if (data.data?.channel?.id !== staff.channelId) return undefined;
    const objectId = from.aadObjectId?.toLowerCase();
    if (staff.staffIds.length > 0 && (objectId === undefined || !staff.staffIds.includes(objectId))) return undefined;
    return { key: this.deps.hash(objectId ?? from.id), name: NameSchema.parse(from.name) };
  }
}
