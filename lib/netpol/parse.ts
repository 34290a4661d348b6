import type { ParseOptions, ParseResult } from './types';

/** Parses YAML text (multi-document, Lists unpacked) into plain objects with field positions. */
export function parseDocuments(text: string, opts: ParseOptions = {}): ParseResult {
  void text; void opts;
  throw new Error('not implemented');
}
