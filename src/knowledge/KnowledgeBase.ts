import type { Lecture, LectureSection } from './lecture';
import type { Scale, SmalltalkEntry, SynonymGroup, TopicEntry } from './schema';

/** Any entry the bot can answer with. */
export type Entry = TopicEntry | SmalltalkEntry;

export function isTopic(entry: Entry): entry is TopicEntry {
  return 'source' in entry;
}

/** Two sub-topics of one overview, by their ids: `benefits.reach` and `benefits.agility`. */
export function areSiblings(a: string, b: string): boolean {
  const parent = (id: string) => id.slice(0, Math.max(0, id.lastIndexOf('.')));
  return parent(a) !== '' && parent(a) === parent(b);
}

/**
 * The validated knowledge base: immutable, built once per instance by `loadKnowledgeBase`.
 * Lookups are by id; the order of `topics` is the authors' order, which the help text follows.
 */
export class KnowledgeBase {
  private readonly byId: ReadonlyMap<string, Entry>;

  constructor(
    readonly topics: readonly TopicEntry[],
    readonly smalltalk: readonly SmalltalkEntry[],
    readonly synonyms: readonly SynonymGroup[],
    readonly lecture: Lecture,
    /** The scales facts rank entries on ("effort", "control"), with students' words for each end. */
    readonly scales: readonly Scale[] = [],
  ) {
    this.byId = new Map<string, Entry>([...topics, ...smalltalk].map((entry) => [entry.id, entry]));
  }

  /** Every entry, topics first. */
  get entries(): readonly Entry[] {
    return [...this.topics, ...this.smalltalk];
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  /** The overview entries (ids without a dot), in authoring order: the topics a student can start from. */
  get overviews(): readonly TopicEntry[] {
    return this.topics.filter((entry) => !entry.id.includes('.'));
  }

  /** Direct children of an entry: `benefits.reach` is a child of `benefits`. */
  childrenOf(id: string): readonly TopicEntry[] {
    const prefix = `${id}.`;
    return this.topics.filter((entry) => entry.id.startsWith(prefix) && !entry.id.slice(prefix.length).includes('.'));
  }

  /** The parent of a child entry, if any. */
  parentOf(id: string): TopicEntry | undefined {
    const cut = id.lastIndexOf('.');
    if (cut < 0) return undefined;
    const parent = this.get(id.slice(0, cut));
    return parent && isTopic(parent) ? parent : undefined;
  }

  /** The overview that lists the advantages, or the disadvantages, of using the cloud (`lists`). */
  listOf(side: 'advantages' | 'disadvantages'): TopicEntry | undefined {
    return this.topics.find((entry) => entry.lists === side);
  }

  /** The lecture section an entry cites. */
  sectionOf(entry: TopicEntry): LectureSection | undefined {
    return this.lecture.sections.find((section) => section.title === entry.source.section);
  }
}
