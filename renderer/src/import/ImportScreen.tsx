// Import: choose or drop files; each is imported all-or-nothing, with its progress and a clear result
// (what came in, what was skipped, and every rejected line with its field and reason).
import { useState, type DragEvent } from 'react';
import type { ImportResultView } from '../../../shared/api/jobs';
import { followJob } from '../api/poll-job';
import { api } from '../api/transport';
import { formatCount } from '../common/format';
import { Progress } from '../common/Progress';

interface FileState {
  key: string;
  name: string;
  phase: 'reading' | 'importing' | 'done' | 'failed';
  done: number;
  total: number;
  result: ImportResultView | null;
  message: string | null;
}

const FORMATS = ['auto', 'auditdesk', 'seed', 'cloudtrail', 'k8s', 'csv'];

export function ImportScreen() {
  const [files, setFiles] = useState<FileState[]>([]);
  const [format, setFormat] = useState('auto');
  const [dragging, setDragging] = useState(false);
  const update = (key: string, patch: Partial<FileState>) => setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  const importAll = async (list: File[]) => {
    const states = list.map((file, i) => ({ key: `${Date.now()}-${i}-${file.name}`, name: file.name, phase: 'reading' as const, done: 0, total: file.size, result: null, message: null }));
    setFiles((all) => [...states, ...all]);
    // One at a time: each file is its own transaction in the vault.
    for (const [i, file] of list.entries()) {
      const key = states[i]!.key;
      const content = await file.text();
      update(key, { phase: 'importing' });
      const started = await api.call('import.start', { name: file.name, content, format: format === 'auto' ? undefined : format });
      if (!started.ok) {
        update(key, { phase: 'failed', message: started.error.message });
        continue;
      }
      const end = await followJob(started.value.jobId, (job) => update(key, { done: job.done, total: job.total }));
      if (!end) update(key, { phase: 'failed', message: 'lost track of the import' });
      else if (end.state === 'failed') update(key, { phase: 'failed', message: end.error });
      else update(key, { phase: 'done', result: end.import });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void importAll([...e.dataTransfer.files]);
  };

  return (
    <section className="screen" aria-labelledby="import-title">
      <h1 id="import-title">Import</h1>
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop NDJSON, JSON or CSV audit files here, or</p>
        <label className="button primary">
          Choose files…
          <input
            className="sr-only"
            type="file"
            multiple
            accept=".ndjson,.jsonl,.json,.csv,.log,.txt"
            aria-label="Choose files to import"
            onChange={(e) => {
              const list = [...(e.target.files ?? [])];
              e.target.value = '';
              void importAll(list);
            }}
          />
        </label>
        <label className="filter">
          <span>Format</span>
          <select value={format} onChange={(e) => setFormat(e.target.value)} aria-label="Format">
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {f === 'auto' ? 'detect' : f}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">A file is imported whole or not at all; records already in the vault are skipped.</p>
      </div>
      <ul className="plain import-list" aria-label="Imported files">
        {files.map((f) => (
          <li key={f.key} className="panel import-item" data-testid="import-result">
            <h2>{f.name}</h2>
            {f.phase === 'reading' || f.phase === 'importing' ? <Progress label={`Importing ${f.name}`} done={f.done} total={f.total} /> : null}
            {f.phase === 'failed' ? <p className="bad-text" role="alert">Not imported: {f.message}</p> : null}
            {f.result ? <ResultView result={f.result} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ResultView({ result }: { result: ImportResultView }) {
  if (result.error) return <p className="bad-text" role="alert">Not imported: {result.error}</p>;
  if (!result.ok) {
    return (
      <div role="alert">
        <p className="bad-text">
          Not imported: {formatCount(result.rejectedCount)} of {formatCount(result.records)} records are invalid, so nothing of this file was added.
        </p>
        <table className="data" aria-label={`Rejected records of ${result.name}`}>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {result.rejected.map((r, i) => (
              <tr key={i}>
                <td>{r.line}</td>
                <td>
                  <code>{r.field}</code>
                </td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div role="status">
      <p className="ok-text">
        Imported {formatCount(result.imported)} records
        {result.format ? ` (${result.format})` : ''}; {formatCount(result.duplicates)} already in the vault were skipped
        {result.conflicts ? `; ${formatCount(result.conflicts)} conflicting records were kept aside for review` : ''}.
      </p>
      {result.breaks.length ? (
        <p className="bad-text">
          Chain breaks found in the file's own chains (kept, and raised as violations):{' '}
          {result.breaks.map((b) => `${b.tenant} seq ${b.seq} (${b.kind})`).join('; ')}
        </p>
      ) : null}
      <a href="#/trail">See the trail</a>
    </div>
  );
}
