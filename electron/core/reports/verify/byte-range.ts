// Finds the signature's ByteRange and checks that it covers the whole file except the hex hole
// that holds the signature: a signature over less (or a file with bytes appended after signing)
// would let someone change what a reader sees while the signature still verifies.
const latin1 = (b: Uint8Array, from = 0, to = b.length) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1', from, to);

export interface SignedRanges {
  byteRange: [number, number, number, number];
  /** The bytes the signature covers, concatenated. */
  signedBytes: Buffer;
  /** The hex digits between '<' and '>', as written. */
  contentsHex: string;
  wholeDocumentCovered: boolean;
  problems: string[];
}

export function findSignedRanges(pdf: Uint8Array): SignedRanges | { error: string } {
  const text = latin1(pdf);
  const found = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (found.length === 0) return { error: 'the PDF is not signed (no /ByteRange)' };
  if (found.length > 1) return { error: `the PDF has ${found.length} signatures; a report has exactly one` };
  const [a, b, c, d] = found[0]!.slice(1, 5).map(Number) as [number, number, number, number];
  const problems: string[] = [];
  const len = pdf.length;
  if (!(a === 0 && b > 0 && c > b + 1 && c + d <= len)) return { error: `the ByteRange [${a} ${b} ${c} ${d}] does not fit the file (${len} bytes)` };
  if (text[b] !== '<' || text[c - 1] !== '>') return { error: 'the ByteRange hole is not the signature’s <hex> string' };
  const contentsHex = text.slice(b + 1, c - 1);
  if (!/^[0-9a-fA-F]*$/.test(contentsHex)) return { error: 'the signature hole holds something other than hex digits' };
  const wholeDocumentCovered = c + d === len;
  if (!wholeDocumentCovered) problems.push(`the signature covers ${b + d} bytes but the file has ${len - (c - b)} outside its hole: bytes were added after signing`);
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const signedBytes = Buffer.concat([buf.subarray(a, a + b), buf.subarray(c, c + d)]);
  return { byteRange: [a, b, c, d], signedBytes, contentsHex, wholeDocumentCovered, problems };
}
