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
