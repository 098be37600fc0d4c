const stripAnsi = (text: string): string => text.replace(/\u001B\[[0-9;?]*[A-Za-z]/gu, '');

/** Polls lastFrame until predicate holds; fails with the last frame when it never does. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  predicate: (frame: string) => boolean,
  { timeout = 3000, what = 'the expected frame' }: { timeout?: number; what?: string } = {},
): Promise<string> {
  const start = Date.now();
  for (;;) {
    const frame = stripAnsi(lastFrame() ?? '');
    if (predicate(frame)) return frame;
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}. Last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function waitForText(lastFrame: () => string | undefined, text: string, timeout?: number): Promise<string> {
  return waitForFrame(lastFrame, (frame) => frame.includes(text), { timeout, what: JSON.stringify(text) });
}

/** Waits until a condition outside the frame holds (a call recorded by a fake, for example). */
export async function waitUntil(condition: () => boolean, what = 'the condition', timeout = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
