// Settings (issues 3 and 6): collector API keys and where the collector answers, the detection rules,
// the retention policies and the sensitive field names. Every change to a setting is recorded in the
// vault's chain, listed at the foot of the screen.
import { useRef } from 'react';
import type { SettingsOverview } from '../../../shared/api/settings';
import { useApi } from '../api/use-api';
import { ErrorBox, Loading } from '../common/States';
import { CollectorHelp } from './CollectorHelp';
import { KeysPanel } from './KeysPanel';
import { RetentionForm } from './RetentionForm';
import { RulesForm } from './RulesForm';
import { SensitiveFieldsForm } from './SensitiveFieldsForm';
import { SettingsHistory } from './SettingsHistory';
import './settings.css';

export function SettingsScreen() {
  const overview = useApi('settings.overview', {});
  // While a reload after a save runs, keep the forms on screen (a new key's notice lives in one).
  const last = useRef<SettingsOverview | null>(null);
  if (overview.state === 'ok') last.current = overview.value;
  const value = last.current;
  return (
    <section className="screen settings-screen" aria-labelledby="settings-title">
      <div className="screen-head">
        <h1 id="settings-title">Settings</h1>
      </div>
      {!value && overview.state === 'loading' ? <Loading label="Loading the settings…" /> : null}
      {overview.state === 'error' ? <ErrorBox error={overview.error} onRetry={overview.reload} /> : null}
      {value ? (
        <>
          <div className="settings-top">
            <KeysPanel keys={value.keys} onChanged={overview.reload} />
            <CollectorHelp collector={value.collector} />
          </div>
          {value.rules ? <RulesForm rules={value.rules} onSaved={overview.reload} /> : <Unreadable title="Detection rules" error={value.rules_error} fix="auditdesk violations rules VAULT --set RULE.KEY=VALUE" />}
          <div className="settings-pair">
            {value.retention ? (
              <RetentionForm policy={value.retention} onSaved={overview.reload} />
            ) : (
              <Unreadable title="Retention policies" error={value.retention_error} fix="the settings retention_days and archive_after_days" />
            )}
            <SensitiveFieldsForm fields={value.sensitive_fields} onSaved={overview.reload} />
          </div>
          <SettingsHistory changes={value.changes} />
        </>
      ) : null}
    </section>
  );
}

function Unreadable({ title, error, fix }: { title: string; error: string | null; fix: string }) {
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      <div className="state state-error" role="alert">
        <strong>{error ?? 'This setting cannot be read.'}</strong>
        <div>
          Correct it with <code>{fix}</code>; until then it cannot be edited here.
        </div>
      </div>
    </section>
  );
}
