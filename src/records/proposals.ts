import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { parse as parseYaml } from 'yaml';
import { KnowledgeError } from '../errors';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { buildKnowledgeBase, LECTURE_FILE } from '../knowledge/loadKnowledgeBase';
import type { TopicEntry } from '../knowledge/schema';
import { type LintReport, lintKnowledgeBase } from '../lint/lintKnowledgeBase';
import { type Candidate, Matcher } from '../matching/Matcher';
import { DEFAULT_MATCHING_OPTIONS } from '../matching/matchingOptions';
import { addPhrasing } from './proposalYaml';

/** When an entry fits a wording clearly enough to propose it; in one place, as the matcher keeps its thresholds. */
export interface ProposalOptions {
  /** The best entry's score must reach this (the matcher's own "Did you mean" floor). */
  minScore: number;
  /** …and lead the runner-up by this share of its score, or the two are too close to choose between. */
  lead: number;
  /** A longer wording is a message, not a phrasing: an author would shorten it first. */
  maxChars: number;
  /** The margin `kb:lint` is run with. */
  lintMargin: number;
}

export const DEFAULT_PROPOSAL_OPTIONS: Readonly<ProposalOptions> = Object.freeze({
  minScore: DEFAULT_MATCHING_OPTIONS.clarifyThreshold,
  lead: 0.15,
  maxChars: 200,
  lintMargin: DEFAULT_MATCHING_OPTIONS.margin,
});

/** The knowledge folder as text: the YAML files by name, and the lecture they are checked against. */
export interface KnowledgeFolder {
  /** The folder's name as `git apply` sees it from the folder above (`knowledge`): the patch's path prefix. */
  name: string;
  files: ReadonlyMap<string, string>;
  lecture: string;
}

