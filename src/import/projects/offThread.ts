import { ImportError, text, type Text } from '../text';
import type { LedgerFile, SheetGrid } from './workbook';

/**
 * Reads a ledger in a Web Worker (./worker.ts, which alone loads SheetJS); where a worker cannot
 * start (an old browser, the component tests' jsdom), on this thread from a lazily loaded chunk.
 * Rejects with an {@link ImportError} naming the file and the problem.
 */
export function readLedgerOffMainThread(
  file: LedgerFile,
  options: { readonly sheet?: string; readonly headers?: readonly string[] } = {},
): Promise<SheetGrid> {
  const onMainThread = async (): Promise<SheetGrid> => {
    const { readLedger } = await import('./workbook');
    return readLedger(file, {
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
      headers: new Set(options.headers ?? []),
    });
  };
  if (typeof Worker === 'undefined') return onMainThread();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return onMainThread();
  }
  type Reply = { ok: true; grid: SheetGrid } | { ok: false; error: Text };
  return new Promise<SheetGrid>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<Reply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.grid);
      else reject(new ImportError(file.name, stripName(file.name, event.data.error)));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(onMainThread());
    });
    worker.postMessage({
      name: file.name,
      bytes: file.bytes,
      sheet: options.sheet,
      headers: [...(options.headers ?? [])],
    });
  });
}

/** The worker's message already names the file: take the name off, ImportError adds it back. */
function stripName(name: string, message: Text): Text {
  const strip = (line: string, separator: string): string =>
    line.startsWith(`${name}${separator}`) ? line.slice(name.length + separator.length) : line;
  return text(strip(message.zh, '：'), strip(message.en, ': '));
}
