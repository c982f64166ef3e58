/** What ingest hands to extraction: decoded, validated input, one unit per page or crawled article. */

export type InputFormat = 'page' | 'jsonl';

/** A whole newspaper page dump: segmentation finds the articles in it. */
export interface PageUnit {
  kind: 'page';
  text: string;
  /** A page dump too long to read at once is read in sections (source-stream.ts): this one's place, from 1. */
  section?: number;
}

/** One crawled article from a JSON Lines file: already an article, though its text may still hold a byline. */
export interface RecordUnit {
  kind: 'record';
  /** 1-based line number in the file, for error messages and stable ids. */
  line: number;
  id?: string;
  title?: string;
  /** Publication date as given by the record, normalised to YYYY-MM-DD or a prefix of it (src/ingest/dates.ts). */
  date?: string;
  source?: string;
  home?: string;
  text: string;
}

export type SourceUnit = PageUnit | RecordUnit;

export interface SourceDocument {
  /** The path as the user gave it. */
  path: string;
  /** The file name, as the extraction's `document`. */
  name: string;
  format: InputFormat;
  /** The detected encoding, e.g. UTF-8, GB18030. */
  encoding: string;
  units: SourceUnit[];
}

/** A problem with one file or one line of it; the file and line are always named. */
export interface InputProblem {
  path: string;
  line?: number;
  message: string;
  /** The record was still read (e.g. without a date it could not read): the file has not failed. */
  warning?: boolean;
}

/** Reading a file gives a document (possibly with some bad lines skipped), or only problems. */
export interface ReadResult {
  document: SourceDocument | null;
  problems: InputProblem[];
}
