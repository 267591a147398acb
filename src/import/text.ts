import type { Bilingual } from '../data/schema';

/**
 * Messages of the importer, in both UI languages: the panel shows the reader's language, the
 * command line prints the English. Kept beside the code that raises them, because each one names
 * the file and the problem in words that only that code knows.
 */
export type Text = Bilingual;

/** A message in Chinese and English. */
export function text(zh: string, en: string): Text {
  return { zh, en };
}

/**
 * Why a file cannot be imported. It always names the file, says what is wrong and, where it
 * can, what to do; nothing has been changed when it is thrown.
 */
export class ImportError extends Error {
  /** The message in both languages; `message` is the English one. */
  readonly text: Text;

  constructor(fileName: string, problem: Text) {
    const full = fileName
      ? text(`${fileName}：${problem.zh}`, `${fileName}: ${problem.en}`)
      : text(problem.zh, problem.en);
    super(full.en);
    this.name = 'ImportError';
    this.text = full;
  }
}

/** The error's message in both languages, whatever was thrown. */
export function errorText(error: unknown): Text {
  if (error instanceof ImportError) return error.text;
  const message = error instanceof Error ? error.message : String(error);
  return text(message, message);
}

/** "3 points" / "1 point": English counts; Chinese needs no plural. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
