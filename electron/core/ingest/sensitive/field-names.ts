// Whether a member name is one of the sensitive field names. Names are compared as words, so
// `credit_card`, `creditCard`, `Credit-Card` and `customer_credit_card_number` all match
// "credit_card", while `classname` does not match "ssn" (no substring accidents).

export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export type NameMatcher = (name: string) => boolean;

export function sensitiveNameMatcher(sensitive: readonly string[]): NameMatcher {
  const wanted = sensitive.map(nameWords).filter((w) => w.length > 0);
  return (name) => {
    const words = nameWords(name);
    return wanted.some((w) => {
      for (let i = 0; i + w.length <= words.length; i++) {
        if (w.every((part, k) => words[i + k] === part)) return true;
      }
      return false;
    });
  };
}
