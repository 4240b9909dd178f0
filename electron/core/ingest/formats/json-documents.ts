// The JSON values of a file, whatever its layout, each with the line it starts on: a top-level array
// (streamed element by element), NDJSON (one value a line), or one document spread over many lines
// (an API answer saved pretty-printed; held in memory whole, as such answers are one page).
import type { Line } from '../line-reader';
import { jsonArrayElements } from './json-values';
import { peekFirstLine } from './peek-lines';

export type JsonText = { line: number; text: string } | { line: number; error: string };

export async function* jsonTexts(input: AsyncIterable<Line>): AsyncGenerator<JsonText> {
  const { first, lines } = await peekFirstLine(input);
  if (!first) return;
  const lead = first.text.trimStart()[0];
  if (lead === '[') {
    yield* jsonArrayElements(lines);
    return;
  }
  if (!isCompleteJson(first.text)) {
    // Not one value a line: one document over many lines.
    const parts: string[] = [];
    for await (const line of lines) parts.push(line.text);
    yield { line: first.number, text: parts.join('\n') };
    return;
  }
  for await (const line of lines) {
    if (line.text.trim() !== '') yield { line: line.number, text: line.text };
  }
}

function isCompleteJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON.parse's message with the line it concerns, for rejections the user can act on. */
export function invalidJson(line: number, why: string) {
  return { line, errors: [{ field: '(json)', message: `invalid JSON: ${why}` }] };
}

/** Each JSON document of the input, parsed, or the error naming its line. */
export async function* jsonValues(
  input: AsyncIterable<Line>,
): AsyncGenerator<{ line: number; value: unknown } | { line: number; errors: Array<{ field: string; message: string }> }> {
  for await (const piece of jsonTexts(input)) {
    if ('error' in piece) {
      yield { line: piece.line, errors: [{ field: '(json)', message: piece.error }] };
      continue;
    }
    try {
      yield { line: piece.line, value: JSON.parse(piece.text) as unknown };
    } catch (error) {
      yield invalidJson(piece.line, (error as Error).message);
    }
  }
}
