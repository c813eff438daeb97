import { ActivityHandler, type ConversationState, type StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Answerer } from '../answering/Answerer';
import type { Conversation } from '../conversation/Conversation';
import { readConversationMemory } from '../conversation/memory';
import { EntryIdSchema } from '../knowledge/schema';
import { stripMarkup } from '../matching/normalise';
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
  /** The conversation's memory (last topic, pending "Did you mean"), in botbuilder's conversation state. */
  private readonly memory: StatePropertyAccessor<unknown>;

  constructor(
    private readonly answerer: Answerer,
    private readonly conversation: Conversation,
    private readonly conversationState: ConversationState,
    private readonly options: CloudBotOptions,
  ) {
    super();
    this.memory = conversationState.createProperty('conversationData');

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
    const memory = readConversationMemory(await this.memory.get(context));
    const pressed = ButtonValueSchema.safeParse(context.activity.value);
    const turn =
      (pressed.success ? this.conversation.respondToButton(pressed.data.entryId, memory) : undefined) ??
      this.conversation.respond(this.questionText(context), memory);
    await context.sendActivity(replyActivity(turn.reply, context.activity.channelId));
    await this.memory.set(context, turn.memory);
  }

  /** The user's words: the bot's own @mention removed, markup stripped, length capped. */
  private questionText(context: TurnContext): string {
    const withoutMention = OptionalTextSchema.parse(TurnContext.removeRecipientMention(context.activity));
    return stripMarkup(withoutMention).slice(0, this.options.maxMessageChars).trim();
  }
}
