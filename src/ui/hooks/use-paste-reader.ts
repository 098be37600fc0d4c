import { useStdin } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPasteReader, type PasteEvent } from '../paste-reader.js';

/**
 * What the input event being handled is to a bracketed paste. Ink's useInput strips the ESC of
 * the paste's start and end (they would read as the text "[200~"), so the raw events are read
 * here, from Ink's input emitter, by a listener put before useInput's: for every event it runs
 * first, and the key handler then asks it.
 */
export function usePasteReader(): () => PasteEvent {
  const { internal_eventEmitter: events } = useStdin();
  const [reader] = useState(createPasteReader);
  const current = useRef<PasteEvent>({ kind: 'key' });
  useEffect(() => {
    const listener = (event: string) => {
      current.current = reader.read(event);
    };
    events.prependListener('input', listener);
    return () => {
      events.off('input', listener);
    };
  }, [events, reader]);
  return useCallback(() => current.current, []);
}
