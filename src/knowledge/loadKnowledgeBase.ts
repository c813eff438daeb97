import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { KnowledgeError } from '../errors';
import { COMPILED_KNOWLEDGE_FILE, readCompiledKnowledge } from './compiledKnowledge';
import { KnowledgeBase } from './KnowledgeBase';
import { foldSpace, parseLecture } from './lecture';
import {
  FileOutlineSchema,
  type KnowledgeFile,
  type Scale,
  ScaleSchema,
  type SmalltalkEntry,
  SmalltalkEntrySchema,
  type SynonymGroup,
  SynonymGroupSchema,
  type TopicEntry,
  TopicEntrySchema,
} from './schema';

/** The lecture every answer must be true to; kept verbatim in `knowledge/`. */
export const LECTURE_FILE = 'lecture-05-cloud-computing.md';

/**
 * A knowledge file, named by a path that is meaningful to its author: its YAML text, or its data
 * already parsed from YAML at build time (compiledKnowledge.ts). Either way it is validated here.
 */
export type SourceFile = { name: string; text: string } | { name: string; data: unknown };

/**
 * Reads the knowledge files and the lecture from a knowledge folder: every `*.yaml` file, or, in
 * a deployment package, the one file they were compiled into.
 */
export function readKnowledgeDir(dir: string): { files: SourceFile[]; lecture: string } {
  const names = readdirSync(dir);
  const yamlNames = names.filter((name) => name.endsWith('.yaml') || name.endsWith('.yml')).sort();
  const label = (name: string) => relative(process.cwd(), join(dir, name)) || name;
  let files: SourceFile[];
  if (names.includes(COMPILED_KNOWLEDGE_FILE)) {
    // Two sources of truth would let an edit to the YAML be silently ignored.
    if (yamlNames.length > 0) {
      throw new KnowledgeError(`${label(COMPILED_KNOWLEDGE_FILE)} is a build output and must not sit beside the YAML files it was made from; delete it`);
    }
    files = readCompiledKnowledge(readFileSync(join(dir, COMPILED_KNOWLEDGE_FILE), 'utf8'), label(COMPILED_KNOWLEDGE_FILE));
  } else {
    files = yamlNames.map((name) => ({ name: label(name), text: readFileSync(join(dir, name), 'utf8') }));
  }
  return { files, lecture: readFileSync(join(dir, LECTURE_FILE), 'utf8') };
}

/** Loads and validates a knowledge folder: once per instance, at start. Throws `KnowledgeError`. */
export function loadKnowledgeBase(dir: string): KnowledgeBase {
  const { files, lecture } = readKnowledgeDir(dir);
  return buildKnowledgeBase(files, lecture);
}

/**
 * Validates knowledge files and the lecture and assembles the knowledge base. Every problem
 * found is reported at once, each naming its file, entry and field.
 */
