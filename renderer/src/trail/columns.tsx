// The Trail's columns. Cells render record text as React text nodes: hostile names stay text.
import type { ColumnDef } from '@tanstack/react-table';
import type { TrailRow, TrailSort } from '../../../shared/api/trail';
import { formatTime } from '../common/format';

export type TrailColumn = ColumnDef<TrailRow> & { id: string; sort?: TrailSort; width: number };

export const TRAIL_COLUMNS: TrailColumn[] = [
  { id: 'time', header: 'Time (UTC)', accessorFn: (r) => formatTime(r.timestamp), sort: 'time', width: 205 },
  { id: 'tenant', header: 'Tenant', accessorKey: 'tenant', sort: 'tenant', width: 110 },
  { id: 'seq', header: 'Seq', accessorKey: 'seq', width: 70 },
  { id: 'kind', header: 'Kind', accessorKey: 'kind', sort: 'kind', width: 92 },
  { id: 'user', header: 'User', accessorFn: (r) => r.user ?? '—', sort: 'user', width: 235 },
  { id: 'operation', header: 'Operation', accessorFn: (r) => r.operation ?? r.severity ?? '', sort: 'operation', width: 110 },
  { id: 'resource_type', header: 'Resource type', accessorFn: (r) => r.resource_type ?? '', sort: 'resource_type', width: 130 },
  { id: 'resource', header: 'Resource', accessorFn: (r) => r.resource_name ?? r.summary ?? r.resource_id ?? '', width: 260 },
  { id: 'resource_id', header: 'Resource id', accessorFn: (r) => r.resource_id ?? '', width: 110 },
  { id: 'framework', header: 'Framework', accessorFn: (r) => r.compliance_framework ?? '', width: 100 },
  { id: 'classification', header: 'Classification', accessorFn: (r) => r.data_classification ?? '', width: 130 },
  { id: 'sensitive', header: 'Sensitive', accessorFn: (r) => (r.is_sensitive ? 'yes' : ''), width: 90 },
  { id: 'id', header: 'Record id', accessorKey: 'id', width: 170 },
];

/** Shown unless the auditor chooses otherwise. */
export const DEFAULT_HIDDEN: Record<string, boolean> = { seq: false, resource_id: false, classification: false, id: false };

/** A cell's text for a record, from the column's accessor (as react-table would read it). */
export function cellText(column: TrailColumn, row: TrailRow): string {
  const value = 'accessorFn' in column && column.accessorFn ? column.accessorFn(row, 0) : 'accessorKey' in column ? row[column.accessorKey as keyof TrailRow] : '';
  return String(value ?? '');
}
