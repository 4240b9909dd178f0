// Which activity is evidence for which control of each framework. A control section says "here is
// the activity this control asks you to look at, with counts"; whether the control is effective is
// the auditor's call, not ours. Resource-type families are matched on lower-case words so that
// `Payment`, `payment_card` and `card-payments` all count as cardholder data.
import type { Framework } from '../records/enums';
import type { ReportRecord } from './report-record';

export interface ControlDefinition {
  controlId: string;
  title: string;
  whatItEvidences: string;
  /** Which records this control looks at. */
  select: (r: ReportRecord) => boolean;
  /** The breakdown key of a selected record (e.g. its operation). */
  countBy: (r: ReportRecord) => string;
  columns: string[];
  row: (r: ReportRecord) => string[];
}

// Memoised by resource type, then model: a million records carry a few dozen of each, and this runs
// per record per control (a key made by joining the two cost a new string per call).
const wordCache = new Map<string | undefined, Map<string | undefined, string[]>>();
const words = (r: ReportRecord): string[] => {
  let byModel = wordCache.get(r.resource_type);
  if (!byModel) {
    if (wordCache.size > 10_000) wordCache.clear();
    wordCache.set(r.resource_type, (byModel = new Map()));
  }
  let w = byModel.get(r.model_name);
  if (!w) {
    w = `${r.resource_type ?? ''} ${r.model_name ?? ''}`.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    if (byModel.size > 10_000) byModel.clear();
    byModel.set(r.model_name, w);
  }
  return w;
};
const family = (...stems: string[]) => (r: ReportRecord): boolean =>
  words(r).some((w) => stems.some((s) => w.startsWith(s)));

const isFinancial = family('account', 'transaction', 'ledger', 'invoice', 'payment', 'journal', 'payroll');
const isCardholder = family('card', 'pan', 'payment');
const isPhi = family('patient', 'medical', 'prescription', 'diagnos', 'phi', 'health');
const isRiskData = family('risk', 'exposure', 'capital', 'liquidity', 'loan', 'collateral');
const isAuditData = family('audit');
const isPersonResource = family('customer', 'employee', 'patient', 'person', 'profile', 'user');
const isPersonal = (r: ReportRecord): boolean => r.is_sensitive === true || isPersonResource(r);

const log = (r: ReportRecord) => r.kind === 'log';
const op = (...ops: string[]) => (r: ReportRecord) => r.kind === 'log' && ops.includes(r.operation ?? '');

const byOperation = (r: ReportRecord) => r.operation ?? r.kind;
const byUser = (r: ReportRecord) => r.user ?? '(none)';
const byKind = (r: ReportRecord) => r.kind;

const LOG_COLUMNS = ['Time', 'Tenant', 'User', 'Operation', 'Resource'];
const logRow = (r: ReportRecord) => [
  r.timestamp, r.tenant, r.user ?? '', r.operation ?? '', `${r.resource_type ?? ''}/${r.resource_id ?? ''}`,
];
const QUERY_COLUMNS = ['Time', 'Tenant', 'User', 'Kind', 'Type', 'Model', 'Records'];
const queryRow = (r: ReportRecord) => [
  r.timestamp, r.tenant, r.user ?? '', r.kind, r.query_type ?? r.export_type ?? '', r.model_name ?? '',
  String(r.record_count ?? ''),
];
const VIOLATION_COLUMNS = ['Time', 'Tenant', 'User', 'Type', 'Severity', 'Status'];
const violationRow = (r: ReportRecord) => [
  r.timestamp, r.tenant, r.user ?? '', r.violation_type ?? '', r.severity ?? '', r.status ?? '',
];
const violation = (...types: string[]) => (r: ReportRecord) =>
  r.kind === 'violation' && (types.length === 0 || types.includes(r.violation_type ?? ''));

// Made once here, not inside each select: a select runs per record.
const isOpReadExport = op('READ', 'EXPORT');
const isOpSystemBackupRestore = op('SYSTEM', 'BACKUP', 'RESTORE');
const isOpUpdateDelete = op('UPDATE', 'DELETE');
const isViolationPrivilegeEscalation = violation('PRIVILEGE_ESCALATION');

