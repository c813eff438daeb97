import { performance } from 'node:perf_hooks';
import type { EvalQuestion } from './evalSet';

/** What any question-answering system under evaluation says: CloudBot or a baseline. */
export interface SystemReply {
  kind: 'answer' | 'clarify' | 'fallback' | 'smalltalk';
  id: string | null;
  suggestions: string[];
}

export interface EvalSystem {
  name: string;
  reply(question: string): SystemReply;
}

export interface Miss {
  question: string;
  line: number;
  expected: string;
  got: string;
}

export interface EvalReport {
  system: string;
  questions: number;
  inScope: number;
  inScopeCorrect: number;
  clarified: number;
  clarifiedRight: number;
  wrongInScope: number;
  outOfScope: number;
  outOfScopeDeclined: number;
  wrongOutOfScope: number;
  smalltalk: number;
  smalltalkCorrect: number;
  medianMs: number;
  p99Ms: number;
  misses: Miss[];
  /** Per category of the set ("scenario", "direction", …): questions, and how many got what they should. */
  byCategory: Map<string, { questions: number; right: number }>;
}

const isSmalltalk = (id: string) => id.startsWith('smalltalk.');

/** Runs every question through a system and counts what the targets are stated in. */
export function evaluate(system: EvalSystem, set: readonly EvalQuestion[]): EvalReport {
  const report: EvalReport = {
    system: system.name,
    questions: set.length,
    inScope: 0,
    inScopeCorrect: 0,
    clarified: 0,
    clarifiedRight: 0,
    wrongInScope: 0,
    outOfScope: 0,
    outOfScopeDeclined: 0,
    wrongOutOfScope: 0,
    smalltalk: 0,
    smalltalkCorrect: 0,
    medianMs: 0,
    p99Ms: 0,
    misses: [],
    byCategory: new Map(),
  };
  const times: number[] = [];
  for (const item of set) {
    const start = performance.now();
    const reply = system.reply(item.question);
    times.push(performance.now() - start);

    const answered = reply.kind === 'answer' || reply.kind === 'smalltalk';
    const got = answered ? `${reply.kind} ${reply.id ?? ''}` : `${reply.kind}${reply.suggestions.length ? ` [${reply.suggestions.join(', ')}]` : ''}`;
    const category = report.byCategory.get(item.category) ?? { questions: 0, right: 0 };
    report.byCategory.set(item.category, category);
    category.questions += 1;
    category.right += 1;
    const miss = (expected: string) => {
      category.right -= 1;
      report.misses.push({ question: item.question, line: item.line, expected, got });
    };

    if (item.expected === 'decline') {
      report.outOfScope += 1;
      if (reply.kind === 'fallback') report.outOfScopeDeclined += 1;
      else miss('decline');
      if (answered) report.wrongOutOfScope += 1;
      continue;
    }
    const expected = item.expected;
    const right = answered && reply.id !== null && expected.includes(reply.id);
    if (expected.every(isSmalltalk)) {
      report.smalltalk += 1;
      if (right) report.smalltalkCorrect += 1;
      else miss(expected.join('|'));
      continue;
    }
    report.inScope += 1;
    if (right) report.inScopeCorrect += 1;
    else miss(expected.join('|'));
    if (answered && !right) report.wrongInScope += 1;
    if (reply.kind === 'clarify') {
      report.clarified += 1;
      if (reply.suggestions.some((id) => expected.includes(id))) report.clarifiedRight += 1;
    }
  }
  times.sort((a, b) => a - b);
  report.medianMs = percentile(times, 0.5);
  report.p99Ms = percentile(times, 0.99);
  return report;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

/** The figures the targets are stated in, as fractions. */
export function rates(report: EvalReport) {
  return {
    inScopeAccuracy: report.inScopeCorrect / Math.max(1, report.inScope),
    outOfScopeDeclined: report.outOfScopeDeclined / Math.max(1, report.outOfScope),
    confidentlyWrong: (report.wrongInScope + report.wrongOutOfScope) / Math.max(1, report.questions),
    smalltalkAccuracy: report.smalltalkCorrect / Math.max(1, report.smalltalk),
  };
}
