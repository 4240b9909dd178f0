// Human names of the frameworks, for report titles and the UI's framework picker.
import type { Framework } from '../records/enums';

export const FRAMEWORK_NAMES: Record<Framework, string> = {
  SOX: 'Sarbanes-Oxley Act (SOX)',
  PCI_DSS: 'PCI DSS v4.0, requirement 10',
  GDPR: 'EU General Data Protection Regulation (GDPR)',
  HIPAA: 'HIPAA Security Rule',
  BASEL_III: 'Basel III / BCBS 239',
  ISO_27001: 'ISO/IEC 27001:2022',
};
