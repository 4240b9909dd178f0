// An event name as CONTRACT §1's custom operation: an upper-case word (AssumeRole → ASSUME_ROLE).
export function upperWord(name: string, fallback = 'UNKNOWN'): string {
  const word = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[A-Z]/.test(word) ? word : word ? `OP_${word}` : fallback;
}
