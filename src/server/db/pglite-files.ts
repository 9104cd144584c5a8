/**
 * PGlite's file layer on Node, made durable. PGlite mounts the data directory with Emscripten's NODEFS,
 * whose files have no fsync: PostgreSQL's fsync() calls end in a no-op, and PGlite starts PostgreSQL
 * with fsync off anyway. Here each NODEFS file gets a real fsync, and PostgreSQL runs with fsync on and
 * `wal_sync_method=fsync` (NODEFS's fdatasync is a no-op too). A COMMIT therefore returns only after
 * its WAL is on disk; checkpoints flush data files before the WAL that covers them is recycled.
 *
 * An optional observer sees every write, flush, rename and removal: tests use it to count flushes per
 * acknowledged batch and to rebuild what a disk would hold after a power cut.
 */
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { closeSync, fsyncSync, openSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface FileLayerObserver {
  written?(path: string, position: number, length: number): void;
  truncated?(path: string, size: number): void;
  /** After fsync of `path` (a file or a directory) returned. */
  flushed?(path: string): void;
  renamed?(from: string, to: string): void;
  removed?(path: string): void;
}

/** PGlite's own start parameters with fsync on (PGlite's defaults pass `-F`, fsync off). */
export const DURABLE_START_PARAMS = [
  '--single',
  '-O',
  '-j',
  ...['search_path=public', 'exit_on_error=false', 'log_checkpoints=false', 'io_method=sync'],
  ...['max_worker_processes=0', 'max_parallel_workers=0', 'max_parallel_workers_per_gather=0'],
  ...['max_parallel_maintenance_workers=0', 'fsync=on', 'wal_sync_method=fsync', 'full_page_writes=on'],
].flatMap((p) => (p.includes('=') ? ['-c', p] : [p]));

interface EmscriptenNode {
  parent: EmscriptenNode;
  name: string;
}
interface EmscriptenStream {
  nfd: number;
  node: EmscriptenNode;
}
interface NodeFsModule {
  NODEFS: {
    realPath(node: EmscriptenNode): string;
    tryFSOperation<T>(fn: () => T): T;
    stream_ops: Record<string, (...args: never[]) => unknown>;
    node_ops: Record<string, (...args: never[]) => unknown>;
  };
}

export class DurableNodeFS extends NodeFS {
  constructor(
    dataDir: string,
    private readonly observer: FileLayerObserver = {},
  ) {
    super(dataDir);
  }

  override async init(...args: Parameters<NodeFS['init']>) {
    const result = await super.init(...args);
    const mountDataDir = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [
      (mod: unknown) => addFlushes(mod as NodeFsModule, this.observer),
      ...mountDataDir,
    ];
    return result;
  }
}

function addFlushes({ NODEFS }: NodeFsModule, observer: FileLayerObserver) {
  const { stream_ops: streams, node_ops: nodes } = NODEFS;
  const path = (node: EmscriptenNode) => NODEFS.realPath(node);
  streams.fsync = ((stream: EmscriptenStream) => {
    NODEFS.tryFSOperation(() => fsyncSync(stream.nfd));
    observer.flushed?.(path(stream.node));
    return 0;
  }) as never;
  if (!Object.keys(observer).length) return;
  const write = streams.write!;
  streams.write = ((stream: EmscriptenStream, ...rest: [unknown, number, number, number]) => {
    const written = (write as (...a: unknown[]) => number)(stream, ...rest);
    observer.written?.(path(stream.node), rest[3], written);
    return written;
  }) as never;
  // ftruncate goes through the stream's setattr, truncate through the node's.
  const nodeSetattr = nodes.setattr!;
  nodes.setattr = ((node: EmscriptenNode, attr: { size?: number }) => {
    (nodeSetattr as (...a: unknown[]) => void)(node, attr);
    if (attr.size !== undefined) observer.truncated?.(path(node), attr.size);
  }) as never;
  const streamSetattr = streams.setattr!;
  streams.setattr = ((stream: EmscriptenStream, attr: { size?: number }) => {
    (streamSetattr as (...a: unknown[]) => void)(stream, attr);
    if (attr.size !== undefined) observer.truncated?.(path(stream.node), attr.size);
  }) as never;
  const rename = nodes.rename!;
  nodes.rename = ((node: EmscriptenNode, dir: EmscriptenNode, name: string) => {
    const from = path(node);
    (rename as (...a: unknown[]) => void)(node, dir, name);
    observer.renamed?.(from, join(path(dir), name));
  }) as never;
  for (const op of ['unlink', 'rmdir'] as const) {
    const remove = nodes[op]!;
    nodes[op] = ((dir: EmscriptenNode, name: string) => {
      (remove as (...a: unknown[]) => void)(dir, name);
      observer.removed?.(join(path(dir), name));
    }) as never;
  }
}

/**
 * Flushes every file and directory under `dir` (as initdb does when it finishes): PGlite writes a new
 * data directory from a tarball without flushing, so a fresh database is flushed once before use.
 */
export function flushTree(dir: string) {
  const root = resolve(dir);
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  visit(root);
}
