import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, type Node, parseDocument, Scalar, stringify, type YAMLMap } from 'yaml';

/** The two lists of an entry that a student's wording can join. */
export type PhrasingField = 'alternates' | 'situations';

/**
 * Adds one phrasing to an entry's `alternates` or `situations` in a knowledge file's YAML text,
 * changing nothing else: every other line, comment and blank line stays byte for byte, so the
 * diff a person approves shows only the new line (two when the entry had no `situations` yet).
 *
 * The `yaml` Document finds the entry, the list and where each ends, and renders the new scalar
 * in the style of its neighbours; the text is then spliced at that offset. Printing the whole
 * Document instead (`toString`) would re-wrap the authors' folded answers and re-pad their flow
 * lists, hundreds of changed lines for one added. The result is parsed again and must equal the
 * old data plus the phrasing, or this throws.
 *
 * Returns undefined when the file has no entry with this id.
 */
export function addPhrasing(text: string, entryId: string, field: PhrasingField, phrasing: string): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`not valid YAML: ${doc.errors[0]?.message ?? ''}`);
  const entries = doc.get('entries', true);
  if (!isSeq(entries)) return undefined;
  const entry = entries.items.find((item): item is YAMLMap => isMap(item) && item.get('id') === entryId);
  if (!entry) return undefined;

  const list = entry.get(field, true);
  let edited: string;
  if (isSeq(list) && list.items.length > 0) {
    const last = list.items[list.items.length - 1];
    if (!isNode(last) || !last.range) throw new Error(`entry "${entryId}": cannot find the end of ${field}`);
    edited = list.flow === true ? appendToFlowList(text, last, phrasing) : appendToBlockList(text, last, phrasing);
  } else if (isSeq(list) && list.flow === true && list.range) {
    // `[]`: the phrasing goes between the brackets.
    const open = list.range[0] + 1;
    edited = `${text.slice(0, open)}${scalarText(phrasing, Scalar.QUOTE_DOUBLE)}${text.slice(open)}`;
  } else if (list === undefined) {
    edited = appendField(text, entry, entryId, field, phrasing);
  } else {
    throw new Error(`entry "${entryId}": ${field} is not a list`);
  }

  const expected: unknown = doc.toJS();
  pushInto(expected, entryId, field, phrasing);
  const reparsed = parseDocument(edited);
  if (reparsed.errors.length > 0 || !isDeepStrictEqual(reparsed.toJS(), expected)) {
    throw new Error(`entry "${entryId}": adding to ${field} would change more than the one phrasing`);
  }
  return edited;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value);
}

/** After the line the last item ends on, a new item with the same indent and dash, in the last item's quoting. */
function appendToBlockList(text: string, last: Node, phrasing: string): string {
  const [start, end] = rangeOf(last);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const marker = text.slice(lineStart, start);
  if (!/^ *- +$/.test(marker)) throw new Error('the list is not one item per line');
  const style = isScalar(last) && (last.type === Scalar.QUOTE_DOUBLE || last.type === Scalar.QUOTE_SINGLE) ? last.type : Scalar.PLAIN;
  return insertLine(text, lineEndAfter(text, end), `${marker}${scalarText(phrasing, style)}`);
}

/** `[a, b]` becomes `[a, b, "c"]`: double-quoted, since a plain scalar's commas would split it. */
function appendToFlowList(text: string, last: Node, phrasing: string): string {
  const [, end] = rangeOf(last);
  return `${text.slice(0, end)}, ${scalarText(phrasing, Scalar.QUOTE_DOUBLE)}${text.slice(end)}`;
}

/** A new `situations:` after the entry's last field, indented as its other keys, items quoted as the files quote them. */
function appendField(text: string, entry: YAMLMap, entryId: string, field: PhrasingField, phrasing: string): string {
  const firstKey = entry.items[0]?.key;
  const lastPair = entry.items[entry.items.length - 1];
  const lastNode = lastPair?.value ?? lastPair?.key;
  if (!isNode(firstKey) || !isNode(lastNode)) throw new Error(`entry "${entryId}": cannot find its fields`);
  const [keyStart] = rangeOf(firstKey);
  const keyColumn = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const indent = ' '.repeat(keyColumn);
  const [, end] = rangeOf(lastNode);
  return insertLine(text, lineEndAfter(text, end), `${indent}${field}:\n${indent}  - ${scalarText(phrasing, Scalar.QUOTE_DOUBLE)}`);
}

function rangeOf(node: Node): [number, number] {
  if (!node.range) throw new Error('a node without a source range');
  return [node.range[0], node.range[1]];
}

/** Where the line holding `offset - 1` ends: a block value's range already ends after its newline. */
function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** Inserts `line` (its own line breaks as `\n`) at a line start, ending lines as the file does. */
function insertLine(text: string, at: number, line: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const before = text.slice(0, at);
  return `${before}${before === '' || before.endsWith('\n') ? '' : eol}${line.replaceAll('\n', eol)}${eol}${text.slice(at)}`;
}

/** The phrasing as one YAML scalar on one line; quoted anyway where plain would not read back the same. */
function scalarText(phrasing: string, style: Scalar.Type): string {
  return stringify(phrasing, { defaultStringType: style, lineWidth: 0 }).trimEnd();
}

function pushInto(data: unknown, entryId: string, field: PhrasingField, phrasing: string): void {
  const entries: unknown = data !== null && typeof data === 'object' ? Reflect.get(data, 'entries') : undefined;
  if (!Array.isArray(entries)) return;
  const items: readonly unknown[] = entries;
  for (const entry of items) {
    if (entry === null || typeof entry !== 'object' || Reflect.get(entry, 'id') !== entryId) continue;
    const list: unknown = Reflect.get(entry, field);
    if (Array.isArray(list)) list.push(phrasing);
    else Reflect.set(entry, field, [phrasing]);
  }
}
