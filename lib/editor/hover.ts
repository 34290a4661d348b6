/** Hover docs for NetworkPolicy fields: the field path, its type and the API reference's meaning. */
import { keyAt } from './yaml-context';
import { findSchemaNode, formatSchemaPath } from './np-schema';

/** A hover card's content and the span it describes. */
export type HoverDoc = { from: number; to: number; title: string; kind: string; doc: string; values?: string[] };

/** The doc for the field whose key (or value) is at `offset`; null off a known field. */
export function hoverAt(text: string, offset: number): HoverDoc | null {
  const at = keyAt(text, offset);
  if (!at) return null;
  const node = findSchemaNode(at.path);
  if (!node) return null;
  const values = node.values ?? (node.kind === 'array' ? node.items?.values : undefined);
  return { from: at.from, to: at.to, title: formatSchemaPath(at.path), kind: node.kind, doc: node.doc, values };
}
