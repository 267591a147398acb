import { errorText } from '../text';
import { readLedger, type ReadLedgerOptions } from './workbook';

/**
 * Reads a ledger off the main thread: SheetJS and the parse of a large workbook are the heavy
 * part of the project importer, and the page stays responsive while they run. Replies with the
 * sheet's grid, or the one-line message of why the file cannot be read.
 */
self.addEventListener(
  'message',
  (
    event: MessageEvent<{ name: string; bytes: Uint8Array; sheet?: string; headers?: string[] }>,
  ) => {
    const { name, bytes, sheet, headers } = event.data;
    const options: ReadLedgerOptions = {
      ...(sheet === undefined ? {} : { sheet }),
      headers: new Set(headers ?? []),
    };
    try {
      self.postMessage({ ok: true, grid: readLedger({ name, bytes }, options) });
    } catch (error) {
      self.postMessage({ ok: false, error: errorText(error) });
    }
  },
);
