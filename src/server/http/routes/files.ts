import type { FastifyReply } from 'fastify';
import type { ExportFile } from '../../services/reports.js';

/** A generated file as a download, never cached. */
export function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(file.body);
}
