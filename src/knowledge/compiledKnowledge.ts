import { z } from 'zod';
import { KnowledgeError } from '../errors';

/**
 * The knowledge files as a deployment package carries them: parsed from YAML at build time into
 * one JSON file, because parsing the YAML was a fifth of a cold start's work before the first
 * reply. The data is still validated at every start, by the same schema as the YAML.
 */

/** Its name in the package's knowledge folder. */
export const COMPILED_KNOWLEDGE_FILE = 'knowledge.json';

const FORMAT = 1;

const CompiledKnowledgeSchema = z.object({
  format: z.literal(FORMAT),
  files: z.array(z.object({ name: z.string().min(1), data: z.unknown() })),
});

/** The file's text, from knowledge files already parsed from YAML. */
export function compileKnowledge(files: readonly { name: string; data: unknown }[]): string {
  return `${JSON.stringify({ format: FORMAT, files: files.map(({ name, data }) => ({ name, data })) })}\n`;
}

/** The knowledge files in a compiled file; `label` names it in errors. */
export function readCompiledKnowledge(text: string, label: string): { name: string; data: unknown }[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KnowledgeError(`${label}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = CompiledKnowledgeSchema.safeParse(json);
  if (!parsed.success) throw new KnowledgeError(`${label}: not a compiled knowledge base: ${z.prettifyError(parsed.error)}`);
  return parsed.data.files.map(({ name, data }) => ({ name, data }));
}