/** Reads every YAML file (as the loader does) and the lecture; nothing else of the folder is looked at, and nothing is written. */
export function readKnowledgeFolder(dir: string): KnowledgeFolder {
  const names = readdirSync(dir).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml')).sort();
  return {
    name: basename(dir),
    files: new Map(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')])),
    lecture: readFileSync(join(dir, LECTURE_FILE), 'utf8'),
  };
}

/** What a proposal is for: a student's wording, and for an answered ticket the teaching team's answer. */
export interface Wording {
  question: string;
  answer?: string;
}

export type PhrasingKind = 'alternate' | 'situation';

export type Proposal =
  | { kind: 'none'; reason: string }
  | {
      kind: PhrasingKind;
      entryId: string;
      /** The knowledge file that holds the entry. */
      file: string;
      phrasing: string;
      score: number;
      /** Which text chose the entry: the question, or the teaching team's answer. */
      chosenBy: 'question' | 'answer';
      /** What `kb:lint` would newly report with the proposal applied; none: it passes and is in the patch. */
      problems: string[];
    };

export interface Proposals {
  /** One per wording, in the same order. */
  proposals: Proposal[];
  /** A unified diff of the knowledge files with every passing proposal applied, for `git apply`; empty if none passed. */
  patch: string;
}

/** The words that open every "nothing to propose" for want of an entry, as the listing says it. */
export const NO_ENTRY_FITS = 'no entry fits: consider a new entry';

interface Assessed {
  data: ReadonlyMap<string, unknown>;
  files: ReadonlyMap<string, string>;
  /** `kb:lint`'s failures, each as one line: a proposal may add none. */
  failures: ReadonlySet<string>;
}

/**
 * Proposes, for each wording, the entry it should become an alternate or a situation of, and
 * checks each as `kb:lint` would on the knowledge base with it applied: in memory, on top of the
 * proposals before it that passed, so that the patch as a whole passes too. The entry is the one
 * the matcher scores clearly best, for the question or, where there is one, the teaching team's
 * answer, which names the topic more plainly; a wording that names the entry (its title, the
 * abbreviation in it, or one of its `names`) becomes an alternate, one that does not a situation.
 */
export function propose(wordings: readonly Wording[], folder: KnowledgeFolder, options: Readonly<ProposalOptions> = DEFAULT_PROPOSAL_OPTIONS): Proposals {
  const data = new Map([...folder.files].map(([name, text]) => [name, parseYaml(text) as unknown]));
  const base = assess(data, folder, options);
  if ('error' in base) throw new KnowledgeError(`The knowledge base is invalid before any proposal:\n${base.error.join('\n')}`);
  const { kb, matcher } = base;
  const known = knownPhrasings(kb);
  const naming = namingPhrases(kb, matcher);

  let current: Assessed = { data, files: folder.files, failures: base.failures };
  const proposed = new Set<string>();
  const proposals = wordings.map((wording): Proposal => {
    const phrasing = wording.question.replace(/\s+/g, ' ').trim();
    const key = phrasingKey(phrasing);
    const already = known.get(key);
    if (already !== undefined) return { kind: 'none', reason: `already in the knowledge base: ${already}` };
    if (proposed.has(key)) return { kind: 'none', reason: 'the same wording as another proposal in this review' };
    if (phrasing.length > options.maxChars) return { kind: 'none', reason: `${NO_ENTRY_FITS} or a shorter wording (${String(phrasing.length)} characters)` };

    const choice = chooseEntry(matcher, phrasing, wording.answer, options);
    if ('reason' in choice) return { kind: 'none', reason: `${NO_ENTRY_FITS} (${choice.reason})` };
    const entry = kb.get(choice.id);
    const file = [...current.data].find(([, fileData]) => holdsEntry(fileData, choice.id))?.[0];
    if (entry === undefined || file === undefined) return { kind: 'none', reason: `${NO_ENTRY_FITS} (${choice.id} is in no knowledge file)` };

    const kind: PhrasingKind = namesEntry(naming, choice.id, matcher.termsOf(phrasing)) ? 'alternate' : 'situation';
    const text = addPhrasing(current.files.get(file) ?? '', choice.id, kind === 'alternate' ? 'alternates' : 'situations', phrasing);
    if (text === undefined) return { kind: 'none', reason: `${NO_ENTRY_FITS} (${choice.id} is not in ${file})` };
    proposed.add(key);

    const files = new Map(current.files).set(file, text);
    const nextData = new Map(current.data).set(file, parseYaml(text) as unknown);
    const after = assess(nextData, { ...folder, files }, options);
    const problems = 'error' in after ? after.error : [...after.failures].filter((failure) => !current.failures.has(failure));
    if (!('error' in after) && problems.length === 0) current = { data: nextData, files, failures: after.failures };
    return { kind, entryId: choice.id, file, phrasing, score: choice.score, chosenBy: choice.by, problems };
  });
  return { proposals, patch: patchOf(folder, current.files) };
}

/** The unified diff from the folder's files to the edited ones, paths as `git apply` run from the folder above expects. */
export function patchOf(folder: KnowledgeFolder, edited: ReadonlyMap<string, string>): string {
  return [...folder.files]
    .flatMap(([name, before]) => {
      const after = edited.get(name);
      if (after === undefined || after === before) return [];
      const path = `${folder.name}/${name}`;
      const diff = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after);
      // jsdiff opens with a row of "=" that git does not need; git's own header names the file instead.
      return [`diff --git a/${path} b/${path}\n${diff.slice(diff.indexOf('--- '))}`];
    })
    .join('');
}

type Choice = { id: string; score: number; by: 'question' | 'answer' } | { reason: string };

/**
 * The entry a wording should join. With an answer, the answer's clear choice wins over the
 * question's, which it usually agrees with; when both are clear and differ, neither is trusted.
 */
function chooseEntry(matcher: Matcher, question: string, answer: string | undefined, options: Readonly<ProposalOptions>): Choice {
  const fromQuestion = clearBest(matcher, question, options);
  if (answer === undefined) return 'id' in fromQuestion ? { ...fromQuestion, by: 'question' } : fromQuestion;
  const fromAnswer = clearBest(matcher, answer, options);
  if ('id' in fromAnswer && 'id' in fromQuestion && fromAnswer.id !== fromQuestion.id) {
    return { reason: `the question points to ${fromQuestion.id}, the answer to ${fromAnswer.id}` };
  }
  if ('id' in fromAnswer) return { ...fromAnswer, by: 'answer' };
  if ('id' in fromQuestion) return { ...fromQuestion, by: 'question' };
  return { reason: `${fromQuestion.reason}; answer: ${fromAnswer.reason}` };
}

function clearBest(matcher: Matcher, text: string, options: Readonly<ProposalOptions>): { id: string; score: number } | { reason: string } {
  const [top, second] = matcher.scores(text).filter((candidate) => !candidate.id.startsWith('smalltalk.'));
  if (top === undefined || top.score < options.minScore) return { reason: top ? `nearest ${describe(top)}` : 'no entry is near' };
  if (second !== undefined && top.score - second.score < options.lead * top.score) return { reason: `${describe(top)} and ${describe(second)} are too close to choose` };
  return { id: top.id, score: top.score };
}

