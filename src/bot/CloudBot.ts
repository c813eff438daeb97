import { ActivityHandler, ConversationState, UserState, type StatePropertyAccessor, type Storage, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Answerer } from '../answering/Answerer';
import type { Conversation } from '../conversation/Conversation';
import { freshMemory, type MemoryUpdate, readConversationMemory } from '../conversation/memory';
import { isETagConflict, StorageUnavailableError } from './storageErrors';
import { type Logger, silentLogger } from '../logger';
import { EntryIdSchema } from '../knowledge/schema';
import { stripMarkup } from '../matching/normalise';
import { emptyProgress, readProgress } from '../quiz/progress';
import { discardRecords, idHasher } from '../records/records';
import { Recorder } from '../records/Recorder';
import { replyActivity } from './replyActivity';

export interface CloudBotDeps {
  answerer: Answerer;
  conversation: Conversation;
  /** Where conversation state lives: Blob Storage in Azure, memory locally. */
  storage: Storage;
  /** Keeps feedback and questions answered badly; by default nothing is kept. */
  recorder?: Recorder;
  logger?: Logger;
  /** Longer messages are cut to this many characters before matching. */
  maxMessageChars: number;
}

const TEAMS = 'msteams';

/** The event Web Chat pages post on connecting (see the chat page). */
export const WEB_CHAT_JOIN = 'webchat/join';

/** Turn-state keys: whether this turn has the conversation's memory, and what the turn changed in it. */
const REMEMBERED = Symbol('remembered');
const UPDATE = Symbol('memoryUpdate');

/** The conversation-state property that holds CloudBot's memory. */
const MEMORY_PROPERTY = 'conversationData';

/** A conversation's stored state as storage returns it: our property, the eTag, and whatever else. */
const StoredStateSchema = z.looseObject({ eTag: z.string().optional(), [MEMORY_PROPERTY]: z.unknown().optional() });

/** Two racing turns settle within a few tries; more means something else is wrong. */
const MAX_SAVE_ATTEMPTS = 4;

/** The payloads our own buttons send back (`messageBack` value): a topic, or a 👍/👎 on an answer. */
const ButtonValueSchema = z.object({ entryId: EntryIdSchema });
const QuizChoiceSchema = z.object({ quiz: z.object({ question: z.string().max(200), choice: z.number().int().min(0).max(4) }) });
const VoteSchema = z.object({
  vote: z.enum(['up', 'down']),
  entryId: EntryIdSchema,
  question: z.string().max(1000),
  confidence: z.number().min(0).max(1),
});

/** Typed as a string by the SDK, but it is the activity's text, which a button press may leave out. */
const OptionalTextSchema = z.string().catch('');

/**
 * CloudBot's conversation logic. It receives what it needs, so that tests can give it a
 * `TestAdapter`, memory storage and any knowledge base.
 */
export class CloudBot extends ActivityHandler {
  /** The conversation's memory (last topic, pending "Did you mean"), in botbuilder's conversation state. */
  private readonly memory: StatePropertyAccessor<unknown>;
  private readonly conversationState: ConversationState;
  /** Quiz progress is the student's, across conversations: user state. */
  private readonly userState: UserState;
  private readonly progress: StatePropertyAccessor<unknown>;

  private readonly answerer: Answerer;
  private readonly conversation: Conversation;
  private readonly storage: Storage;
  private readonly recorder: Recorder;
  private readonly logger: Logger;
  private readonly maxMessageChars: number;

