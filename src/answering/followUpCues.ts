import type { Matcher } from '../matching/Matcher';

/** What a message made only of follow-up words asks for about the topic before it. */
export type FollowUpCue = 'example' | 'more' | 'why' | 'drawback' | 'benefit' | 'unclear' | 'again';

/**
 * Phrases that ask to go on but are made only of stop words, so they leave the matcher no terms
 * to recognise them by. Compared after `normalise`, which drops punctuation and filler.
 */
const MORE_PHRASES = new Set(['go on', 'go on then', 'carry on', 'keep going', 'and', 'and then', 'explain']);
/** Phrases that ask for the reason, made only of stop words. */
const WHY_PHRASES = new Set(['how come', 'how so', 'but why', 'why is that', 'why so']);
/**
 * "In simpler words", "explain it simply", "ELI5": the lecture's words did not help, and it has
 * none simpler; what is unclear is the student's to say.
 */
const SIMPLER = String.raw`(?:(?:can|could) you |please )*(?:(?:explain|say|put) (?:it |that |this )?(?:more )?(?:simply|in (?:simpler|simple|plain|easier|easy) (?:words|terms|english|language))|(?:in |using )?(?:simpler|simple|plain|easier|easy) (?:words|terms|english|language)|simpler|simplify(?: it| that)?|dumb it down|eli5|explain like i am (?:5|five))(?: please)?`;

/**
 * "I don't understand", "I'm confused", "that makes no sense": the answer did not help, which is
 * no new question. The whole message, after `normalise` has spelt out "don't" and "I'm".
 */
const UNCLEAR = new RegExp(
  String.raw`^(?:sorry |but |hmm |um |still )*(?:i (?:still )?(?:do not|did not) (?:really |quite |fully )?(?:understand|get|follow)(?: it| that| this| you| what you mean)?|i am (?:still |a bit |so |very )?(?:confused|lost)|(?:that|this|it) (?:makes|made) no sense|(?:that|this|it) does not make (?:any )?sense|(?:i am )?not sure i (?:understand|follow|get it)|huh|what do you mean|confused|confusing|${SIMPLER})$`,
);
/**
 * A remark that opens a follow-up and asks nothing itself: "sounds great, any downsides?",
 * "ok thanks, why?". Its words ("great") would read as a cue of their own, or as none.
 */
const REMARK = /^(?:(?:that |it |this )?sounds? (?:great|good|cool|nice|interesting|fine|useful)|great|nice|cool|ok|okay|thanks|thank you|interesting|makes sense|got it|i see|fair enough|awesome|neat)(?: (?:thanks|then|so|but|and))* (?=\S)/;
/**
 * What the student means to do with the answer, after what they ask: "any downsides I should
 * mention?", "any examples we need to know?". It asks nothing itself.
 */
const ASIDE = / (?:that |which )?(?:i|we) (?:should|could|can|need to|have to|ought to|must|might) (?:mention|know|know about|include|consider|think about|be aware of|write|remember|learn)$/;

/** "Say that again", "can you repeat that": the last topic's answer once more (the whole answer, not the part last given). */
const AGAIN = /^(?:can you |could you |please )*(?:say (?:that|it) again|repeat (?:that|it)|explain (?:that|it) again|explain again|again|come again|one more time)(?: please)?$/;

/**
 * Recognises follow-ups such as "tell me more", "why?", "give an example" or "any downsides?",
 * which mean nothing without a topic before them. The words are compared as the matcher's own
 * terms, so typos and synonyms ("cons") count too.
 */
export class FollowUpCues {
  /** The cues told by the matcher's terms; "unclear" and "again" are told by their whole phrase. */
  private readonly terms: Readonly<Record<Exclude<FollowUpCue, 'unclear' | 'again'>, ReadonlySet<string>>>;
  /** "Point" is in both "good point" and "bad point": on its own it says neither. */
  private readonly pointTerm: string | undefined;
  /** "An example of each", "examples of both": still a request for an example, of the last two topics. */
  private readonly eachTerms: ReadonlySet<string>;

  /** The matcher's terms of a text: what is left of a message after a remark (`REMARK`). */
  private readonly termsOf: (text: string) => string[];

  constructor(matcher: Pick<Matcher, 'termsOf'>) {
    this.termsOf = (text) => matcher.termsOf(text);
    const terms = (words: string) => new Set(matcher.termsOf(words));
    this.pointTerm = matcher.termsOf('point')[0];
    this.eachTerms = terms('each both');
    this.terms = {
      example: terms('example examples instance instances eg'),
      more: terms('more detail details elaborate continue further info information else'),
      why: terms('why reason reasons'),
      drawback: terms('drawbacks disadvantages downside downsides cons bad point points negative weakness worse'),
      benefit: terms('benefits advantages upside upsides pros good point points positive strength better'),
    };
  }

  /**
   * The follow-up a message is, when it is nothing else: "example of paas" names a topic and is a
   * question of its own, so it is not one. "Unclear" and "again", whole phrases, are checked first,
   * then example and "more", then the others.
   */
  cueIn(normalised: string, terms: readonly string[]): FollowUpCue | undefined {
    const remark = REMARK.exec(normalised)?.[0];
    if (remark !== undefined) {
      const rest = normalised.slice(remark.length);
      return this.cueIn(rest, this.termsOf(rest));
    }
    const aside = ASIDE.exec(normalised);
    if (aside !== null && aside.index > 0) {
      const rest = normalised.slice(0, aside.index);
      return this.cueIn(rest, this.termsOf(rest));
    }
    if (UNCLEAR.test(normalised)) return 'unclear';
    if (AGAIN.test(normalised)) return 'again';
    if (MORE_PHRASES.has(normalised)) return 'more';
    if (WHY_PHRASES.has(normalised)) return 'why';
    if (terms.length === 0 || terms.every((term) => term === this.pointTerm)) return undefined;
    // "More examples" asks for an example; "more" only qualifies it.
    const { example, more } = this.terms;
    if (terms.some((term) => example.has(term)) && terms.every((term) => example.has(term) || more.has(term) || this.eachTerms.has(term))) {
      return 'example';
    }
    return (['why', 'more', 'drawback', 'benefit'] as const).find((cue) => terms.every((term) => this.terms[cue].has(term)));
  }
}
