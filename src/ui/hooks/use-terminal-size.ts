/** The terminal's size, kept current as the window is resized. */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** Columns and rows of the terminal (80×24 when the stream does not say). */
export function useTerminalSize(): { cols: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
