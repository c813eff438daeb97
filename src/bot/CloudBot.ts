import { ActivityHandler, ActivityTypes, ConversationState, type Storage, TurnContext, UserState } from 'botbuilder';
import { z } from 'zod';
import type { Answerer } from '../answering/Answerer';
import type { Conversation } from '../conversation/Conversation';
import { type ConversationMemory, freshMemory, type MemoryUpdate, readConversationMemory } from '../conversation/memory';
import { canCreate } from './CreatingStorage';
import { isETagConflict, StorageUnavailableError } from './storageErrors';
import { type Logger, silentLogger } from '../logger';
import { EntryIdSchema } from '../knowledge/schema';
import { stripMarkup } from '../matching/normalise';
import { emptyProgress, type Progress, readProgress } from '../quiz/progress';
import { discardRecords, idHasher } from '../records/records';
import { Recorder } from '../records/Recorder';
import { replyActivity, WEB_CHAT_FEEDBACK } from './replyActivity';
import { RECENT_EXCHANGES, type TeachingTeam } from './TeachingTeam';

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
  /** "Ask the teaching team"; without it, the offer is not made. */
  teachingTeam?: TeachingTeam;
}

const TEAMS = 'msteams';
const MESSAGE: string = ActivityTypes.Message;

/** The event Web Chat pages post on connecting (see the chat page). */
export const WEB_CHAT_JOIN = 'webchat/join';

/** Turn-state keys: the state this turn read (absent when storage was unavailable), and what the turn changed in it. */
const STATE = Symbol('storedState');
const UPDATE = Symbol('memoryUpdate');
const PROGRESS = Symbol('progress');

/** The conversation-state property that holds CloudBot's memory, and the user-state property that holds quiz progress. */
const MEMORY_PROPERTY = 'conversationData';
const PROGRESS_PROPERTY = 'progress';

/** A stored state item as storage returns it: the eTag, and whatever properties it holds. */
const StoredStateSchema = z.looseObject({ eTag: z.string().optional() });
type StoredState = z.infer<typeof StoredStateSchema>;

/** What a turn read from storage: the conversation's state item and the student's, under botbuilder's keys. */
interface TurnStorage {
  conversationKey: string;
  userKey: string;
  conversation: StoredState;
  user: StoredState;
}

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
/**
 * A thumb pressed under an answer in Web Chat: the event carries the pressed action, and the
 * action the value of the card button it was made from (see `FEEDBACK_CARD`). A like is an up vote.
 */
const VoteActionSchema = z
  .object({ '@type': z.enum(['LikeAction', 'DislikeAction']), value: VoteSchema })
  .refine((action) => (action['@type'] === 'LikeAction') === (action.value.vote === 'up'), { error: 'the vote must match the action' });
const FeedbackEventSchema = z.object({ entities: z.tuple([VoteActionSchema], z.unknown()) });

/** Typed as a string by the SDK, but it is the activity's text, which a button press may leave out. */
const OptionalTextSchema = z.string().catch('');

/**
 * CloudBot's conversation logic. It receives what it needs, so that tests can give it a
 * `TestAdapter`, memory storage and any knowledge base.
 */
export class CloudBot extends ActivityHandler {
  /**
   * The conversation's memory (last topic, pending "Did you mean") is stored as botbuilder's
   * conversation state would store it, and quiz progress, the student's across conversations, as
   * its user state would. These two give the storage keys, so that state stays where it always was.
   */
  private readonly conversationState: ConversationState;
  private readonly userState: UserState;

  private readonly answerer: Answerer;
  private readonly conversation: Conversation;
  private readonly storage: Storage;
  private readonly recorder: Recorder;
  private readonly logger: Logger;
  private readonly maxMessageChars: number;
  private readonly teachingTeam: TeachingTeam | undefined;

