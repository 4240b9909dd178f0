// One record: every field, the data as a diff, its chain position, related records, and the way to
// reveal masked values (logged as a READ record in the chain before anything is shown).
import { useEffect, useState } from 'react';
import type { RecordDetail } from '../../../shared/api/record';
import type { ApiError } from '../../../shared/api/result';
import type { TrailRow } from '../../../shared/api/trail';
import { api } from '../api/transport';
import { useApi } from '../api/use-api';
import { hrefFor } from '../app/router';
import { CopyButton } from '../common/CopyButton';
import { formatTime, valueText } from '../common/format';
import { ErrorBox, Loading } from '../common/States';
import { DataDiff } from './DataDiff';
import { SHOWN_ELSEWHERE } from './data-diff';

export function RecordScreen({ pos }: { pos: number }) {
  const loaded = useApi('record.get', { pos });
  const [revealed, setRevealed] = useState<RecordDetail | null>(null);
  const [revealError, setRevealError] = useState<ApiError | null>(null);
  useEffect(() => {
    setRevealed(null);
    setRevealError(null);
  }, [pos]);
  if (loaded.state === 'loading') return <Loading label="Loading the record…" />;
  if (loaded.state === 'error') return <ErrorBox error={loaded.error} onRetry={loaded.reload} />;
  const detail = revealed ?? loaded.value;
  const r = detail.record;
  const title = detail.purged_at ? `Purged record ${String(r.id)}` : String(r.resource_name ?? r.description ?? `${r.kind} ${r.id}`);

  const reveal = async () => {
    const answer = await api.call('record.reveal', { pos });
    if (answer.ok) setRevealed(answer.value);
    else setRevealError(answer.error);
  };

  return (
    <section className="screen record-screen" aria-labelledby="record-title">
      <p className="crumbs">
        <a href="#/trail" onClick={(e) => { if (history.length > 1) { e.preventDefault(); history.back(); } }}>← Back to the trail</a>
      </p>
      <h1 id="record-title">{title}</h1>
      {detail.purged_at ? (
        <div className="notice" role="note">
          Purged by retention on {formatTime(detail.purged_at)}: the record&apos;s content was removed. Its id, tenant, seq and
          audit_hash are kept, so its tenant&apos;s chain and every checkpoint still verify.
        </div>
      ) : (
        <p className="subtitle">
          {String(r.kind)} · {String(r.operation ?? r.query_type ?? r.export_type ?? r.severity ?? '')} · {formatTime(String(r.timestamp))}
        </p>
      )}

      {detail.masked.length > 0 ? (
        <div className="notice" role="note">
          {detail.masked.length} sensitive value{detail.masked.length === 1 ? ' is' : 's are'} hidden ({detail.masked.join(', ')}).
          <button type="button" onClick={() => void reveal()}>
            Reveal (recorded as a READ in the audit trail)
          </button>
        </div>
      ) : null}
      {detail.revealRecordId ? (
        <div className="notice ok" role="status">
          Revealed. This reveal was recorded as {detail.revealRecordId}.
        </div>
      ) : null}
      {revealError ? <ErrorBox error={revealError} /> : null}

      <div className="record-grid">
        <section className="panel" aria-labelledby="fields-title">
          <h2 id="fields-title">Fields</h2>
          <dl className="fields">
            {Object.entries(r)
              .filter(([k]) => !SHOWN_ELSEWHERE.has(k))
              .map(([key, value]) => (
                <div key={key} className="field">
                  <dt>{key}</dt>
                  <dd>
                    <FieldValue field={key} value={value} record={r} />
                  </dd>
                </div>
              ))}
          </dl>
        </section>

        <section className="panel" aria-labelledby="chain-title">
          <h2 id="chain-title">Chain position</h2>
          <ChainPanel detail={detail} />
        </section>
      </div>

      <section className="panel" aria-labelledby="data-title">
        <h2 id="data-title">Data: before and after</h2>
        {detail.purged_at ? (
          <p className="muted">Its old and new data were purged with the rest of its content.</p>
        ) : (
          <DataDiff oldData={r.old_data} newData={r.new_data} changed={r.changed_fields} />
        )}
      </section>

      <section className="panel" aria-labelledby="related-title">
        <h2 id="related-title">Related records</h2>
        {detail.parent ? (
          <p>
            Parent: <RowLink row={detail.parent} />
          </p>
        ) : null}
        {detail.children.length ? (
          <>
            <p>Records that name this one as their parent:</p>
            <ul className="plain">
              {detail.children.map((c) => (
                <li key={c.pos}>
                  <RowLink row={c} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {!detail.parent && !detail.children.length ? <p className="muted">No related records (parent_audit_id).</p> : null}
        <p className="links">
          {r.resource_type && r.resource_id !== undefined ? (
            <a href={hrefFor(['resource', String(r.resource_type), String(r.resource_id)])}>History of this resource</a>
          ) : null}
          {r.user ? <a href={hrefFor(['user', String(r.user)])}>Activity of {String(r.user)}</a> : null}
        </p>
      </section>
    </section>
  );
}

function FieldValue({ field, value, record }: { field: string; value: unknown; record: Record<string, unknown> }) {
  const text = valueText(value);
  if (field === 'id') return (<><code>{text}</code> <CopyButton value={text} label="record id" /></>);
  if (field === 'user' && value) return <a href={hrefFor(['user', text])}>{text}</a>;
  if (field === 'resource_id' && record.resource_type) return <a href={hrefFor(['resource', String(record.resource_type), text])}>{text}</a>;
  if (field === 'timestamp') return <span title={text}>{formatTime(text)} <span className="muted">({text})</span></span>;
  if (value === null) return <span className="muted">null</span>;
  if (typeof value === 'object') return <code className="json">{JSON.stringify(value, null, 2)}</code>;
  return <span>{text}</span>;
}

function ChainPanel({ detail }: { detail: RecordDetail }) {
  const c = detail.chain;
  return (
    <dl className="fields">
      <div className="field">
        <dt>Tenant, seq</dt>
        <dd>
          {String(detail.record.tenant)} · {c.seq}
          {c.head !== null ? <span className="muted"> of {c.head}</span> : null}
        </dd>
      </div>
      <div className="field">
        <dt>audit_hash</dt>
        <dd>
          <code className="hash">{detail.audit_hash}</code> <CopyButton value={detail.audit_hash} label="audit hash" />
          {detail.purged_at ? (
            <PurgedLink nextLinks={c.nextLinks} />
          ) : (
            <span className={c.hashOk ? 'ok-text' : 'bad-text'}>{c.hashOk ? ' ✓ content matches its hash' : ' ✗ content does not match its hash'}</span>
          )}
        </dd>
      </div>
      <div className="field">
        <dt>prev_hash</dt>
        {detail.purged_at ? (
          <dd className="muted">not kept: purged with the content</dd>
        ) : (
          <dd>
            <code className="hash">{c.prev_hash}</code> <CopyButton value={c.prev_hash} label="previous hash" />
            <span className={c.linkOk ? 'ok-text' : 'bad-text'}>{c.linkOk ? ' ✓ links to the previous record' : ' ✗ does not link to the previous record'}</span>
          </dd>
        )}
      </div>
      <div className="field">
        <dt>Neighbours</dt>
        <dd className="links">
          {c.prev ? <a href={`#/record/${c.prev.pos}`} rel="prev">← seq {c.prev.seq}</a> : <span className="muted">first record</span>}
          {c.next ? <a href={`#/record/${c.next.pos}`} rel="next">seq {c.next.seq} →</a> : <span className="muted">last record</span>}
        </dd>
      </div>
      <div className="field">
        <dt>Admitted</dt>
        <dd>{detail.admitted_at ? formatTime(detail.admitted_at) : 'time not kept'} · vault position {detail.pos}</dd>
      </div>
    </dl>
  );
}

/** A purged record is not re-hashed: what shows is whether the chain still links through it. */
function PurgedLink({ nextLinks }: { nextLinks: boolean | null }) {
  if (nextLinks === null) return <span className="muted"> kept; not re-hashed (content purged)</span>;
  return nextLinks ? <span className="ok-text"> ✓ kept: the next record links to it</span> : <span className="bad-text"> ✗ the next record does not link to it</span>;
}

function RowLink({ row }: { row: TrailRow }) {
  return (
    <a href={`#/record/${row.pos}`}>
      {row.operation ?? row.kind} {row.resource_name ?? row.summary ?? row.id} · {row.user ?? '—'} · {formatTime(row.timestamp)}
    </a>
  );
}
