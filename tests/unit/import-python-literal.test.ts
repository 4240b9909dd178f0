import { describe, expect, it } from 'vitest';
import { parsePythonLiteral, PythonLiteralError } from '../../electron/core/ingest/formats/python-literal';
import { upperWord } from '../../electron/core/ingest/formats/operation-word';

describe('Python literal text as JSON (CSV cells written with str(dict))', () => {
  it('reads the honeybucket CSV cells', () => {
    expect(parsePythonLiteral("{'type': 'AWSAccount', 'principalId': '', 'accountId': 'ANONYMOUS_PRINCIPAL'}")).toEqual({
      type: 'AWSAccount', principalId: '', accountId: 'ANONYMOUS_PRINCIPAL',
    });
  });

  it('reads True/False/None, numbers, tuples, nested values and escapes', () => {
    expect(parsePythonLiteral(`{"it's": [True, False, None, 1.5, -2, 1_000, (1, 2)], 'q': 'a\\'b\\n\\x41\\u00e9'}`)).toEqual({
      "it's": [true, false, null, 1.5, -2, 1000, [1, 2]], q: "a'b\nAé",
    });
  });

  it('refuses what is not a literal, saying where', () => {
    expect(() => parsePythonLiteral("{'a': ")).toThrow(PythonLiteralError);
    expect(() => parsePythonLiteral("{'a': os.system('x')}")).toThrow(/character 7/);
  });
});

describe('event names as upper-case operation words', () => {
  it.each([
    ['AssumeRole', 'ASSUME_ROLE'], ['RunInstances', 'RUN_INSTANCES'], ['GetSAMLProvider', 'GET_SAML_PROVIDER'],
    ['proxy', 'PROXY'], ['', 'UNKNOWN'], ['3rdParty', 'OP_3RD_PARTY'],
  ])('%s → %s', (name, word) => expect(upperWord(name)).toBe(word));
});
