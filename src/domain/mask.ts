export interface MaskOptions {
  head?: number;
  tail?: number;
}

/**
 * `eyJhbG…Q0fA (1388 chars)`: enough to tell two tokens apart, not enough to use one.
 * Tokens too short to hide at least three quarters of are masked entirely.
 */
export function maskToken(token: string, { head = 6, tail = 4 }: MaskOptions = {}): string {
  const length = `(${token.length} chars)`;
  if (token.length < 4 * (head + tail)) return `•••••• ${length}`;
  return `${token.slice(0, head)}…${token.slice(token.length - tail)} ${length}`;
}
