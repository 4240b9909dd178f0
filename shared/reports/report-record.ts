// The members of a record (CONTRACT §1) that a compliance report reads. Records from the vault have
// more; extra members are simply ignored here.
export interface ReportRecord {
  id: string;
  kind: 'log' | 'query' | 'export' | 'violation';
  tenant: string;
  user?: string | null;
  timestamp: string;
  operation?: string;
  resource_type?: string;
  resource_id?: string;
  compliance_framework?: string;
  data_classification?: string;
  is_sensitive?: boolean;
  query_type?: string;
  model_name?: string;
  record_count?: number;
  export_type?: string;
  file_path?: string;
  violation_type?: string;
  severity?: string;
  status?: string;
  /** When a violation was resolved. Not in the seed's model: the seed resolves in place, so the
   *  vault supplies this from the resolve action (POST audit-violations/{id}/resolve/). */
  resolved_at?: string;
  audit_hash?: string;
}
