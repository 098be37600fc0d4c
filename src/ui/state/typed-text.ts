/** Longest filter kept, typed or pasted (the list's and the pickers'): search terms, not documents. */
export const FILTER_TEXT_LIMIT = 256;

/** Typed or pasted text as a one-line field takes it: line breaks and tabs become spaces, other control characters go. */
export function typedText(text: string): string {
  return text.replace(/[\r\n\t]+/gu, ' ').replace(/\p{Cc}/gu, '');
}

/** `text` cut to at most `limit` UTF-16 units, never between the two halves of a surrogate pair. */
export function capText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

/** `field + typed` as the field takes it, at most `limit` long. */
export function appendTyped(field: string, typed: string, limit: number): string {
  if (field.length >= limit) return field;
  return capText(field + typedText(typed), limit);
}
