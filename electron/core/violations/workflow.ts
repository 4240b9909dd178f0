// The case workflow of a violation (issue 6): OPEN → INVESTIGATING → RESOLVED → CLOSED, and reopening
// a RESOLVED or CLOSED case back to INVESTIGATING. OPEN → RESOLVED stays allowed because the seed's
// `POST audit-violations/{id}/resolve/` resolves straight from OPEN. Pure: no I/O.
export const CASE_STATUSES = ['OPEN', 'INVESTIGATING', 'RESOLVED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const ALLOWED: Record<CaseStatus, readonly CaseStatus[]> = {
  OPEN: ['INVESTIGATING', 'RESOLVED'],
  INVESTIGATING: ['RESOLVED'],
  RESOLVED: ['CLOSED', 'INVESTIGATING'],
  CLOSED: ['INVESTIGATING'],
};

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

export function allowedNext(from: CaseStatus): readonly CaseStatus[] {
  return ALLOWED[from];
}

/** Null when the move is allowed, else why not (in words a person can act on). */
export function refuseTransition(from: CaseStatus, to: CaseStatus): string | null {
  if (ALLOWED[from].includes(to)) return null;
  if (from === to) return `the case is already ${to}`;
  return `a ${from} case cannot move to ${to}; from ${from} it can move to ${ALLOWED[from].join(' or ')}`;
}
