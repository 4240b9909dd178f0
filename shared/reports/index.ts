// The compliance report's data: model (schema + types), aggregation from records, sample data.
export * from './report-model';
export type { ReportRecord } from './report-record';
export { aggregateReport, isOutsideBusinessHours, type AggregateInput } from './aggregate-report';
export { ReportAccumulator, type AccumulatorOptions } from './report-accumulator';
export { evidenceDigestOf, EVIDENCE_DIGEST_OF } from './evidence-digest';
export { controlsFor, type ControlDefinition } from './framework-controls';
export { buildSampleReport, SAMPLE_SIGNER, type SampleReportOptions } from './sample-report';
export { sampleRecords, SAMPLE_USERS, type SampleRecordOptions } from './sample-records';
export { FRAMEWORK_NAMES } from './framework-names';