const CONTROLS: Record<Framework, ControlDefinition[]> = {
  SOX: [
    {
      controlId: 'SOX ITGC-CM', title: 'Change management: changes to financial data',
      whatItEvidences: 'Every UPDATE and DELETE on financial resources (accounts, transactions, ledgers, invoices, payments) in the period, by whom and when.',
      select: (r) => isOpUpdateDelete(r) && isFinancial(r), countBy: byOperation, columns: LOG_COLUMNS, row: logRow,
    },
    {
      controlId: 'SOX ITGC-AC', title: 'Logical access to financial data',
      whatItEvidences: 'Reads and exports of financial resources, by user.',
      select: (r) => isOpReadExport(r) && isFinancial(r), countBy: byUser, columns: LOG_COLUMNS, row: logRow,
    },
    {
      controlId: 'SOX ITGC-OPS', title: 'Computer operations: backup, restore, import and system jobs',
      whatItEvidences: 'BACKUP, RESTORE, IMPORT and SYSTEM operations recorded in the period.',
      select: op('BACKUP', 'RESTORE', 'IMPORT', 'SYSTEM'), countBy: byOperation, columns: LOG_COLUMNS, row: logRow,
    },
  ],
  PCI_DSS: [
    {
      controlId: 'PCI DSS 10.2.1.1', title: 'Individual user access to cardholder data',
      whatItEvidences: 'Every recorded operation on cardholder-data resources, with the user who performed it.',
      select: (r) => log(r) && isCardholder(r), countBy: byOperation, columns: LOG_COLUMNS, row: logRow,
    },
    {
      controlId: 'PCI DSS 10.2.1.3', title: 'Access to audit logs',
      whatItEvidences: 'Queries and exports whose model is the audit log itself.',
      select: (r) => (r.kind === 'query' || r.kind === 'export') && isAuditData(r), countBy: byUser,
      columns: QUERY_COLUMNS, row: queryRow,
    },
    {
      controlId: 'PCI DSS 10.2.1.4', title: 'Invalid logical access attempts',
      whatItEvidences: 'Violations of type UNAUTHORIZED_ACCESS recorded in the period, by severity.',
      select: violation('UNAUTHORIZED_ACCESS'), countBy: (r) => r.severity ?? '', columns: VIOLATION_COLUMNS, row: violationRow,
    },
  ],
  HIPAA: [
    {
      controlId: 'HIPAA 164.312(b)', title: 'Audit controls: activity on ePHI',
      whatItEvidences: 'Recorded activity on systems holding electronic protected health information (patients, medical records, prescriptions).',
      select: (r) => log(r) && isPhi(r), countBy: byOperation, columns: LOG_COLUMNS, row: logRow,
    },
    {
      controlId: 'HIPAA 164.308(a)(1)(ii)(D)', title: 'Information system activity review',
      whatItEvidences: 'Queries and exports touching ePHI, i.e. what a periodic activity review must look at.',
      select: (r) => (r.kind === 'query' || r.kind === 'export') && isPhi(r), countBy: byUser,
      columns: QUERY_COLUMNS, row: queryRow,
    },
    {
      controlId: 'HIPAA 164.312(c)(1)', title: 'Integrity: alteration or destruction of ePHI',
      whatItEvidences: 'UPDATE and DELETE operations on ePHI resources.',
      select: (r) => isOpUpdateDelete(r) && isPhi(r), countBy: byOperation, columns: LOG_COLUMNS, row: logRow,
    },
  ],
  GDPR: [
    {
      controlId: 'GDPR Art. 30', title: 'Records of processing activities',
      whatItEvidences: 'Operations on personal data (sensitive records and person-related resources), by resource type.',
      select: (r) => log(r) && isPersonal(r), countBy: (r) => r.resource_type ?? '', columns: LOG_COLUMNS, row: logRow,
    },
    {
      controlId: 'GDPR Art. 32', title: 'Security of processing',
      whatItEvidences: 'Security violations of every type recorded in the period, and their status.',
      select: violation(), countBy: (r) => r.violation_type ?? '', columns: VIOLATION_COLUMNS, row: violationRow,
    },
    {
      controlId: 'GDPR Art. 33', title: 'Personal data breaches recorded',
      whatItEvidences: 'Violations of type DATA_BREACH or DATA_LEAKAGE, by status.',
      select: violation('DATA_BREACH', 'DATA_LEAKAGE'), countBy: (r) => r.status ?? '', columns: VIOLATION_COLUMNS, row: violationRow,
    },
  ],
  BASEL_III: [
    {
      controlId: 'BCBS 239 P3', title: 'Accuracy and integrity of risk data: changes',
      whatItEvidences: 'UPDATE and DELETE operations on risk data (exposures, capital, liquidity, loans, collateral).',
      select: (r) => isOpUpdateDelete(r) && isRiskData(r), countBy: byOperation, columns: LOG_COLUMNS, row: logRow,
    },
    {
      controlId: 'BCBS 239 P6', title: 'Risk data aggregation and reporting activity',
      whatItEvidences: 'Aggregations, reports and exports run over risk data.',
      select: (r) => (r.kind === 'query' || r.kind === 'export') && isRiskData(r), countBy: byUser,
      columns: QUERY_COLUMNS, row: queryRow,
    },
    {
      controlId: 'Basel III OpRisk', title: 'Operational risk events recorded',
      whatItEvidences: 'Violations recorded in the period, by type: input to the operational-risk loss-event record.',
      select: violation(), countBy: (r) => r.violation_type ?? '', columns: VIOLATION_COLUMNS, row: violationRow,
    },
  ],
  ISO_27001: [
    {
      controlId: 'ISO 27001 A.8.15', title: 'Logging',
      whatItEvidences: 'Events recorded in the period, by kind; their hash chains are reported under Integrity.',
      select: () => true, countBy: byKind, columns: LOG_COLUMNS, row: logRow,
    },
    {
      controlId: 'ISO 27001 A.8.16', title: 'Monitoring activities',
      whatItEvidences: 'Anomalies raised as violations, by severity.',
      select: violation(), countBy: (r) => r.severity ?? '', columns: VIOLATION_COLUMNS, row: violationRow,
    },
    {
      controlId: 'ISO 27001 A.8.2', title: 'Privileged access rights',
      whatItEvidences: 'PRIVILEGE_ESCALATION violations and privileged operations (SYSTEM, BACKUP, RESTORE).',
      select: (r) => isViolationPrivilegeEscalation(r) || isOpSystemBackupRestore(r),
      countBy: (r) => r.violation_type ?? r.operation ?? '', columns: LOG_COLUMNS,
      row: (r) => (r.kind === 'violation'
        ? [r.timestamp, r.tenant, r.user ?? '', r.violation_type ?? '', r.severity ?? '']
        : logRow(r)),
    },
  ],
};

export function controlsFor(framework: Framework): ControlDefinition[] {
  return CONTROLS[framework];
}
