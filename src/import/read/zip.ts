import { unzipSync } from 'fflate';
import { ImportError, text } from '../text';
import { baseName } from './common';

/** Unzips an archive without the macOS resource forks beside each file, or says it is damaged. */
export function unzip(fileName: string, bytes: Uint8Array): Record<string, Uint8Array> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new ImportError(
      fileName,
      text(
        '压缩包无法读取，可能已损坏或不完整',
        'the archive cannot be read: it is damaged or truncated',
      ),
    );
  }
  return Object.fromEntries(
    Object.entries(entries).filter(
      ([name]) =>
        !name.startsWith('__MACOSX/') && !baseName(name).startsWith('._') && !name.endsWith('/'),
    ),
  );
}
