/** Any half of a surrogate pair: text beyond the Basic Multilingual Plane (emoji, for example). */
const SURROGATE = /[\ud800-\udfff]/;

/** Text in lines of at most `size` code points (at least one), never splitting a surrogate pair; none for ''. */
export function chunkText(text: string, size: number): string[] {
  const width = Math.max(1, Math.floor(size) || 1);
  const lines: string[] = [];
  if (!SURROGATE.test(text)) {
    for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
    return lines;
  }
  const points = Array.from(text);
  for (let i = 0; i < points.length; i += width) lines.push(points.slice(i, i + width).join(''));
  return lines;
}
