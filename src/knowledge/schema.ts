import { z } from 'zod';

/**
 * The shape of every file in `knowledge/`. The schemas are the single source of truth: the
 * types below are inferred from them, and the loader reports their issues by file, entry and field.
 */

/** Dotted, lower-case ids: `service-models.paas` is a child of `service-models`. */
export const EntryIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'must be lower-case words joined by "-", with "." before a child');

const Text = z.string().trim().min(1, 'must not be empty');

/** At least six phrasings, so that the matcher has more than the title to go on. */
const Alternates = z.array(Text).min(6, 'needs at least 6 alternate questions');

/** Where an answer comes from: a section heading of the lecture and the lecture's own words it covers. */
export const SourceSchema = z.strictObject({
  section: Text,
  quotes: z.array(Text).min(1, 'needs at least one verbatim quote from the lecture'),
});

/** A comparison shown as a table (an Adaptive Card): each row has one cell per column. */
export const ComparisonSchema = z
  .strictObject({
    columns: z.array(Text).min(2),
    rows: z.array(z.array(Text)).min(2),
  })
  .refine((table) => table.rows.every((row) => row.length === table.columns.length), 'every row needs one cell per column');

/**
 * A quiz question about the entry it sits in. Multiple-choice options are entries of the
 * knowledge base (shown by title), so a distractor is always one of the lecture's own facts.
 * `because` is the explanation: words from the entry's own answer.
 */
export const QuizQuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('choice'),
    question: Text,
    correct: EntryIdSchema,
    distractors: z.array(EntryIdSchema).min(2, 'needs 2 to 4 distractors').max(4, 'needs 2 to 4 distractors'),
    because: Text,
  }),
  z.strictObject({ kind: z.literal('true-false'), statement: Text, correct: z.boolean(), because: Text }),
]);

/** The ends of a scale a fact can rank an entry at: "the least effort", "the most control". */
export const RankSchema = z.enum(['most', 'least']);

/**
 * A comparative or evaluative fact about an entry, cited like an answer: what the lecture says
 * makes it the most or least of something among its siblings (`scale` and `rank`), or an
 * advantage or disadvantage of it (`side`). `says` is the one sentence a direct question
 * ("which needs the least effort?", "the upside of a private cloud?") is answered
 * with first; `quote` is the lecture's own words for it.
 */
export const FactSchema = z
  .strictObject({
    says: Text,
    quote: Text,
    scale: z.string().trim().min(1).optional(),
    rank: RankSchema.optional(),
    side: z.enum(['advantage', 'disadvantage']).optional(),
    /**
     * The lecture says it holds often, not always ("often higher costs than other models"): the
     * entry is at that end, but the fact does not settle a choice between it and one other by
     * elimination: of IaaS and another model, the other is not surely the cheaper.
     */
    hedged: z.literal(true).optional(),
  })
  .refine((fact) => (fact.scale === undefined) === (fact.rank === undefined), 'scale and rank go together')
  .refine((fact) => fact.hedged === undefined || fact.scale !== undefined, 'only a fact on a scale is hedged')
  .refine((fact) => fact.scale !== undefined || fact.side !== undefined, 'needs a scale and rank, or a side');

/**
 * What students call each end of a scale: "effort", "work", "hassle" for more effort; "easy"
 * for less. A question with a direction word ("most", "least", "-est") and one of these is a
 * comparison, answered from the facts that rank an entry on the scale.
 */
export const ScaleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z-]*$/, 'must be a lower-case word'),
  /** Words for having more of it: "the most effort", "more work". */
  more: z.array(Text).min(1),
  /** Words for having less of it, on their own: "the easiest", "cheaper". */
  less: z.array(Text).default([]),
  /** Words for having more of it, on their own: "the most expensive" needs no "most" to be read as most. */
  mostWords: z.array(Text).default([]),
  /**
   * Whether this is what a question compares when it says only who does the most, naming nothing
   * else: "the provider does the most for me", "which one leaves the least to the provider", "the
   * most on my plate" compare the work each side does. At most one scale says so.
   */
  impliedByWhoDoesIt: z.boolean().default(false),
});

