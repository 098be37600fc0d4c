/** Typed or pasted text as a one-line field takes it: line breaks and tabs become spaces, other control characters go. */
export function typedText(text: string): string {
  return text.replace(/[\r\n\t]+/gu, ' ').replace(/\p{Cc}/gu, '');
}
