import { mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What {@link writeFileAtomically} did: written, or one line saying why not. */
export type WriteOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};

/**
 * Writes `data` to `path` so that the file is either the old one or the whole new one, never
 * a part: into a temporary file in the same folder (so the rename stays on one file system),
 * then renamed over the target. A failure leaves the target as it was and says so in one line
 * naming the path, never with a stack trace.
 */
export function writeFileAtomically(path: string, data: string | Uint8Array): WriteOutcome {
  const failed = (error: unknown): WriteOutcome => {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return { ok: false, message: `${path}: not written — ${REASONS[code] ?? String(error)}` };
  };
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return failed({ code: 'EISDIR' });
  } catch (error) {
    return failed(error);
  }
  let tempDir: string;
  try {
    tempDir = mkdtempSync(join(dirname(path), `.${basename(path)}.`));
  } catch (error) {
    return failed(error);
  }
  const temp = join(tempDir, basename(path));
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
    return { ok: true };
  } catch (error) {
    return failed(error);
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}
