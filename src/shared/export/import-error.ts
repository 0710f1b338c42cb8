/**
 * Why a file cannot be imported, at which line. The import stores codes and details, not
 * sentences: the page that shows the problem words it in the reader's language
 * (ui/settings/import-words.ts); the detail is the record's own words (a field path and what
 * was wrong with it), shown as it is.
 */
export type ImportProblem =
  /** The first line is not an Engram export header (another file, or no header). */
  | 'not-export'
  /** An Engram export of a format version this Engram does not read. */
  | 'wrong-version'
  /** The bytes are not UTF-8 text. */
  | 'not-utf8'
  /** A line longer than any record can be. */
  | 'line-too-long'
  /** A line that is not JSON. */
  | 'not-json'
  /** A JSON line that is not a valid record (a missing field, a wrong type, an unknown type). */
  | 'bad-record'
  /** A record of a type out of its place (a link before the sources, a setting after them). */
  | 'out-of-order'
  /** A second source with an id already in the file. */
  | 'duplicate'
  /** A link or message naming a source or conversation that the file does not hold. */
  | 'dangling'
  /** A setting Engram does not export, or one whose value it refuses. */
  | 'bad-setting'
  /** The file ends before its end record, or in the middle of a line. */
  | 'truncated'
  /** The end record's counts differ from the records read. */
  | 'count-mismatch'
  /** Lines after the end record. */
  | 'after-end'
  /** The file holds no line at all. */
  | 'empty';

export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly problem: ImportProblem,
    /** The line the problem is on (1-based). */
    readonly line: number,
    readonly detail = '',
  ) {
    super(`line ${line}: ${problem}${detail ? ` (${detail})` : ''}`);
  }
}