  constructor(deps: CloudBotDeps) {
    super();
    this.answerer = deps.answerer;
    this.conversation = deps.conversation;
    this.storage = deps.storage;
    this.recorder = deps.recorder ?? new Recorder(discardRecords, { lowConfidence: 0, hash: idHasher() });
    this.logger = deps.logger ?? silentLogger;
    this.maxMessageChars = deps.maxMessageChars;
    this.teachingTeam = deps.teachingTeam;
    this.conversationState = new ConversationState(deps.storage);
    this.userState = new UserState(deps.storage);

    this.onMembersAdded(async (context, next) => {
      await this.greet(context);
      await next();
    });

    // Web Chat posts this event when it connects, so the welcome shows before the student types.
    this.onEvent(async (context, next) => {
      if (context.activity.name === WEB_CHAT_JOIN) {
        if (this.teachingTeam?.isStaff(context)) await this.teachingTeam.staffJoined(context);
        else await context.sendActivity(replyActivity(this.answerer.welcome(), context.activity.channelId));
      }
      if (context.activity.name === WEB_CHAT_FEEDBACK) {
        const feedback = FeedbackEventSchema.safeParse(context.activity);
        if (feedback.success) await this.vote(context, feedback.data.entities[0].value);
      }
      await next();
    });
  }

  /**
   * Messages are most turns, so they go straight to `answer`, past the chains of registered
   * handlers (`onTurn`, `onMessage`, `onDialog`) that CloudBot leaves empty: those run half a
   * dozen async steps per turn to call nothing. Other activities take botbuilder's usual path.
   */
  protected override async onTurnActivity(context: TurnContext): Promise<void> {
    if (context.activity.type === MESSAGE) await this.onMessageActivity(context);
    else await super.onTurnActivity(context);
  }

  protected override async onMessageActivity(context: TurnContext): Promise<void> {
    // A press on a ticket card in the staff channel carries no @mention, yet is meant for the bot.
    if (this.teachingTeam && context.activity.value !== undefined && (await this.teachingTeam.handle(context, this.memoryOf(context), ''))) return;
    if (this.addressed(context)) await this.answer(context);
  }

  /** The conversation's memory as this turn read it; a fresh one when storage was unavailable. */
  private memoryOf(context: TurnContext): ConversationMemory {
    const stored = context.turnState.get<TurnStorage | undefined>(STATE);
    return stored ? readConversationMemory(stored.conversation[MEMORY_PROPERTY]) : freshMemory();
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
    const stored = await this.load(context);
    if (stored) context.turnState.set(STATE, stored);
    await super.run(context);
    if (!stored) return;
    const update = context.turnState.get<MemoryUpdate | undefined>(UPDATE);
    if (update) await this.save(stored, update);
    const progress = context.turnState.get<Progress | undefined>(PROGRESS);
    if (progress) await this.saveProgress(stored, progress);
  }

  private async answer(context: TurnContext): Promise<void> {
    // Typed messages carry no value: only button presses need their payloads parsed.
    const value: unknown = context.activity.value;
    const vote = value === undefined ? undefined : VoteSchema.safeParse(value);
    if (vote?.success) {
      await this.vote(context, vote.data);
      return;
    }
    const stored = context.turnState.get<TurnStorage | undefined>(STATE);
    const memory = this.memoryOf(context);
    const progress = stored ? readProgress(stored.user[PROGRESS_PROPERTY]) : emptyProgress();
    const pressed = value === undefined ? undefined : ButtonValueSchema.safeParse(value);
    const chosen = value === undefined ? undefined : QuizChoiceSchema.safeParse(value);
    const text = this.questionText(context);
    if (value === undefined && this.teachingTeam && (await this.teachingTeam.handle(context, memory, text))) return;
    const turn =
      (pressed?.success ? this.conversation.respondToButton(pressed.data.entryId, memory) : undefined) ??
      (chosen?.success ? this.conversation.respondToQuizChoice(chosen.data.quiz.question, chosen.data.quiz.choice, memory, progress) : undefined) ??
      this.conversation.respond(text, memory, progress);
    const activity = replyActivity(turn.reply, context.activity.channelId);
    const team = this.teachingTeam;
    let update = turn.update;
    if (team && value === undefined) {
      const offer = team.offerFor(turn.reply, text);
      if (offer) activity.attachments = [...(activity.attachments ?? []), offer];
      const exchange = team.exchange(text, turn.reply.text);
      update = (base) => ({ ...turn.update(base), recent: [...base.recent, exchange].slice(-RECENT_EXCHANGES) });
    }
    await context.sendActivity(activity);
    context.turnState.set(UPDATE, update);
    if (turn.progress && stored) context.turnState.set(PROGRESS, turn.progress);
    await this.recorder.reply(turn.reply, context.activity.conversation.id);
    if (turn.quizAnswer) await this.recorder.quizAnswer(turn.quizAnswer, context.activity.conversation.id);
  }

