import { createHash } from 'node:crypto';

/** What the clipboard guard keeps of a copied text: its SHA-256, never the text in another place. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
