/**
 * Function words that say nothing about which entry is meant. Deliberately kept out: "why"
 * and "not" ("why not use the cloud" is a topic), "more"/"less", "own", and "vs"/"versus", which
 * signal a comparison.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with',
  'about', 'as', 'into', 'from', 'up', 'out', 'off', 'than', 'too', 'very', 'also', 'any', 'some',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'doing', 'done',
  'have', 'has', 'had', 'having', 'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must',
  'i', 'me', 'my', 'mine', 'we', 'us', 'our', 'you', 'your', 'yours', 'u', 'ur', 'he', 'she', 'him', 'her',
  'it', 'its', 'they', 'them', 'their', 'this', 'that', 'these', 'those', 'there', 'here',
  'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'how', 'wat', 'wht',
  'tell', 'explain', 'describe', 'define', 'definition', 'mean', 'means', 'meaning', 'know', 'want',
  'need', 'understand', 'get', 'got', 'give', 'show', 'say', 'said', 'let', 'go', 'going', 'thing', 'things',
  'something', 'anything', 'someone', 'bit', 'lot', 'lots', 'kind', 'kinds', 'sort', 'sorts', 'type', 'types', 'one', 'ones',
  'work', 'works', 'exactly', 'mostly', 'even', 'still', 'again', 'now', 'ever', 'much', 'many',
  // Words that frame a question rather than name a topic: "in simple terms", "in one sentence".
  'simple', 'simply', 'terms', 'sentence', 'words', 'brief', 'briefly', 'short', 'summary', 'summarise',
  'summarize', 'overview', 'lecture', 'course', 'able', 'please', 'explanation', 'explained', 'explaining',
  'intro', 'introduction', 'called', 'meant', 'stand', 'stands', 'all', 'talk', 'anyone', 'list',
  // How students frame a question in chat, naming no topic: "i was wondering, in plain english,
  // why would anybody bother putting their stuff in the cloud instead". "Stuff" is as vague as "thing".
  'plain', 'english', 'layman', 'laymans', 'wonder', 'wondering', 'curious', 'confused', 'question', 'questions',
  'bother', 'bothering', 'call', 'stuff', 'whatever', 'somebody', 'anybody', 'everybody', 'somewhere', 'everything',
  'nothing', 'after', 'before', 'instead', 'right', 'maybe', 'remind', 'reminder',
  // "Is it true that…", "true or false:": a belief checked, whose verdict the reading asks for.
  'true', 'false',
  // How often, which the lecture never says: "is IaaS usually the cheapest?" asks whether it is.
  'usually', 'typically', 'generally', 'normally', 'perhaps', 'probably', 'literally', 'honestly',
  'kinda', 'sorta', 'gonna', 'wanna', 'gotta', 'later',
  // "What's the deal with X", "when it comes to X", "what comes with X".
  'deal', 'come', 'comes',
  // What the question is for, not what it is about: "which one should i use for my project". Left
  // in, "project" was corrected to "protect", a disaster-mitigation keyword.
  'project', 'projects', 'assignment', 'coursework', 'homework', 'revision', 'revising', 'exam', 'exams',
  // The verbs of exam questions: "outline the drawbacks", "state what is meant by agility".
  'outline', 'state', 'discuss', 'identify', 'justify', 'illustrate', 'evaluate', 'mark', 'marks',
  'argue', 'argues', 'arguing', 'argument', 'arguments',
  // How exam questions point at their subject: "the term X", "the phrase X", "X in the context of",
  // "which benefit does that relate to".
  'term', 'phrase', 'concept', 'notion', 'context', 'relate', 'relates', 'related', 'relating', 'regard', 'regarding',
  // Common slips of short question words, which typo correction deliberately leaves alone.
  'waht', 'whta', 'hwo', 'teh', 'taht', 'wich',
  'im', 'dont', 'doesnt', 'isnt', 'arent', 'whats', 'hows',
]);
