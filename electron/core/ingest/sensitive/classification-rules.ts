// The default data_classification of a record that arrives without one, by rules the settings may
// replace (setting `classification_rules`): the first rule whose conditions all hold gives the level.
import { CLASSIFICATIONS } from '../../../../shared/records/enums';

export type Classification = (typeof CLASSIFICATIONS)[number];

export interface ClassificationRule {
  /** Every condition given must hold; an empty `when` always holds. */
  when: {
    is_sensitive?: boolean;
    kind?: string[];
    compliance_framework?: string[];
    resource_type?: string[];
    operation?: string[];
  };
  classification: Classification;
}

export const DEFAULT_CLASSIFICATION_RULES: readonly ClassificationRule[] = [
  { when: { is_sensitive: true, compliance_framework: ['PCI_DSS', 'HIPAA'] }, classification: 'RESTRICTED' },
  { when: { is_sensitive: true }, classification: 'CONFIDENTIAL' },
  { when: {}, classification: 'INTERNAL' },
];

export function classify(record: Record<string, unknown>, rules: readonly ClassificationRule[]): Classification | null {
  for (const rule of rules) {
    const w = rule.when;
    const holds =
      (w.is_sensitive === undefined || (record.is_sensitive === true) === w.is_sensitive) &&
      (!w.kind || w.kind.includes(record.kind as string)) &&
      (!w.compliance_framework || w.compliance_framework.includes(record.compliance_framework as string)) &&
      (!w.resource_type || w.resource_type.includes(record.resource_type as string)) &&
      (!w.operation || w.operation.includes(record.operation as string));
    if (holds) return rule.classification;
  }
  return null;
}

/** Checks rules read from the settings; a wrong rule is refused rather than silently ignored. */
export function parseClassificationRules(value: unknown): ClassificationRule[] {
  if (!Array.isArray(value)) throw new Error('classification_rules must be a JSON array of {when, classification}');
  return value.map((rule, i) => {
    const r = rule as Partial<ClassificationRule>;
    if (!r || typeof r !== 'object' || !CLASSIFICATIONS.includes(r.classification as Classification)) {
      throw new Error(`classification_rules[${i}]: classification must be one of ${CLASSIFICATIONS.join(', ')}`);
    }
    if (r.when !== undefined && (typeof r.when !== 'object' || r.when === null || Array.isArray(r.when))) {
      throw new Error(`classification_rules[${i}]: when must be an object`);
    }
    return { when: r.when ?? {}, classification: r.classification as Classification };
  });
}
