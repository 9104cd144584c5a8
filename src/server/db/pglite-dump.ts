/**
 * In-memory PGlite databases started from a dump of a data directory (the tests' migrated template,
 * a database kept across a test's restart). PGlite's own `loadDataDir` reads the tar again at every
 * start and looks every parent folder up again for each of its ~1,500 files (≈ 0.3 s of CPU a start);
 * here a dump is read once, and each start only creates its folders and copies its files.
 */
import { MemoryFS } from '@electric-sql/pglite';
import { gunzipSync } from 'node:zlib';

export interface DumpEntry {
  /** Inside the data directory, e.g. `base/5/1259`. */
  path: string;
  /** Undefined for a folder. */
  data?: Uint8Array;
}

const BLOCK = 512;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/\0.*$/s, '');

/** The entries of a tar (ustar, as PGlite writes it; gzipped or not): regular files and folders. */
export function readTar(archive: Uint8Array): DumpEntry[] {
  const bytes = archive[0] === 0x1f && archive[1] === 0x8b ? gunzipSync(archive) : archive;
  const entries: DumpEntry[] = [];
  for (let at = 0; at + BLOCK <= bytes.length;) {
    const header = bytes.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break; // the end-of-archive blocks
    const prefix = text(header.subarray(345, 500));
    const name = text(header.subarray(0, 100));
    const size = parseInt(text(header.subarray(124, 136)).trim() || '0', 8);
    const kind = String.fromCharCode(header[156]!);
    const path = `${prefix ? `${prefix}/` : ''}${name}`.replace(/^\/+|\/+$/g, '');
    at += BLOCK;
    if (kind === '0' || kind === '\0') entries.push({ path, data: bytes.subarray(at, at + size) });
    else if (kind === '5') entries.push({ path });
    else throw new Error(`unexpected entry of kind ${JSON.stringify(kind)} in a PGlite dump: ${path}`);
    at += Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

const readDumps = new WeakMap<Blob, Promise<DumpEntry[]>>();

/** A dump's entries, read once however many databases start from the same Blob. */
export function dumpEntries(dump: Blob): Promise<DumpEntry[]> {
  let entries = readDumps.get(dump);
  if (!entries) {
    entries = dump.arrayBuffer().then((buffer) => readTar(new Uint8Array(buffer)));
    readDumps.set(dump, entries);
  }
  return entries;
}

/** An in-memory file system whose data directory holds a copy of a dump's files when PGlite starts. */
export class MemoryFSFromDump extends MemoryFS {
  constructor(private readonly entries: DumpEntry[]) {
    super();
  }

  override async initialSyncFs(): Promise<void> {
    await super.initialSyncFs();
    const { FS, ENV } = this.pg!.Module;
    const dataDir = ENV.PGDATA!;
    const made = new Set<string>();
    const folder = (path: string) => {
      if (made.has(path)) return;
      FS.mkdirTree(path);
      made.add(path);
    };
    folder(dataDir);
    for (const { path, data } of this.entries) {
      const full = `${dataDir}/${path}`;
      if (!data) folder(full);
      else {
        folder(full.slice(0, full.lastIndexOf('/')));
        FS.writeFile(full, data); // copied: the dump stays as it is for the next database
      }
    }
  }
}
