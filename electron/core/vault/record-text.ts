/** The record as received or exported: the stored canonical text with its audit_hash put back, no re-encoding. */
export function withAuditHash(canonical: string, auditHash: string): string {
  return canonical === '{}' ? `{"audit_hash":"${auditHash}"}` : `{"audit_hash":"${auditHash}",${canonical.slice(1)}`;
}
