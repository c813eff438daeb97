import { ActivityHandler, type ConversationState, type StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Answerer, Reply } from '../answering/Answerer';
import { EntryIdSchema } from '../knowledge/schema';
import { stripMarkup } from '../matching/normalise';
import { type ConversationData, readConversationData } from './conversationData';
import { replyActivity } from './replyActivity';

export interface CloudBotOptions {
  /** Longer messages are cut to this many characters before matching. */
  maxMessageChars: number;
}

/** The payload our own buttons send back (`messageBack` value). */
const ButtonValueSchema = z.object({ entryId: EntryIdSchema });

/** Typed as a string by the SDK, but it is the activity's text, which a button press may leave out. */
const OptionalTextSchema = z.string().catch('');

/**
 * CloudBot's conversation logic. It receives what it needs, so that tests can give it a
 * `TestAdapter`, memory storage and any knowledge base.
 */
export class CloudBot extends ActivityHandler {
  private readonly conversationData: StatePropertyAccessor<unknown>;

  constructor(
    private readonly answerer: Answerer,
    private readonly conversationState: ConversationState,
    private readonly options: CloudBotOptions,
  ) {
    super();
    this.conversationData = conversationState.createProperty('conversationData');

    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      // One welcome per event, however many people joined with it.
      if (newcomers.length > 0) await context.sendActivity(replyActivity(this.answerer.welcome(), context.activity.channelId));
      await next();
    });
  }

  /** Runs the turn, then saves what the turn changed in conversation state. */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }

  private async answer(context: TurnContext): Promise<void> {
    const data = readConversationData(await this.conversationData.get(context));
    const reply = this.replyTo(context, data);
    await context.sendActivity(replyActivity(reply, context.activity.channelId));

    const next: ConversationData = {
      lastTopic: reply.kind === 'answer' ? reply.id : data.lastTopic,
      pendingClarification: reply.kind === 'clarify' ? reply.suggestions.map((s) => s.id) : [],
    };
    await this.conversationData.set(context, next);
  }

  private replyTo(context: TurnContext, data: ConversationData): Reply {
    const pressed = ButtonValueSchema.safeParse(context.activity.value);
    if (pressed.success) {
      const reply = this.answerer.answerEntry(pressed.data.entryId);
      if (reply) return reply;
    }
    const text = this.questionText(context);
    if (text === '') return this.answerer.fallback();

    const byTitle = this.answerer.entryIdByTitle(text);
    const chosen = byTitle ?? this.pickClarification(text, data);
    if (chosen !== undefined) {
      const reply = this.answerer.answerEntry(chosen);
      if (reply) return reply;
    }
    return this.answerer.answerQuestion(text);
  }

  /** The user's words: the bot's own @mention removed, markup stripped, length capped. */
  private questionText(context: TurnContext): string {
    const withoutMention = OptionalTextSchema.parse(TurnContext.removeRecipientMention(context.activity));
    return stripMarkup(withoutMention).slice(0, this.options.maxMessageChars).trim();
  }

  /** "2" after "Did you mean…?" picks the second option. */
  private pickClarification(text: string, data: ConversationData): string | undefined {
    if (data.pendingClarification.length === 0 || !/^\d{1,2}$/.test(text)) return undefined;
    return data.pendingClarification[Number(text) - 1];
  }
}