export const TopicEntrySchema = z.strictObject({
  id: EntryIdSchema,
  title: Text,
  alternates: Alternates,
  keywords: z.array(Text).default([]),
  /**
   * What the topic is called, besides its title: "what is X" is answered with this entry only
   * when X names it. The title, and an abbreviation in brackets after it, name it already.
   */
  names: z.array(Text).default([]),
  answer: Text,
  source: SourceSchema,
  related: z.array(EntryIdSchema).default([]),
  comparison: ComparisonSchema.optional(),
  quiz: z.array(QuizQuestionSchema).default([]),
  /**
   * Situations the entry answers, as a student describes them without naming it: "we don't want
   * to manage servers, just deploy our code". Matched like alternates; `kb:lint` requires them on
   * every sub-topic and checks that each retrieves its entry.
   */
  situations: z.array(Text).default([]),
  /**
   * Alternates that ask a yes or no this entry's answer says no to ("is my data shared in a public
   * cloud?"), each one of `alternates`. A claim matched by one is not confirmed: "public cloud is
   * where anyone can see my files, right?" matches it, and is false.
   */
  answeredNo: z.array(Text).default([]),
  /**
   * What the answer says, as its own words (`said`), and beliefs that say the opposite
   * (`denied`): "off-site" and "on-site", "in our own building". A yes or no about this entry that
   * states one of them, without the answer's own words, is answered no, with the sentence that
   * says so: "the private cloud is on-site, right?". The words a claim would match the entry by
   * cannot tell the two apart.
   */
  opposites: z.array(z.strictObject({ said: Text, denied: z.array(Text).min(1) })).default([]),
  facts: z.array(FactSchema).default([]),
  /**
   * The lecture's example for this topic, as whole sentences of `answer`, in order: what "give me
   * an example" after it gets. Without it, the answer's sentences that say "example" or "e.g." are.
   */
  example: z.array(Text).min(1).optional(),
  /**
   * An overview that lists the advantages or the disadvantages of using the cloud: "any
   * downsides?" after a topic that names none is offered it, and "and the upsides?" after one
   * such overview gets the other.
   */
  lists: z.enum(['advantages', 'disadvantages']).optional(),
  /**
   * The sides on which the subject's own list (the overview that `lists` them) is this
   * sub-topic's too, where it names none of its own: the lecture's case against the cloud is
   * about handing data and machines to a provider, which is what a public cloud is. "A
   * disadvantage of the public cloud?" gets that list, said to be the cloud's as a whole; a side
   * of a sub-topic without it gets "the lecture names none".
   */
  sharesList: z.array(z.enum(['advantage', 'disadvantage'])).default([]),
  /**
   * What the student does in this sub-topic, in students' words ("set up the operating system",
   * "write code", "buy hardware"), where its siblings differ. Within a family whose parts have
   * duties, a duty not in a part's list is one that part leaves to someone else: "which model does
   * not make me write code?" rules out every part that lists it, and "we don't want to buy
   * hardware, which deployment model?" too. Only what the answers say the student does.
   */
  duties: z.array(Text).default([]),
  /**
   * The sibling sub-topics this one is made of, as its answer says (the hybrid cloud: a private
   * data centre and public cloud services). What is not one of them is not this either: "which
   * deployment model does not mean buying your own computers?" is not the hybrid cloud.
   */
  combines: z.array(EntryIdSchema).default([]),
  /**
   * What the lecture says elsewhere that tempers a claim of this answer, on one of the scales
   * (`scale`): the definition says the cloud "lowers operating costs", and costs are also one of
   * the lecture's reasons not to use it. A question that uses the scale's words ("is the cloud
   * cheaper?") gets `says` after the answer, so one side is never given as the lecture's whole
   * word; `quote` is the lecture's own words for it and `see` the entry that says more.
   */
  caveats: z.array(z.strictObject({ scale: z.string().trim().min(1), says: Text, quote: Text, see: EntryIdSchema })).default([]),
});

export const SmalltalkEntrySchema = z.strictObject({
  id: EntryIdSchema.refine((id) => id.startsWith('smalltalk.'), 'smalltalk ids start with "smalltalk."'),
  title: Text,
  alternates: Alternates,
  /**
   * Messages answered with this entry only when they are the whole message: "what is your name"
   * as an alternate would lend "name" to every question that uses it.
   */
  exact: z.array(Text).default([]),
  /** The entry that questions about the bot itself get ("what are you for"): one at most. */
  helps: z.boolean().default(false),
  /**
   * Words that name the lecture itself, on the `helps` entry: a message that names it and asks
   * about nothing in it ("what was the lecture about?", "summarise lecture 5") gets that entry.
   */
  wholeLecture: z.array(Text).default([]),
  answer: Text,
  related: z.array(EntryIdSchema).default([]),
});

/** Words a student may use for a lecture term: "cons" for drawbacks, "iaas" for infrastructure as a service. */
export const SynonymGroupSchema = z.strictObject({
  term: Text,
  variants: z.array(Text).min(1),
});

/** A file's outline: which kind it is and its list, with each item checked on its own afterwards. */
export const FileOutlineSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('topics'), entries: z.array(z.unknown()).min(1) }),
  z.strictObject({ kind: z.literal('smalltalk'), entries: z.array(z.unknown()).min(1) }),
  z.strictObject({ kind: z.literal('synonyms'), groups: z.array(z.unknown()).min(1) }),
  z.strictObject({ kind: z.literal('scales'), scales: z.array(z.unknown()).min(1) }),
]);

/** A whole knowledge file, as authored. */
export const KnowledgeFileSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('topics'), entries: z.array(TopicEntrySchema).min(1) }),
  z.strictObject({ kind: z.literal('smalltalk'), entries: z.array(SmalltalkEntrySchema).min(1) }),
  z.strictObject({ kind: z.literal('synonyms'), groups: z.array(SynonymGroupSchema).min(1) }),
  z.strictObject({ kind: z.literal('scales'), scales: z.array(ScaleSchema).min(1) }),
]);

export type TopicEntry = z.infer<typeof TopicEntrySchema>;
export type SmalltalkEntry = z.infer<typeof SmalltalkEntrySchema>;
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;
export type KnowledgeFile = z.infer<typeof KnowledgeFileSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type Rank = z.infer<typeof RankSchema>;
export type Scale = z.infer<typeof ScaleSchema>;
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;
