import type { Storage } from 'botbuilder';
import { Conversation } from '../conversation/Conversation';
import { Quiz } from '../quiz/Quiz';
import { Answerer } from '../answering/Answerer';
import { CloudBot } from '../bot/CloudBot';
import type { Config } from '../config';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { Logger } from '../logger';
import { Matcher, type MatcherIndex } from '../matching/Matcher';
import { createAdapter } from './createAdapter';
import { discardRecords, idHasher, type RecordSink } from '../records/records';
import { Recorder } from '../records/Recorder';
import { TableRecords } from '../records/tableRecords';
import { createStorage } from './storage';
import { createMessagesHandler, type JsonHandler } from './createMessagesHandler';

/** Everything one instance builds once and reuses for every request. */
export interface Runtime {
  config: Config;
  kb: KnowledgeBase;
  bot: CloudBot;
  messages: JsonHandler;
}

export interface RuntimeDeps {
  config: Config;
  kb: KnowledgeBase;
  logger: Logger;
  /** Where conversation state lives; by default what the configuration says (Blob Storage or memory). */
  storage?: Storage;
  /** Where feedback and unanswered questions go; by default what the configuration says. */
  recordSink?: RecordSink;
  /** The matcher's index, made at build time for this knowledge base; by default built here. */
  matcherIndex?: MatcherIndex;
}

/** Answers below this confidence are kept for the knowledge-base author to review. */
const LOW_CONFIDENCE = 0.7;

/** Table Storage when there is a storage account and recording is on; otherwise nothing is kept. */
function createRecordSink(config: Config, logger: Logger): RecordSink {
  if (!config.RECORD_QUESTIONS) return discardRecords;
  if (config.storageConnectionString === undefined) {
    logger.info('No storage configured: feedback and unanswered questions are not kept.');
    return discardRecords;
  }
  return new TableRecords(
    { connectionString: config.storageConnectionString, table: config.RECORDS_TABLE, timeoutMs: config.STORAGE_TIMEOUT_MS },
    logger,
  );
}

/** Wires the layers together. Construction only: no environment, no globals; storage connects lazily. */
export function createRuntime({ config, kb, logger, storage = createStorage(config, logger), recordSink, matcherIndex }: RuntimeDeps): Runtime {
  if (config.unauthenticated) {
    logger.warn('MicrosoftAppId is not set: CloudBot accepts unauthenticated requests (local use and the Emulator only).');
  }
  const matcher = new Matcher(kb, {}, matcherIndex);
  const answerer = new Answerer(kb, matcher, config.lectureUrl);
  const quiz = new Quiz(kb, matcher, (section) => answerer.citation(section));
  const conversation = new Conversation(kb, matcher, answerer, quiz);
  const recorder = new Recorder(recordSink ?? createRecordSink(config, logger), {
    lowConfidence: LOW_CONFIDENCE,
    hash: idHasher(config.HASH_SALT),
  });
  const bot = new CloudBot({ answerer, conversation, storage, recorder, logger, maxMessageChars: config.MAX_MESSAGE_CHARS });
  const adapter = createAdapter(config, logger);
  const messages = createMessagesHandler({
    adapter,
    bot,
    maxBodyBytes: config.MAX_BODY_BYTES,
    requireAuth: !config.unauthenticated,
  });
  return { config, kb, bot, messages };
}