  /** A 👍 or 👎 on an answer, from a card button or a Web Chat thumb: thanks, and the vote recorded against its entry. */
  private async vote(context: TurnContext, vote: z.infer<typeof VoteSchema>): Promise<void> {
    const thanks = replyActivity(this.answerer.thanksForVote(vote.vote, vote.entryId), context.activity.channelId);
    // A 👎 says the lecture's answer did not help: a person may.
    const title = this.answerer.titleOf(vote.entryId);
    if (vote.vote === 'down' && this.teachingTeam && vote.question !== '') {
      thanks.attachments = [...(thanks.attachments ?? []), this.teachingTeam.offer('thumbs-down', vote.question, title === undefined ? null : `The lecture's answer on ${title}`)];
    }
    await context.sendActivity(thanks);
    await this.recorder.feedback(vote, context.activity.from.id);
  }

  /**
   * Reads the conversation's and the student's state in one storage call, or returns undefined
   * when storage is unavailable. botbuilder's `BotState.load` would read each with a call of its
   * own and hash both, to tell at the end of the turn whether they changed; CloudBot knows that
   * from the turn's result, so it skips the hashing.
   */
  private async load(context: TurnContext): Promise<TurnStorage | undefined> {
    const conversationKey = this.conversationState.getStorageKey(context);
    const userKey = this.userState.getStorageKey(context);
    if (conversationKey === undefined || userKey === undefined) return undefined;
    try {
      const items = await this.storage.read([conversationKey, userKey]);
      return { conversationKey, userKey, conversation: storedState(items[conversationKey]), user: storedState(items[userKey]) };
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      return undefined; // The storage guard has logged the fault and its cause.
    }
  }

  /**
   * Writes the turn's change with the eTag it was read with, and creates the state of a new
   * conversation only if no other turn has created it meanwhile (see `CreatingStorage`).
   * botbuilder's own `saveChanges` writes with eTag "*" (last writer wins), which would lose a
   * concurrent turn's update on another instance. On a conflict, re-reads the conversation and
   * applies the change on top, a bounded number of times.
   */
  private async save(stored: TurnStorage, update: MemoryUpdate): Promise<void> {
    const key = stored.conversationKey;
    let current = stored.conversation;
    for (let attempt = 1; attempt <= MAX_SAVE_ATTEMPTS; attempt++) {
      try {
        const next = { ...current, [MEMORY_PROPERTY]: update(readConversationMemory(current[MEMORY_PROPERTY])) };
        // A storage that cannot create (botbuilder's MemoryStorage, in tests) overwrites instead.
        if (current.eTag === undefined && canCreate(this.storage)) await this.storage.create({ [key]: next });
        else await this.storage.write({ [key]: { ...next, eTag: current.eTag ?? '*' } });
        return;
      } catch (error) {
        if (error instanceof StorageUnavailableError) return; // Answered already; logged by the guard.
        if (!isETagConflict(error)) throw error;
        if (attempt === MAX_SAVE_ATTEMPTS) {
          this.logger.warn(`Conversation memory not saved after ${String(attempt)} eTag conflicts.`);
          return;
        }
        current = storedState((await this.storage.read([key]))[key]);
      }
    }
  }

  /**
   * Writes the student's quiz progress when the turn changed it. Progress is one student's,
   * written by their own turns: last write wins is enough here, as in botbuilder's `saveChanges`.
   */
  private async saveProgress(stored: TurnStorage, progress: Progress): Promise<void> {
    if (JSON.stringify(progress) === JSON.stringify(stored.user[PROGRESS_PROPERTY] ?? null)) return;
    try {
      await this.storage.write({ [stored.userKey]: { ...stored.user, [PROGRESS_PROPERTY]: progress, eTag: '*' } });
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
    }
  }

  /** The user's words: the bot's own @mention removed, markup stripped, length capped. */
  private questionText(context: TurnContext): string {
    const withoutMention = OptionalTextSchema.parse(TurnContext.removeRecipientMention(context.activity));
    return stripMarkup(withoutMention).slice(0, this.maxMessageChars).trim();
  }
}

/** A state item as read, or an empty one for a key that has none yet (as botbuilder's `BotState.load` gives). */
function storedState(item: unknown): StoredState {
  return StoredStateSchema.parse(item ?? {});
}
