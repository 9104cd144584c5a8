/**
 * Export jobs (F11 "long exports show progress"): the request is checked and recorded, the file is
 * produced in the background with its progress in the database, so any app node can answer "how far"
 * and serve the file. Only the user who asked can see or download a job.
 */
import * as jobs from '../db/queries/exports.js';
import type { Actor } from '../domain/access.js';
import { AppError } from '../errors.js';
import { uuidv7 } from '../ids.js';
import type { ReportLang } from '../documents/report-tables.js';
import { requireActor } from './access.js';
import type { ServiceContext } from './context.js';
import {
  prepareExport,
  produceExport,
  type ExportFile,
  type ExportRequest,
  type Progress,
} from './reports.js';

/** A job still "running" after this long lost its node (restart) and is reported as failed. */
const STALE_AFTER_MS = 15 * 60_000;

export async function startExport(
  ctx: ServiceContext,
  actor: Actor | null,
  req: ExportRequest,
  lang: ReportLang,
) {
  const who = requireActor(actor);
  const prepared = await prepareExport(ctx, who, req);
  return runJob(ctx, who, req.kind, req, (progress) => produceExport(ctx, prepared, lang, progress));
}

/**
 * Records a job and runs `work` in the background; its progress and its file go to the database, so
 * any node can report and serve it. Answers the job id (and the promise of its end, for tests).
 */
export async function runJob(
  ctx: ServiceContext,
  who: Actor,
  kind: string,
  params: unknown,
  work: (progress: Progress) => Promise<ExportFile>,
) {
  const id = uuidv7(ctx.now().getTime());
  await jobs.insertExportJob(ctx.db, { id, userId: who.userId, kind, params, at: ctx.now() });
  const finished = work((done, total) => jobs.setExportProgress(ctx.db, id, done, total))
    .then((file) => jobs.finishExportJob(ctx.db, id, file, ctx.now()))
    .catch((err: unknown) =>
      jobs.failExportJob(ctx.db, id, err instanceof Error ? err.message : String(err), ctx.now()),
    );
  return { id, finished };
}

async function ownJob(ctx: ServiceContext, actor: Actor | null, id: string) {
  const who = requireActor(actor);
  const job = await jobs.findExportJob(ctx.db, id);
  if (!job || job.userId !== who.userId) throw new AppError('export_not_found');
  if (job.status === 'running' && ctx.now().getTime() - job.createdAt.getTime() > STALE_AFTER_MS) {
    return { ...job, status: 'failed' as const, error: 'interrupted' };
  }
  return job;
}

export async function exportStatus(ctx: ServiceContext, actor: Actor | null, id: string) {
  const job = await ownJob(ctx, actor, id);
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.totalSteps ? Math.round((job.doneSteps / job.totalSteps) * 100) : 0,
    filename: job.filename,
    error: job.error,
  };
}

export async function exportFile(ctx: ServiceContext, actor: Actor | null, id: string) {
  const job = await ownJob(ctx, actor, id);
  if (job.status !== 'done') throw new AppError('export_not_ready');
  const body = await jobs.exportJobBody(ctx.db, id);
  if (!body) throw new AppError('export_not_found');
  return { filename: job.filename!, contentType: job.contentType!, body };
}
