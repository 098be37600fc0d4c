import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TerminalSize {
  rows: number;
  columns: number;
}

const FALLBACK: TerminalSize = { rows: 24, columns: 80 };

/** The terminal's size, following resizes; fixed values win (tests, or a caller that knows better). */
export function useTerminalSize(rows?: number, columns?: number): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({ rows: stdout.rows || FALLBACK.rows, columns: stdout.columns || FALLBACK.columns });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return { rows: rows ?? size.rows, columns: columns ?? size.columns };
}
