import { type Activity, type Storage, type StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { CreatingStorage } from '../../src/bot/CreatingStorage';
import { isETagConflict, StorageUnavailableError } from '../../src/bot/storageErrors';
import { loadConfig } from '../../src/config';
import { readConversationMemory } from '../../src/conversation/memory';
import { createRuntime } from '../../src/hosting/createRuntime';
import { BlobStateStorage } from '../../src/hosting/BlobStateStorage';
import { BoundedMemoryStorage, createStorage, GuardedStorage } from '../../src/hosting/storage';
import { expectRepliesActivity, invocation, postRequest } from '../support/activities';
import { sharedAzurite, startAzurite } from '../support/azurite';
import { realKnowledgeBase } from '../support/knowledge';
import { capturingLogger } from '../support/logger';
import { testBot } from '../support/bot';

let containers = 0;
/** A container of its own for each test, so that tests never see each other's conversations. */
const container = () => `state-test-${String(Date.now())}-${String(++containers)}`;

/** A bot as one Function App instance builds it: its own adapter, bot and storage objects. */
function instance(storage: Storage, logger = capturingLogger()) {
  return { adapter: testBot({ storage, logger }), logger };
}

const text = (reply: Partial<Activity>) => reply.text ?? '';

describe('conversation state in Azure Blob Storage (Azurite)', () => {
  it('survives a restart of the bot: new adapter, bot and storage objects, same storage', async () => {
    const config = loadConfig({ STATE_STORAGE_CONNECTION_STRING: sharedAzurite(), STATE_CONTAINER: container() });
    await instance(createStorage(config, capturingLogger())).adapter.send('what is iaas').assertReply(() => undefined).startTest();

    await instance(createStorage(config, capturingLogger()))
      .adapter.send('what are its disadvantages?')
      .assertReply((reply) => { expect(text(reply)).toMatch(/IaaS.*Bad point/s); })
      .startTest();
  });

  it('loses no update when two instances answer turns of one conversation at the same moment', async () => {
    const name = container();
    const connection = sharedAzurite();
    // Each instance reads the conversation, then waits until the other has read it too before
    // writing: the race is certain, not left to timing. Only the first round of writes waits.
    let reads = 0;
    let release: () => void = () => undefined;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    class RacingStorage extends BlobsStorage {
      writes = 0;
      override async read(keys: string[]): Promise<StoreItems> {
        const items = await super.read(keys);
        if (++reads === 2) release();
        return items;
      }
      override async write(changes: StoreItems): Promise<void> {
        if (++this.writes === 1) await bothRead;
        await super.write(changes);
      }
    }
    const setup = instance(new BlobsStorage(connection, name));
    await setup.adapter.send('what is cloud computing').assertReply(() => undefined).startTest();
    reads = 0;

    const first = instance(new RacingStorage(connection, name));
    const second = instance(new RacingStorage(connection, name));
    await Promise.all([
      first.adapter.send('what is iaas').assertReply((reply) => { expect(text(reply)).toMatch(/^Infrastructure as a service/); }).startTest(),
      second.adapter.send('what is paas').assertReply((reply) => { expect(text(reply)).toMatch(/^Platform as a service/); }).startTest(),
    ]);

    const stored = await new BlobsStorage(connection, name).read(['test/conversations/Convo1/']);
    const conversation = stored['test/conversations/Convo1/'] as Record<string, unknown> | undefined;
    const memory = readConversationMemory(conversation?.conversationData);
    expect(memory.seenTopics).toEqual(expect.arrayContaining(['cloud-computing', 'service-models.iaas', 'service-models.paas']));
    expect(memory.seenTopics).toHaveLength(3);
  });

  it('keeps answering while storage is down, returns 200 to the channel, and recovers by itself when it is back', async () => {
    const own = await startAzurite({ persistent: true });
    try {
      const logger = capturingLogger();
      const config = loadConfig({ STATE_STORAGE_CONNECTION_STRING: own.connectionString, STATE_CONTAINER: container() });
      const blobs = new BlobsStorage(own.connectionString, config.STATE_CONTAINER, {
        storagePipelineOptions: { retryOptions: { maxTries: 1, tryTimeoutInMs: 1000 } },
      });
      const guarded = new GuardedStorage(blobs, logger, { timeoutMs: 1500, cooldownMs: 200 });
      const runtime = createRuntime({ config, kb: realKnowledgeBase(), logger, storage: guarded });
      const ask = async (question: string) => {
        const response = await runtime.messages(postRequest(expectRepliesActivity(question)), invocation().context);
        const body = response.jsonBody as { activities?: { text?: string }[] } | undefined;
        return { status: response.status, text: body?.activities?.[0]?.text ?? '' };
      };

      expect(await ask('what is iaas')).toMatchObject({ status: 200, text: expect.stringMatching(/^Infrastructure as a service/) as unknown });

      await own.stop();
      const started = Date.now();
      const during = await ask('what is saas');
      expect(during).toMatchObject({ status: 200, text: expect.stringMatching(/^Software as a service/) as unknown });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(logger.lines.some((line) => line.level === 'error' && /State storage (read|write) failed/.test(line.text))).toBe(true);

      await own.restart();
      await new Promise((resolve) => setTimeout(resolve, 300)); // past the guard's cooldown
      // The memory written before the outage is back: "its" still means IaaS.
      const after = await ask('what are its disadvantages?');
      expect(after).toMatchObject({ status: 200, text: expect.stringMatching(/IaaS.*Bad point/s) as unknown });
      expect(logger.lines.some((line) => line.text === 'State storage is reachable again.')).toBe(true);
    } finally {
      await own.dispose();
    }
  });

  it('bounds a storage call that never answers with a timeout', async () => {
    const hanging: Storage = { read: () => new Promise(() => undefined), write: () => new Promise(() => undefined), delete: () => new Promise(() => undefined) };
    const guarded = new GuardedStorage(hanging, capturingLogger(), { timeoutMs: 50, cooldownMs: 1000 });
    await expect(guarded.read(['key'])).rejects.toBeInstanceOf(StorageUnavailableError);
    // Within the cooldown, calls fail at once instead of waiting again.
    const started = Date.now();
    await expect(guarded.read(['key'])).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(Date.now() - started).toBeLessThan(40);
  });
});

/**
 * Two instances' storage objects, each holding its first write until both have read: the first
 * turns they answer race for certain, not by timing.
 */
function racing(first: CreatingStorage, second: CreatingStorage): [CreatingStorage, CreatingStorage] {
  let reads = 0;
  let release: () => void = () => undefined;
  const bothRead = new Promise<void>((resolve) => (release = resolve));
  const racer = (inner: CreatingStorage): CreatingStorage => {
    let writes = 0;
    const held = async () => {
      if (++writes === 1) await bothRead;
    };
    return {
      read: async (keys) => {
        const items = await inner.read(keys);
        if (++reads === 2) release();
        return items;
      },
      write: async (changes) => { await held(); await inner.write(changes); },
      create: async (items) => { await held(); await inner.create(items); },
      delete: (keys) => inner.delete(keys),
    };
  };
  return [racer(first), racer(second)];
}

describe('the first turns of a new conversation, answered at the same moment by two instances', () => {
  it.each([
    ['Blob Storage (Azurite)', () => { const name = container(); return [new BlobStateStorage(sharedAzurite(), name), new BlobStateStorage(sharedAzurite(), name)] as const; }],
    ['local memory', () => { const memory = new BoundedMemoryStorage(); return [memory, memory] as const; }],
  ])('both keep their update, in %s: the state is created once and the loser writes on top', async (_case, stores) => {
    const [one, other] = stores();
    const [first, second] = racing(one, other);
    await Promise.all([
      instance(first).adapter.send('what is iaas').assertReply((reply) => { expect(text(reply)).toMatch(/^Infrastructure as a service/); }).startTest(),
      instance(second).adapter.send('what is paas').assertReply((reply) => { expect(text(reply)).toMatch(/^Platform as a service/); }).startTest(),
    ]);
    const stored = await one.read(['test/conversations/Convo1/']);
    const memory = readConversationMemory((stored['test/conversations/Convo1/'] as Record<string, unknown> | undefined)?.conversationData);
    expect([...memory.seenTopics].sort()).toEqual(['service-models.iaas', 'service-models.paas']);
  });
});

describe('creating state items', () => {
  it.each([
    ['Blob Storage (Azurite)', () => new BlobStateStorage(sharedAzurite(), container())],
    ['local memory', () => new BoundedMemoryStorage()],
    ['local memory, guarded', () => new GuardedStorage(new BoundedMemoryStorage(), capturingLogger(), { timeoutMs: 1000, cooldownMs: 0 })],
  ])('in %s, refuses an item that exists with an eTag conflict and leaves it as it was', async (_case, make) => {
    const storage = make();
    await storage.create({ key: { value: 'first' } });
    const error: unknown = await storage.create({ key: { value: 'second' } }).catch((thrown: unknown) => thrown);
    expect(isETagConflict(error)).toBe(true);
    expect(await storage.read(['key'])).toEqual({ key: { value: 'first', eTag: expect.any(String) as unknown } });
  });

  it('keeps each item in the blob botbuilder\'s BlobsStorage reads it from, whatever the key', async () => {
    const name = container();
    const keys = ['msteams/conversations/19:abc@thread.v2;messageid=1/', 'directline/users/dl_1//x', 'a b/ü/%2F', `long/${'x'.repeat(1100)}`];
    await new BlobStateStorage(sharedAzurite(), name).create(Object.fromEntries(keys.map((key) => [key, { key }])));
    const read = await new BlobsStorage(sharedAzurite(), name).read(keys);
    expect(keys.map((key) => (read[key] as Record<string, unknown> | undefined)?.key)).toEqual(keys);
  });
});

describe('local state without a storage account', () => {
  it('keeps at most its limit of items, dropping the oldest, so a long-running server does not grow for ever', async () => {
    const storage = new BoundedMemoryStorage(3);
    for (const key of ['a', 'b', 'c', 'd']) await storage.write({ [key]: { value: key } });
    await storage.write({ b: { value: 'b2', eTag: '*' } });
    await storage.write({ e: { value: 'e' } });
    const items = await storage.read(['a', 'b', 'c', 'd', 'e']);
    expect(Object.keys(items).sort()).toEqual(['b', 'd', 'e']);
  });

  it('counts a key once however often it is written, and a deleted key not at all', async () => {
    const storage = new BoundedMemoryStorage(3);
    for (let round = 1; round <= 3000; round++) {
      for (const key of ['a', 'b']) await storage.write({ [key]: { round } });
    }
    await storage.write({ c: {} });
    await storage.delete(['c']);
    await storage.write({ d: {} });
    expect(Object.keys(await storage.read(['a', 'b', 'c', 'd'])).sort()).toEqual(['a', 'b', 'd']);

    await storage.write({ e: {} });
    const items = await storage.read(['a', 'b', 'c', 'd', 'e']);
    expect(Object.keys(items).sort()).toEqual(['b', 'd', 'e']);
    expect(items.b).toMatchObject({ round: 3000 });
    expect(storage.queued).toBeLessThan(3000);
  });

  it('holds a bounded queue of writes however many new keys come and go', async () => {
    const storage = new BoundedMemoryStorage(100);
    for (let key = 0; key < 20_000; key++) await storage.write({ [`conversation-${key}`]: {} });
    expect(Object.keys(await storage.read(['conversation-19899', 'conversation-19900', 'conversation-19999']))).toEqual(['conversation-19900', 'conversation-19999']);
    expect(storage.queued).toBeLessThan(2 * 100 + 1024 + 1);
  });
});