export function buildKnowledgeBase(files: readonly SourceFile[], lectureMarkdown: string): KnowledgeBase {
  const problems: string[] = [];
  const topics: { file: string; entry: TopicEntry }[] = [];
  const smalltalk: { file: string; entry: SmalltalkEntry }[] = [];
  const synonyms: SynonymGroup[] = [];
  const scales: Scale[] = [];

  for (const file of files) {
    const parsed = parseFile(file, problems);
    if (!parsed) continue;
    if (parsed.kind === 'topics') topics.push(...parsed.entries.map((entry) => ({ file: file.name, entry })));
    else if (parsed.kind === 'smalltalk') smalltalk.push(...parsed.entries.map((entry) => ({ file: file.name, entry })));
    else if (parsed.kind === 'synonyms') synonyms.push(...parsed.groups);
    else scales.push(...parsed.scales);
  }
  if (files.length === 0) problems.push('no knowledge files (*.yaml) found');

  const lecture = parseLecture(lectureMarkdown);
  const all = [...topics, ...smalltalk];
  const where = (file: string, id: string, field: string) => `${file}: entry "${id}", field "${field}"`;

  const firstFileOfId = new Map<string, string>();
  for (const { file, entry } of all) {
    const earlier = firstFileOfId.get(entry.id);
    if (earlier !== undefined) problems.push(`${where(file, entry.id, 'id')}: duplicate id, first defined in ${earlier}`);
    else firstFileOfId.set(entry.id, file);
  }

  const alternateOwner = new Map<string, string>();
  for (const { file, entry } of all) {
    for (const relatedId of entry.related) {
      if (!firstFileOfId.has(relatedId)) problems.push(`${where(file, entry.id, 'related')}: unknown id "${relatedId}"`);
      if (relatedId === entry.id) problems.push(`${where(file, entry.id, 'related')}: an entry cannot relate to itself`);
    }
    for (const alternate of entry.alternates) {
      const key = alternateKey(alternate);
      const owner = alternateOwner.get(key);
      if (owner !== undefined && owner !== entry.id) {
        problems.push(`${where(file, entry.id, 'alternates')}: "${alternate}" is also an alternate of "${owner}"`);
      } else if (owner === entry.id) {
        problems.push(`${where(file, entry.id, 'alternates')}: "${alternate}" is listed twice`);
      }
      alternateOwner.set(key, entry.id);
    }
  }

  for (const { file, entry } of topics) {
    const own = new Set(entry.alternates.map(alternateKey));
    for (const phrasing of entry.answeredNo) {
      if (!own.has(alternateKey(phrasing))) problems.push(`${where(file, entry.id, 'answeredNo')}: "${phrasing}" is not one of the entry's alternates`);
    }
    // What the answer is said to say must be its words, or no belief is ever denied by it.
    const answer = ` ${alternateKey(entry.answer)} `;
    for (const { said } of entry.opposites) {
      if (!answer.includes(` ${alternateKey(said)} `)) problems.push(`${where(file, entry.id, 'opposites')}: "${said}" is not in the entry's answer`);
    }
  }

  const sectionTitles = new Set(lecture.sections.map((section) => section.title));
  for (const { file, entry } of topics) {
    if (!sectionTitles.has(entry.source.section)) {
      problems.push(
        `${where(file, entry.id, 'source.section')}: "${entry.source.section}" is not a lecture section (${[...sectionTitles].join(', ')})`,
      );
    }
    for (const quote of entry.source.quotes) {
      if (!lecture.flatText.includes(foldSpace(quote))) {
        problems.push(`${where(file, entry.id, 'source.quotes')}: "${quote}" is not in the lecture verbatim`);
      }
    }
    for (const sentence of entry.example ?? []) {
      if (!foldSpace(entry.answer).includes(foldSpace(sentence))) problems.push(`${where(file, entry.id, 'example')}: "${sentence}" is not in the entry's answer`);
    }
    if (new Set(entry.combines).size < entry.combines.length) problems.push(`${where(file, entry.id, 'combines')}: an id is listed twice`);
    for (const part of entry.combines) {
      const sibling = entry.id.includes('.') && part !== entry.id && part.slice(0, part.lastIndexOf('.')) === entry.id.slice(0, entry.id.lastIndexOf('.'));
      if (!firstFileOfId.has(part) || !sibling) problems.push(`${where(file, entry.id, 'combines')}: "${part}" is not another sub-topic of the same overview`);
    }
    if (entry.duties.length > 0 && !entry.id.includes('.')) problems.push(`${where(file, entry.id, 'duties')}: only a sub-topic has duties, which tell it from its siblings`);
    if (entry.lists !== undefined && entry.id.includes('.')) problems.push(`${where(file, entry.id, 'lists')}: only an overview lists advantages or disadvantages`);
    for (const side of entry.sharesList) {
      if (!entry.id.includes('.')) problems.push(`${where(file, entry.id, 'sharesList')}: only a sub-topic shares the subject's list`);
      if (!topics.some((other) => other.entry.lists === `${side}s`)) problems.push(`${where(file, entry.id, 'sharesList')}: no overview lists the ${side}s`);
      if (entry.facts.some((fact) => fact.side === side)) problems.push(`${where(file, entry.id, 'sharesList')}: the entry has its own ${side}s, which are answered instead`);
    }
    entry.caveats.forEach((caveat, index) => {
      const field = `caveats[${String(index)}]`;
      if (!lecture.flatText.includes(foldSpace(caveat.quote))) problems.push(`${where(file, entry.id, `${field}.quote`)}: "${caveat.quote}" is not in the lecture verbatim`);
      if (!scales.some((scale) => scale.id === caveat.scale)) problems.push(`${where(file, entry.id, `${field}.scale`)}: unknown scale "${caveat.scale}"`);
      if (!firstFileOfId.has(caveat.see) || caveat.see === entry.id) problems.push(`${where(file, entry.id, `${field}.see`)}: "${caveat.see}" is not another entry`);
    });
    entry.facts.forEach((fact, index) => {
      const field = `facts[${String(index)}]`;
      if (!lecture.flatText.includes(foldSpace(fact.quote))) problems.push(`${where(file, entry.id, `${field}.quote`)}: "${fact.quote}" is not in the lecture verbatim`);
      if (fact.scale !== undefined && !scales.some((scale) => scale.id === fact.scale)) {
        problems.push(`${where(file, entry.id, `${field}.scale`)}: unknown scale "${fact.scale}" (${scales.map((scale) => scale.id).join(', ') || 'none defined'})`);
      }
      if (fact.scale !== undefined && !entry.id.includes('.')) problems.push(`${where(file, entry.id, `${field}.scale`)}: only a sub-topic can rank among its siblings`);
    });
  }
  const rankedAt = new Map<string, string>();
  for (const { file, entry } of topics) {
    for (const fact of entry.facts) {
      if (fact.scale === undefined || fact.rank === undefined) continue;
      // One entry at each end of a scale in a family, or "which is the most X" has two answers.
      const key = `${entry.id.slice(0, entry.id.lastIndexOf('.'))} ${fact.scale} ${fact.rank}`;
      const other = rankedAt.get(key);
      if (other !== undefined && other !== entry.id) problems.push(`${where(file, entry.id, 'facts')}: "${other}" is already the ${fact.rank} ${fact.scale} of its family`);
      rankedAt.set(key, entry.id);
    }
  }
  const scaleIds = new Set<string>();
  for (const scale of scales) {
    if (scaleIds.has(scale.id)) problems.push(`scales: scale "${scale.id}" is defined twice`);
    scaleIds.add(scale.id);
  }
  for (const { file, entry } of smalltalk) {
    if (entry.wholeLecture.length > 0 && !entry.helps) problems.push(`${where(file, entry.id, 'wholeLecture')}: only the entry with \`helps: true\` answers the whole lecture`);
  }
  const implied = scales.filter((scale) => scale.impliedByWhoDoesIt).map((scale) => scale.id);
  if (implied.length > 1) problems.push(`scales: only one scale can be implied by who does it, not ${implied.join(', ')}`);

  const topicIds = new Set(topics.map(({ entry }) => entry.id));
  for (const { file, entry } of topics) {
    entry.quiz.forEach((question, index) => {
      const field = `quiz[${String(index)}]`;
      if (!foldSpace(entry.answer).includes(foldSpace(question.because))) {
        problems.push(`${where(file, entry.id, `${field}.because`)}: "${question.because}" is not in the entry's answer`);
      }
      if (question.kind !== 'choice') return;
      const options = [question.correct, ...question.distractors];
      for (const option of options) {
        if (!topicIds.has(option)) problems.push(`${where(file, entry.id, field)}: option "${option}" is not a topic entry`);
      }
      if (new Set(options).size !== options.length) problems.push(`${where(file, entry.id, field)}: an option is listed twice`);
    });
  }

  if (problems.length > 0) {
    throw new KnowledgeError(`The knowledge base is invalid:\n- ${problems.join('\n- ')}`);
  }
  return new KnowledgeBase(
    topics.map(({ entry }) => entry),
    smalltalk.map(({ entry }) => entry),
    synonyms,
    lecture,
    scales,
  );
}

