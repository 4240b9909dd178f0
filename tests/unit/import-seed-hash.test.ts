// The seed hash's building blocks against Python itself: the vectors in
// tests/fixtures/import/seed/python-dumps-vectors.json were written by Python's json.dumps
// (make_seed_fixtures.py), so a difference in escaping, key order or number text fails here.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseLossless, LosslessJsonError, type LosslessObject } from '../../electron/core/ingest/formats/lossless-json';
import { pythonIsoformatGuess } from '../../electron/core/ingest/formats/python-isoformat';
import { pythonJsonDumps } from '../../electron/core/ingest/formats/python-json-dumps';
import { checkSeedHash } from '../../electron/core/ingest/formats/seed-hash';

const vectors = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../fixtures/import/seed/python-dumps-vectors.json'), 'utf8'),
) as Array<{ input: string; dumps: string }>;

describe("Python's json.dumps(sort_keys=True), re-implemented", () => {
  it.each(vectors.map((v, i) => [i, v] as const))('vector %i equals what Python wrote', (_i, v) => {
    expect(pythonJsonDumps(parseLossless(v.input))).toBe(v.dumps);
  });

  it('keeps number text that JSON.parse would change', () => {
    expect(pythonJsonDumps(parseLossless('{"x": 1000.0, "y": 1e-07}'))).toBe('{"x": 1000.0, "y": 1e-07}');
    expect(JSON.stringify(JSON.parse('{"x": 1000.0}'))).toBe('{"x":1000}'); // why the lossless parser exists
  });

  it('refuses malformed JSON with the position', () => {
    expect(() => parseLossless('{"a": 1,}')).toThrow(LosslessJsonError);
    expect(() => parseLossless('{"a": 1} x')).toThrow(/after the value/);
  });
});

describe("Python's isoformat, guessed from exported text", () => {
  it.each([
    ['2024-05-01T12:00:00Z', '2024-05-01T12:00:00+00:00', false],
    ['2024-05-01T12:00:00.000Z', '2024-05-01T12:00:00+00:00', true],
    ['2024-05-01T12:00:00.123456Z', '2024-05-01T12:00:00.123456+00:00', false],
    ['2024-05-01T12:00:00.5+02:00', '2024-05-01T12:00:00.500000+02:00', false],
    ['2024-05-01 12:00:00', '2024-05-01T12:00:00', false],
    ['2024-05-01T12:00:00.250Z', '2024-05-01T12:00:00.250000+00:00', true],
  ])('%s → %s', (text, iso, lossy) => {
    const guess = pythonIsoformatGuess(text);
    expect(guess.candidates[0]).toBe(iso);
    expect(guess.lossy !== null).toBe(lossy);
  });

  it('says a nanosecond timestamp cannot be a Python datetime', () => {
    expect(pythonIsoformatGuess('2024-05-01T12:00:00.123456789Z').invalid).toMatch(/microsecond/);
  });
});

describe('checkSeedHash', () => {
  const fields = (over: Record<string, unknown> = {}) => {
    const base = {
      tenant: 3, user: 7, operation: 'UPDATE', resource_type: 'invoice', resource_id: '42',
      timestamp: '2024-05-01T12:00:00Z', old_data: { amount: 1000.0 }, new_data: null, ...over,
    };
    return base;
  };
  // The seed's formula, written out by hand for this one record (Python: json.dumps(d, sort_keys=True)).
  const text = '{"new_data": null, "old_data": {"amount": 1000.0}, "operation": "UPDATE", "resource_id": "42", "resource_type": "invoice", "tenant_id": 3, "timestamp": "2024-05-01T12:00:00+00:00", "user_id": 7}';
  const good = createHash('sha256').update(text).digest('hex');
  const parse = (o: object, hash: string) => parseLossless(JSON.stringify({ ...o, audit_hash: hash }).replace('"amount":1000', '"amount":1000.0')) as LosslessObject;

  it('verifies a record whose content hashes to its audit_hash', () => {
    expect(checkSeedHash(parse(fields(), good)).status).toBe('verified');
  });

  it('finds a changed value', () => {
    expect(checkSeedHash(parse(fields({ resource_id: '43' }), good))).toMatchObject({ status: 'mismatch' });
  });

  it('accepts ids the seed hashed as text', () => {
    const asText = createHash('sha256').update(text.replace('"tenant_id": 3', '"tenant_id": "3"').replace('"user_id": 7', '"user_id": "7"')).digest('hex');
    expect(checkSeedHash(parse(fields(), asText)).status).toBe('verified');
  });

  it('says why it cannot tell: no hash, a missing field', () => {
    expect(checkSeedHash(parseLossless(JSON.stringify(fields())) as LosslessObject).reason).toMatch(/no audit_hash/);
    const { new_data: _n, ...partial } = fields();
    expect(checkSeedHash(parse(partial, good))).toMatchObject({ status: 'unverifiable', reason: expect.stringMatching(/new_data/) });
  });
});
