import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** What reading one of idc-tui's own files found: its bytes, no file, or why it was left unread. */
export type LocalRead = { kind: 'read'; bytes: Buffer; stats: Stats } | { kind: 'missing' } | { kind: 'skipped'; reason: string };

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a directory';
  return 'not a regular file';
}

/**
 * Reads a file idc-tui keeps for itself (its state, its code cache) only when it is a regular file
 * of at most maxBytes. The open does not block (a FIFO with no writer would hang a plain open) and
 * the checks are made on the open descriptor (fstat), so what is checked is what is read; a file
 * that grows meanwhile is read up to the size checked. `refuse` may turn it down on its stats.
 */
export function readRegularFile(path: string, maxBytes: number, refuse?: (stats: Stats) => string | undefined): LocalRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'skipped', reason: `cannot be opened (${code ?? String(err)})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'skipped', reason: `${kindOf(stats)}, not a regular file` };
    if (stats.size > maxBytes) return { kind: 'skipped', reason: `${stats.size} bytes, more than the ${maxBytes} allowed` };
    const refused = refuse?.(stats);
    if (refused !== undefined) return { kind: 'skipped', reason: refused };
    const bytes = Buffer.allocUnsafe(stats.size);
    let length = 0;
    while (length < bytes.length) {
      const n = readSync(fd, bytes, length, bytes.length - length, length);
      if (n === 0) break;
      length += n;
    }
    return { kind: 'read', bytes: length === bytes.length ? bytes : bytes.subarray(0, length), stats };
  } catch (err) {
    return { kind: 'skipped', reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  } finally {
    closeSync(fd);
  }
}
