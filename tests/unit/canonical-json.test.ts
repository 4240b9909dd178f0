import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';

const dir = path.resolve(__dirname, '../fixtures/vectors/jcs');
const cases = fs.readdirSync(path.join(dir, 'input')).filter((f) => f.endsWith('.json'));

describe('RFC 8785 canonical JSON', () => {
  it('has the cyberphone vectors to check against', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  it.each(cases)('%s canonicalises to the expected bytes', (name) => {
    const input = JSON.parse(fs.readFileSync(path.join(dir, 'input', name), 'utf8'));
    const expected = fs.readFileSync(path.join(dir, 'output', name));
    expect(Buffer.from(canonicalJson(input), 'utf8').equals(expected)).toBe(true);
  });

  it('sorts keys by UTF-16 code units, including integer-like keys', () => {
    expect(canonicalJson({ 10: 'a', 9: 'b', b: 1, a: [true, null] })).toBe('{"10":"a","9":"b","a":[true,null],"b":1}');
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });
});
