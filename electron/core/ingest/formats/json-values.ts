// JSON parsing helpers shared by the JSON-based formats: NDJSON lines and the elements of a JSON array
// that may span many lines, each with the line it starts on.
import type { Line } from '../line-reader';
import type { ParsedItem } from './import-format';

export function parseJsonItem(text: string, line: number, isLast = false): ParsedItem {
  try {
    return { line, record: JSON.parse(text) };
  } catch (error) {
    const why = (error as Error).message;
    const cut = isLast && /end of JSON|Unterminated|Expected/.test(why) ? ' (the record is cut short)' : '';
    return { line, errors: [{ field: '(json)', message: `invalid JSON${cut}: ${why}` }] };
  }
}

/** NDJSON: one JSON value a line; blank lines are skipped. */
export async function* ndjsonItems(lines: AsyncIterable<Line>): AsyncGenerator<ParsedItem> {
  let held: Line | null = null;
  for await (const line of lines) {
    if (held) yield parseJsonItem(held.text, held.number);
    held = line.text.trim() === '' ? null : line;
  }
  if (held) yield parseJsonItem(held.text, held.number, true);
}

/**
 * The elements of a top-level JSON array, as text with their first line, in constant memory: it only
 * tracks strings and nesting depth to find where each element ends, then JSON.parse does the parsing.
 * (Streaming JSON libraries we looked at do not report line numbers, which our errors must name.)
 */
export async function* jsonArrayElements(lines: AsyncIterable<Line>): AsyncGenerator<{ line: number; text: string } | { line: number; error: string }> {
  let state: 'before' | 'between' | 'element' | 'after' = 'before';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let startLine = 0;
  let lastLine = 0;
  for await (const { number, text } of lines) {
    lastLine = number;
    let segmentStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) inString = false;
          continue;
        }
        if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (depth === 0) {
            // ']' closing the outer array right after an element
            parts.push(text.slice(segmentStart, i));
            yield { line: startLine, text: parts.join('\n') };
            parts = [];
            state = 'after';
            continue;
          }
          depth--;
        } else if (c === 0x2c && depth === 0) {
          parts.push(text.slice(segmentStart, i));
          yield { line: startLine, text: parts.join('\n') };
          parts = [];
          state = 'between';
        }
        continue;
      }
      if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
      if (state === 'before') {
        if (c !== 0x5b) {
          yield { line: number, error: 'expected a JSON array starting with [' };
          return;
        }
        state = 'between';
      } else if (state === 'between') {
        if (c === 0x5d && parts.length === 0) {
          state = 'after';
          continue;
        }
        state = 'element';
        startLine = number;
        segmentStart = i;
        depth = 0;
        i--; // re-read this character as part of the element
      } else {
        yield { line: number, error: 'unexpected content after the end of the JSON array' };
        return;
      }
    }
    if (state === 'element') {
      parts.push(text.slice(segmentStart));
    }
  }
  const ended: string = state; // (TypeScript cannot see the loop's assignments here)
  if (ended === 'element' || ended === 'between') {
    yield { line: lastLine, error: 'the file ends before the JSON array is closed (the file is cut short)' };
  }
}
