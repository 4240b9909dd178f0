// Finds sensitive fields in a record: member names at any depth of old_data, new_data and the query
// fields (filters_applied), and the names listed in fields_accessed and changed_fields. Returns the
// paths where they were found, e.g. "new_data.customer.ssn" or "fields_accessed[1]".
import type { JsonValue } from '../../../../shared/canonical-json';
import type { NameMatcher } from './field-names';

/** Members holding data whose member names are searched. */
export const DATA_MEMBERS = ['old_data', 'new_data', 'filters_applied'] as const;
/** Members holding lists of field names. */
export const NAME_LIST_MEMBERS = ['fields_accessed', 'changed_fields'] as const;

export function findSensitive(record: Record<string, unknown>, matches: NameMatcher): string[] {
  const found: string[] = [];
  const walk = (value: JsonValue | undefined, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        const here = `${path}.${key}`;
        if (matches(key)) found.push(here);
        walk(v, here);
      }
    }
  };
  for (const member of DATA_MEMBERS) walk(record[member] as JsonValue | undefined, member);
  for (const member of NAME_LIST_MEMBERS) {
    const list = record[member];
    if (Array.isArray(list)) list.forEach((name, i) => typeof name === 'string' && matches(name) && found.push(`${member}[${i}]`));
  }
  return found;
}
