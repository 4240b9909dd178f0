// Looks at the first non-blank line of a stream without losing it: formats choose between NDJSON, a
// JSON array or a JSON document by their first character.
import type { Line } from '../line-reader';

export async function peekFirstLine(lines: AsyncIterable<Line>): Promise<{ first: Line | undefined; lines: AsyncIterable<Line> }> {
  const iterator = lines[Symbol.asyncIterator]();
  const peeked: Line[] = [];
  let first: Line | undefined;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    peeked.push(next.value);
    if (next.value.text.trim() !== '') {
      first = next.value;
      break;
    }
  }
  const replay = (async function* () {
    yield* peeked;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  return { first, lines: replay };
}
