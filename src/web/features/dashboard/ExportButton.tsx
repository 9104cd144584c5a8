/** Starts a background export, shows its progress, then offers the file (F11 "long exports show progress"). */
import { useEffect, useState } from 'react';
import { reportsApi, type ExportJob, type ExportRequest } from '../../../shared/api/reports.js';
import { call, errorText, urlOf } from '../../api/client.js';
import { useT } from '../../app/lang.js';

type Job = Pick<ExportJob, 'id' | 'status' | 'progress' | 'filename'>;

export function ExportButton({ label, request }: { label: string; request: ExportRequest }) {
  return <JobButton label={label} start={() => call(reportsApi.startExport, { body: request })} />;
}

/** A button that starts a background job (export or import) and follows it to its file. */
export function JobButton({
  label,
  start: begin,
  disabled,
}: {
  label: string;
  start: () => Promise<{ id: string }>;
  disabled?: boolean;
}) {
  const { t } = useT();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!job || job.status !== 'running') return;
    const timer = setTimeout(() => {
      call(reportsApi.exportStatus, { params: { id: job.id } }).then(setJob, (e: unknown) =>
        setError(errorText(e)),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [job]);

  const start = async () => {
    setError(null);
    try {
      const { id } = await begin();
      setJob({ id, status: 'running', progress: 0, filename: null });
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <span className="export">
      <button
        type="button"
        className="btn secondary"
        onClick={() => void start()}
        disabled={disabled || job?.status === 'running'}
      >
        {label}
      </button>
      {job?.status === 'running' && (
        <span className="muted" role="status">
          {' '}
          <progress max={100} value={job.progress} /> {t.export_running} {job.progress}%
        </span>
      )}
      {job?.status === 'done' && (
        <a
          className="download"
          href={urlOf(reportsApi.exportFile, { params: { id: job.id } })}
          download={job.filename ?? undefined}
        >
          {' '}
          {t.export_done}: {job.filename}
        </a>
      )}
      {(job?.status === 'failed' || error) && <span className="error">{error ?? t.export_failed}</span>}
    </span>
  );
}