  constructor(deps: CloudBotDeps) {
    super();
    this.answerer = deps.answerer;
    this.conversation = deps.conversation;
    this.storage = deps.storage;
    this.recorder = deps.recorder ?? new Recorder(discardRecords, { lowConfidence: 0, hash: idHasher() });
    this.logger = deps.logger ?? silentLogger;
    this.maxMessageChars = deps.maxMessageChars;
    this.conversationState = new ConversationState(deps.storage);
    this.memory = this.conversationState.createProperty(MEMORY_PROPERTY);
    this.userState = new UserState(deps.storage);
    this.progress = this.userState.createProperty('progress');

    this.onMessage(async (context, next) => {
      if (this.addressed(context)) await this.answer(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      await this.greet(context);
      await next();
    });

    // Web Chat posts this event when it connects, so the welcome shows before the student types.
    this.onEvent(async (context, next) => {
      if (context.activity.name === WEB_CHAT_JOIN) await context.sendActivity(replyActivity(this.answerer.welcome(), context.activity.channelId));
      await next();
    });
  }

  /** In Teams channels and group chats the bot speaks only when @mentioned; elsewhere, always. */
  private addressed(context: TurnContext): boolean {
    const { channelId, conversation, recipient } = context.activity;
    const shared = conversation.conversationType === 'channel' || conversation.conversationType === 'groupChat';
    if (channelId !== TEAMS || !shared) return true;
    return TurnContext.getMentions(context.activity).some((mention) => mention.mentioned.id === recipient.id);
  }

  /**
   * Teams: a welcome once when installed for one person, a short intro when added to a team or
   * group chat, and nothing when other people join. Web Chat greets on its join event. Other
   * channels (the Emulator): a welcome when someone other than the bot joins.
   */
  private async greet(context: TurnContext): Promise<void> {
    const { channelId, recipient, conversation } = context.activity;
    const added = context.activity.membersAdded ?? [];
    const botAdded = added.some((member) => member.id === recipient.id);
    if (channelId === TEAMS) {
      if (!botAdded) return;
      const reply = conversation.conversationType === 'personal' ? this.answerer.welcome() : this.answerer.intro();
      await context.sendActivity(replyActivity(reply, channelId));
      return;
    }
    if (channelId === 'directline' || channelId === 'webchat') return;
    // One welcome per event, however many people joined with it.
    if (added.some((member) => member.id !== recipient.id)) await context.sendActivity(replyActivity(this.answerer.welcome(), channelId));
  }

  /**
   * Runs the turn with the conversation's memory if storage can give it, and without if it
   * cannot: a student still gets the answer to a question that needs no memory.
   */
  override async run(context: TurnContext): Promise<void> {
    const remembered = await this.load(context);
    context.turnState.set(REMEMBERED, remembered);
    await super.run(context);
    const update = context.turnState.get<MemoryUpdate | undefined>(UPDATE);
    if (remembered && update) await this.save(context, update);
    // Progress is one student's, written by their own turns: last write wins is enough here.
    if (remembered) await this.userState.saveChanges(context).catch((error: unknown) => {
      if (!(error instanceof StorageUnavailableError)) throw error;
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const vote = VoteSchema.safeParse(context.activity.value);
    if (vote.success) {
      await context.sendActivity(replyActivity(this.answerer.thanksForVote(vote.data.vote, vote.data.entryId), context.activity.channelId));
      await this.recorder.feedback(vote.data, context.activity.from.id);
      return;
    }
    const remembered = context.turnState.get<boolean | undefined>(REMEMBERED) === true;
    const memory = remembered ? readConversationMemory(await this.memory.get(context)) : freshMemory();
    const progress = remembered ? readProgress(await this.progress.get(context)) : emptyProgress();
    const pressed = ButtonValueSchema.safeParse(context.activity.value);
    const chosen = QuizChoiceSchema.safeParse(context.activity.value);
    const turn =
      (pressed.success ? this.conversation.respondToButton(pressed.data.entryId, memory) : undefined) ??
      (chosen.success ? this.conversation.respondToQuizChoice(chosen.data.quiz.question, chosen.data.quiz.choice, memory, progress) : undefined) ??
      this.conversation.respond(this.questionText(context), memory, progress);
    await context.sendActivity(replyActivity(turn.reply, context.activity.channelId));
    context.turnState.set(UPDATE, turn.update);
    if (turn.progress && remembered) await this.progress.set(context, turn.progress);
    await this.recorder.reply(turn.reply, context.activity.conversation.id);
  }

  private async load(context: TurnContext): Promise<boolean> {
    try {
      await Promise.all([this.conversationState.load(context), this.userState.load(context)]);
      return true;
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      return false; // The storage guard has logged the fault and its cause.
    }
  }

  /**
   * Writes the turn's change with the eTag it was read with. botbuilder's own `saveChanges`
   * writes with eTag "*" (last writer wins), which would lose a concurrent turn's update on
   * another instance. On a conflict, re-reads the conversation and applies the change on top,
   * a bounded number of times.
   */
  private async save(context: TurnContext, update: MemoryUpdate): Promise<void> {
    const key = this.conversationState.getStorageKey(context);
    if (key === undefined) return;
    for (let attempt = 1; attempt <= MAX_SAVE_ATTEMPTS; attempt++) {
      try {
        const stored = StoredStateSchema.parse(this.conversationState.get(context) ?? {});
        const next = { ...stored, [MEMORY_PROPERTY]: update(readConversationMemory(stored[MEMORY_PROPERTY])) };
        // No eTag yet means a new conversation: nothing to race against but its own first turn.
        await this.storage.write({ [key]: { ...next, eTag: stored.eTag ?? '*' } });
        return;
      } catch (error) {
        if (error instanceof StorageUnavailableError) return; // Answered already; logged by the guard.
        if (!isETagConflict(error)) throw error;
        if (attempt === MAX_SAVE_ATTEMPTS) {
          this.logger.warn(`Conversation memory not saved after ${String(attempt)} eTag conflicts.`);
          return;
        }
        await this.conversationState.load(context, true);
      }
    }
  }

  /** The user's words: the bot's own @mention removed, markup stripped, length capped. */
  private questionText(context: TurnContext): string {
    const withoutMention = OptionalTextSchema.parse(TurnContext.removeRecipientMention(context.activity));
    return stripMarkup(withoutMention).slice(0, this.maxMessageChars).trim();
  }
}