function describe(candidate: Candidate): string {
  return `${candidate.id} ${candidate.score.toFixed(2)}`;
}

/** The knowledge base built from these files and its `kb:lint` failures, or why it does not validate. */
function assess(data: ReadonlyMap<string, unknown>, folder: KnowledgeFolder, options: Readonly<ProposalOptions>): (Assessed & { kb: KnowledgeBase; matcher: Matcher }) | { error: string[] } {
  let kb: KnowledgeBase;
  try {
    kb = buildKnowledgeBase(
      [...data].map(([name, fileData]) => ({ name, data: fileData })),
      folder.lecture,
    );
  } catch (error) {
    if (error instanceof KnowledgeError) return { error: error.message.split('\n').filter((line) => line.startsWith('- ')).map((line) => `invalid: ${line.slice(2)}`) };
    throw error;
  }
  const matcher = new Matcher(kb);
  return { data, files: folder.files, kb, matcher, failures: lintFailures(lintKnowledgeBase(kb, matcher, options.lintMargin)) };
}

/** `kb:lint`'s failures as lines (its warnings, the confusable pairs, are left out as `kb:lint` leaves them out of its verdict). */
function lintFailures(report: LintReport): Set<string> {
  return new Set([
    ...report.unretrieved.map((u) => `alternate "${u.alternate}" of ${u.id} retrieves ${u.got}`),
    ...report.unretrievedSituations.map((u) => `situation "${u.situation}" of ${u.id} retrieves ${u.got}`),
    ...report.withoutSituations.map((id) => `${id} has no situations`),
    ...report.uncited.map((u) => `no entry cites [${u.section}] ${u.line}`),
  ]);
}

/** As the loader compares alternates: case, spacing and punctuation aside. */
function phrasingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function knownPhrasings(kb: KnowledgeBase): Map<string, string> {
  const known = new Map<string, string>();
  for (const entry of kb.entries) for (const alternate of entry.alternates) known.set(phrasingKey(alternate), `an alternate of ${entry.id}`);
  for (const entry of kb.topics) for (const situation of entry.situations) known.set(phrasingKey(situation), `a situation of ${entry.id}`);
  return known;
}

function holdsEntry(fileData: unknown, id: string): boolean {
  const entries: unknown = fileData !== null && typeof fileData === 'object' ? Reflect.get(fileData, 'entries') : undefined;
  if (!Array.isArray(entries)) return false;
  const items: readonly unknown[] = entries;
  return items.some((entry) => entry !== null && typeof entry === 'object' && Reflect.get(entry, 'id') === id);
}

/** Each topic's names as term sets, keeping only those no topic outside its own family shares ("seat" of the bus and the car names neither). */
function namingPhrases(kb: KnowledgeBase, matcher: Matcher): Map<string, string[][]> {
  const phrases = new Map(kb.topics.map((entry) => [entry.id, namesOf(entry).map((name) => [...new Set(matcher.termsOf(name))]).filter((terms) => terms.length > 0)]));
  const owners = new Map<string, string[]>();
  for (const [id, termSets] of phrases) for (const terms of termSets) owners.set(termKey(terms), [...(owners.get(termKey(terms)) ?? []), id]);
  const sameFamily = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  for (const [id, termSets] of phrases) {
    phrases.set(
      id,
      termSets.filter((terms) => (owners.get(termKey(terms)) ?? []).every((owner) => sameFamily(owner, id))),
    );
  }
  return phrases;
}

function termKey(terms: readonly string[]): string {
  return [...terms].sort().join(' ');
}

/** What the knowledge base calls a topic: its title, the abbreviation in brackets after it, and its `names`. */
function namesOf(entry: TopicEntry): string[] {
  const abbreviation = /\(([^)]+)\)\s*$/.exec(entry.title)?.[1];
  return [entry.title, ...(abbreviation === undefined ? [] : [abbreviation]), ...entry.names];
}

/** Whether a wording names the entry: it has every term of one of the entry's names. */
function namesEntry(naming: ReadonlyMap<string, string[][]>, id: string, terms: readonly string[]): boolean {
  const have = new Set(terms);
  return (naming.get(id) ?? []).some((name) => name.every((term) => have.has(term)));
}
