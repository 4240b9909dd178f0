// Compliance reports as signed, verifiable PDFs (issue 5). The data model lives in shared/reports.
export { renderReportPdf, type RenderOptions } from './pdf/render-report';
export { signPdf, type SignOptions } from './signing/sign-pdf';
export { createIdentity, type IdentityRequest } from './signing/create-identity';
export { readIdentity, type SignerIdentity } from './signing/read-identity';
export { verifyReport, type ReportVerification } from './verify/verify-report';
export { EVIDENCE_NAME, readAttachments } from './pdf/evidence-attachment';
export type { FontBytes } from './pdf/fonts';
export * from '../../../shared/reports';