/** Two alternates are the same question if they differ only in case, spacing or punctuation. */
function alternateKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Parses a file's outline first and then each item on its own, so that one bad entry does not
 * hide the problems of the others, and the good entries still take part in the cross-checks.
 */
function parseFile(file: SourceFile, problems: string[]): KnowledgeFile | undefined {
  const data = 'data' in file ? file.data : parseYamlFile(file, problems);
  if (data === undefined) return undefined;
  const outline = FileOutlineSchema.safeParse(data);
  if (!outline.success) {
    for (const issue of outline.error.issues) problems.push(describeIssue(file.name, data, issue));
    return undefined;
  }
  const parseItems = <T>(list: 'entries' | 'groups' | 'scales', items: unknown[], schema: z.ZodType<T>): T[] =>
    items.flatMap((item, index) => {
      const result = schema.safeParse(item);
      if (result.success) return [result.data];
      for (const issue of result.error.issues) {
        problems.push(describeIssue(file.name, data, { ...issue, path: [list, index, ...issue.path] }));
      }
      return [];
    });
  switch (outline.data.kind) {
    case 'topics':
      return { kind: 'topics', entries: parseItems('entries', outline.data.entries, TopicEntrySchema) };
    case 'smalltalk':
      return { kind: 'smalltalk', entries: parseItems('entries', outline.data.entries, SmalltalkEntrySchema) };
    case 'synonyms':
      return { kind: 'synonyms', groups: parseItems('groups', outline.data.groups, SynonymGroupSchema) };
    case 'scales':
      return { kind: 'scales', scales: parseItems('scales', outline.data.scales, ScaleSchema) };
  }
}

/** A YAML file's data; undefined, with the problem reported, if it is not YAML. */
export function parseYamlFile(file: { name: string; text: string }, problems: string[]): unknown {
  try {
    return parseYaml(file.text);
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    problems.push(`${file.name}: not valid YAML: ${detail}`);
    return undefined;
  }
}

/** Names the entry by its id where it has one, since authors think in ids, not array indexes. */
function describeIssue(fileName: string, data: unknown, issue: z.core.$ZodIssue): string {
  const [list, index, ...field] = issue.path;
  if ((list === 'entries' || list === 'groups' || list === 'scales') && typeof index === 'number') {
    const id = idAt(data, list, index);
    const entryName = id === undefined ? `${list}[${index}]` : `entry "${id}"`;
    const fieldName = field.length > 0 ? field.map(String).join('.') : '(entry)';
    return `${fileName}: ${entryName}, field "${fieldName}": ${issue.message}`;
  }
  const fieldName = issue.path.length > 0 ? issue.path.map(String).join('.') : '(file)';
  return `${fileName}: field "${fieldName}": ${issue.message}`;
}

const WithId = z.looseObject({ id: z.string() });

function idAt(data: unknown, list: string, index: number): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const items: unknown = Reflect.get(data, list);
  if (!Array.isArray(items)) return undefined;
  const parsed = WithId.safeParse(items[index]);
  return parsed.success ? parsed.data.id : undefined;
}
