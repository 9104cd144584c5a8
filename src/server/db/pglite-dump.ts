/**
 * In-memory PGlite databases started from a dump of a data directory (the tests' migrated template,
 * a database kept across a test's restart). PGlite's own `loadDataDir` reads the tar again at every
 * start and looks every parent folder up again for each of its ~1,500 files (≈ 0.3 s of CPU a start);
 * here a dump is read once, and each start only creates its folders and copies its files.
 */
import { MemoryFS } from '@electric-sql/pglite';

export interface DumpEntry {
  /** Inside the data directory, e.g. `base/5/1259`. */
  path: string;
  /** Undefined for a folder. */
  data?: Uint8Array;
}

const BLOCK = 512;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/\0.*$/s, '');

/** One entry of a tar (ustar: a 512-byte header, then the data padded to 512 bytes). */
export interface TarEntry {
  /** As written in the archive, e.g. `/base/5/1259`. */
  name: string;
  /** `0` a regular file, `5` a folder, … */
  kind: string;
  data: Uint8Array;
  /** The header, the data and its padding: the entry as it sits in the archive. */
  whole: Uint8Array;
}

/** The entries of a tar archive, in order, up to its end-of-archive blocks. */
export function* tarEntries(tar: Uint8Array): Generator<TarEntry> {
  for (let at = 0; at + BLOCK <= tar.length;) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) return;
    const prefix = text(header.subarray(345, 500));
    const name = `${prefix ? `${prefix}/` : ''}${text(header.subarray(0, 100))}`;
    const size = parseInt(text(header.subarray(124, 136)).trim() || '0', 8);
    const end = at + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const data = tar.subarray(at + BLOCK, at + BLOCK + size);
    yield { name, kind: String.fromCharCode(header[156]!), data, whole: tar.subarray(at, end) };
    at = end;
  }
}

/** The files and folders of a dump (an uncompressed tar, as `dumpDataDir('none')` writes it). */
export function readDump(tar: Uint8Array): DumpEntry[] {
  const entries: DumpEntry[] = [];
  for (const { name, kind, data } of tarEntries(tar)) {
    const path = name.replace(/^\/+|\/+$/g, '');
    if (kind === '0' || kind === '\0') entries.push({ path, data });
    else if (kind === '5') entries.push({ path });
    else throw new Error(`unexpected entry of kind ${JSON.stringify(kind)} in a PGlite dump: ${name}`);
  }
  return entries;
}

const readDumps = new WeakMap<Blob, Promise<DumpEntry[]>>();

/** A dump's entries, read once however many databases start from the same Blob. */
export function dumpEntries(dump: Blob): Promise<DumpEntry[]> {
  let entries = readDumps.get(dump);
  if (!entries) {
    entries = dump.arrayBuffer().then((buffer) => readDump(new Uint8Array(buffer)));
    readDumps.set(dump, entries);
  }
  return entries;
}

/** The parts of Emscripten's file system (PGlite's `Module`) that building a tree by hand needs. */
interface FsNode {
  contents: Uint8Array | null;
  usedBytes: number;
  stream_ops: { write: (stream: { node: FsNode }, ...rest: never[]) => number };
}
interface EmscriptenFs {
  FS: { mkdirTree(path: string): void; lookupPath(path: string): { node: FsNode } };
  MEMFS: { createNode(parent: FsNode, name: string, mode: number, dev: number): FsNode };
  ENV: { PGDATA?: string };
}
/** As FS.mkdir and FS.writeFile make them: rwx for all on a folder, rw on a file. */
const FOLDER_MODE = 0o40777;
const FILE_MODE = 0o100666;

/**
 * An in-memory file system whose data directory holds the files of a dump when PGlite starts. Its
 * nodes are made directly under their parent's node (no path look-up, open, write and close for each
 * of the ≈ 1,500 files), and a file's contents are a view of the dump's bytes until PostgreSQL first
 * writes to it: then it gets a copy of its own (MEMFS writes in place), so the dump stays as it is for
 * the next database. Filling the data directory: ≈ 116 ms → a few ms a start.
 */
export class MemoryFSFromDump extends MemoryFS {
  constructor(private readonly entries: DumpEntry[]) {
    super();
  }

  override async initialSyncFs(): Promise<void> {
    await super.initialSyncFs();
    const { FS, MEMFS, ENV } = this.pg!.Module as unknown as EmscriptenFs;
    const dataDir = ENV.PGDATA!;
    FS.mkdirTree(dataDir);
    const folders = new Map<string, FsNode>([['', FS.lookupPath(dataDir).node]]);
    const folder = (path: string): FsNode => {
      const known = folders.get(path);
      if (known) return known;
      const made = MEMFS.createNode(folder(parentOf(path)), nameOf(path), FOLDER_MODE, 0);
      folders.set(path, made);
      return made;
    };
    let copyOnWrite: FsNode['stream_ops'] | undefined;
    for (const { path, data } of this.entries) {
      if (!data) {
        folder(path);
        continue;
      }
      const file = MEMFS.createNode(folder(parentOf(path)), nameOf(path), FILE_MODE, 0);
      file.contents = data;
      file.usedBytes = data.length;
      copyOnWrite ??= copyingOnFirstWrite(file.stream_ops);
      file.stream_ops = copyOnWrite;
    }
  }
}

/** MEMFS's file operations, but a write first gives a file still showing the dump a copy of its own. */
function copyingOnFirstWrite(ops: FsNode['stream_ops']): FsNode['stream_ops'] {
  const own = new WeakSet<FsNode>();
  return {
    ...ops,
    write(stream, ...rest) {
      const { node } = stream;
      if (!own.has(node)) {
        node.contents = node.contents?.slice(0, node.usedBytes) ?? null;
        own.add(node);
      }
      return ops.write(stream, ...rest);
    },
  };
}

/** `base/5` of `base/5/1259`; '' (the data directory) of `PG_VERSION`. */
const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
