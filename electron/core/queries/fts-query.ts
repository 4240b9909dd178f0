// Turns what a person types into an FTS5 MATCH expression without letting FTS5 syntax through:
// every word becomes a quoted prefix term ("inv"* finds invoice), and all words must match.

export function ftsMatchExpression(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map((word) => word.replace(/"/g, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => `"${word}"*`);
  return terms.length ? terms.join(' ') : null;
}
