import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KnowledgeError } from '../../src/errors';
import { compileKnowledge, COMPILED_KNOWLEDGE_FILE } from '../../src/knowledge/compiledKnowledge';
import { LECTURE_FILE, loadKnowledgeBase, readKnowledgeDir } from '../../src/knowledge/loadKnowledgeBase';

/**
 * A deployment package carries the knowledge files parsed from YAML into one JSON file
 * (`npm run package`). Loading it must give the same knowledge base, validated the same way.
 */

const KNOWLEDGE_DIR = join(__dirname, '../../knowledge');
const yamlNames = readdirSync(KNOWLEDGE_DIR).filter((name) => name.endsWith('.yaml'));

function compiledFrom(edit: (data: Record<string, unknown>, name: string) => void = () => undefined): string {
  return compileKnowledge(
    yamlNames.map((name) => {
      const data = parse(readFileSync(join(KNOWLEDGE_DIR, name), 'utf8')) as Record<string, unknown>;
      edit(data, name);
      return { name: `knowledge/${name}`, data };
    }),
  );
}

describe('the compiled knowledge file', () => {
  let dir = '';

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cloudbot-compiled-knowledge-'));
    copyFileSync(join(KNOWLEDGE_DIR, LECTURE_FILE), join(dir, LECTURE_FILE));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads into the same knowledge base as the YAML files it was made from', () => {
    writeFileSync(join(dir, COMPILED_KNOWLEDGE_FILE), compiledFrom());
    const compiled = loadKnowledgeBase(dir);
    const fromYaml = loadKnowledgeBase(KNOWLEDGE_DIR);
    expect(compiled.size).toBe(fromYaml.size);
    expect(compiled.entries).toEqual(fromYaml.entries);
    expect(compiled.synonyms).toEqual(fromYaml.synonyms);
  });

  it('is validated like YAML: a bad entry is named by file, entry and field', () => {
    writeFileSync(
      join(dir, COMPILED_KNOWLEDGE_FILE),
      compiledFrom((data, name) => {
        if (name !== 'service-models.yaml') return;
        const [first] = data.entries as Record<string, unknown>[];
        if (first) first.answer = '';
      }),
    );
    expect(() => loadKnowledgeBase(dir)).toThrow(/knowledge\/service-models\.yaml: entry "[^"]+", field "answer"/);
  });

  it('is refused when it is not JSON, or not a compiled knowledge base', () => {
    writeFileSync(join(dir, COMPILED_KNOWLEDGE_FILE), '{"format": 1, "files": [');
    expect(() => readKnowledgeDir(dir)).toThrow(KnowledgeError);
    expect(() => readKnowledgeDir(dir)).toThrow(/knowledge\.json: not valid JSON/);
    writeFileSync(join(dir, COMPILED_KNOWLEDGE_FILE), JSON.stringify({ format: 2, files: [] }));
    expect(() => readKnowledgeDir(dir)).toThrow(/knowledge\.json: not a compiled knowledge base/);
  });

  it('is refused beside YAML files, where an edit to the YAML would be silently ignored', () => {
    writeFileSync(join(dir, COMPILED_KNOWLEDGE_FILE), compiledFrom());
    copyFileSync(join(KNOWLEDGE_DIR, 'synonyms.yaml'), join(dir, 'synonyms.yaml'));
    expect(() => readKnowledgeDir(dir)).toThrow(/build output and must not sit beside the YAML files/);
  });
});
