import type { Storage } from 'botbuilder';
import { Conversation } from '../conversation/Conversation';
import { Quiz } from '../quiz/Quiz';
import { Answerer } from '../answering/Answerer';
import { CloudBot } from '../bot/CloudBot';
import type { Config } from '../config';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { Logger } from '../logger';
import { Matcher, type MatcherIndex } from '../matching/Matcher';
import { QuestionClassifier, type QuestionModel } from '../matching/questionModel';
import { createAdapter } from './createAdapter';
import { discardRecords, idHasher, type RecordHistory, type RecordStore } from '../records/records';
import { MemoryRecords } from '../records/MemoryRecords';
import { Recorder } from '../records/Recorder';
import { TableRecords } from '../records/tableRecords';
import { createStorage } from './storage';
import { createMessagesHandler, type JsonHandler } from './createMessagesHandler';
import { adapterProactive } from './proactive';
import { TeachingTeam } from '../bot/TeachingTeam';
import { BlobTicketStore } from '../tickets/BlobTicketStore';
import { TicketDesk } from '../tickets/TicketDesk';
import { MemoryTicketStore, type TicketStore } from '../tickets/TicketStore';

/** Everything one instance builds once and reuses for every request. */
export interface Runtime {
  config: Config;
  kb: KnowledgeBase;
  bot: CloudBot;
  messages: JsonHandler;
  /** Questions for the teaching team; undefined when asking them is off (see `config.staff`). */
  tickets: TicketStore | undefined;
  /** What the staff dashboard reads: the records this instance keeps. */
  records: RecordHistory;
}

export interface RuntimeDeps {
  config: Config;
  kb: KnowledgeBase;
  logger: Logger;
  /** Where conversation state lives; by default what the configuration says (Blob Storage or memory). */
  storage?: Storage;
  /** Where records go and the dashboard reads them; by default what the configuration says. */
  recordSink?: RecordStore;
  /** The matcher's index, made at build time for this knowledge base; by default built here. */
  matcherIndex?: MatcherIndex;
  /** Where questions for the teaching team are kept; by default what the configuration says (Blob Storage or memory). */
  tickets?: TicketStore;
  /** The question model trained for this knowledge base (`npm run kb:train`); without it the matcher's rules decide alone. */
  questionModel?: QuestionModel;
}

/** Answers below this confidence are kept for the knowledge-base author to review. */
const LOW_CONFIDENCE = 0.7;

/**
 * Table Storage when there is a storage account and recording is on; without one (local runs),
 * the latest records in memory, for the local staff dashboard; with recording off, nothing.
 */
function createRecordSink(config: Config, logger: Logger): RecordStore {
  if (!config.RECORD_QUESTIONS) return discardRecords;
  if (config.storageConnectionString === undefined) {
    logger.info('No storage configured: records are kept in this process only, for the local staff dashboard.');
    return new MemoryRecords();
  }
  return new TableRecords(
    { connectionString: config.storageConnectionString, table: config.RECORDS_TABLE, timeoutMs: config.STORAGE_TIMEOUT_MS },
    logger,
  );
}

/** Blob Storage when there is a storage account; otherwise this process's memory, as for state. */
function createTicketStore(config: Config): TicketStore {
  if (config.storageConnectionString === undefined) return new MemoryTicketStore();
  return new BlobTicketStore({ connectionString: config.storageConnectionString, container: config.TICKETS_CONTAINER, timeoutMs: config.STORAGE_TIMEOUT_MS });
}

/** Wires the layers together. Construction only: no environment, no globals; storage connects lazily. */
export function createRuntime({ config, kb, logger, storage = createStorage(config, logger), recordSink, matcherIndex, tickets, questionModel }: RuntimeDeps): Runtime {
  if (config.unauthenticated) {
    logger.warn('MicrosoftAppId is not set: CloudBot accepts unauthenticated requests (local use and the Emulator only).');
  }
  const matcher = new Matcher(kb, {}, matcherIndex, questionModel === undefined ? undefined : new QuestionClassifier(questionModel));
  const answerer = new Answerer(kb, matcher, config.lectureUrl);
  const quiz = new Quiz(kb, matcher, (section) => answerer.citation(section));
  const conversation = new Conversation(kb, matcher, answerer, quiz);
  const records = recordSink ?? createRecordSink(config, logger);
  // One hasher, so that a student's records and tickets hash alike (without a salt, a random one per process).
  const hash = idHasher(config.HASH_SALT);
  const recorder = new Recorder(records, { lowConfidence: LOW_CONFIDENCE, hash });
  const adapter = createAdapter(config, logger);
  const staff = config.staff;
  let ticketStore: TicketStore | undefined;
  let teachingTeam: TeachingTeam | undefined;
  if (staff.mode === 'off') {
    logger.info(`"Ask the teaching team" is off: ${staff.reason}.`);
  } else {
    ticketStore = tickets ?? createTicketStore(config);
    const proactive = adapterProactive(adapter, config.MicrosoftAppId ?? '');
    teachingTeam = new TeachingTeam({ desk: new TicketDesk(ticketStore), staff, proactive, hash, logger });
  }
  const bot = new CloudBot({ answerer, conversation, storage, recorder, logger, maxMessageChars: config.MAX_MESSAGE_CHARS, ...(teachingTeam ? { teachingTeam } : {}) });
  const messages = createMessagesHandler({
    adapter,
    bot,
    maxBodyBytes: config.MAX_BODY_BYTES,
    requireAuth: !config.unauthenticated,
  });
  return { config, kb, bot, messages, tickets: ticketStore, records };
}
