/** A whole-screen repaint: for Ctrl+L, and by itself after the terminal is resized. */
import { useStdout } from 'ink';
import { useCallback, useEffect } from 'react';

/** How long after the last resize event the screen is repainted: by then Ink has drawn the frame for the new size. */
export const RESIZE_REPAINT_MS = 120;

/**
 * Every row of the screen erased, from the top, with only the sequences Ink itself writes (no whole-screen erase:
 * the terminal-injection tests allow only Ink's own drawing sequences).
 */
export function eraseScreen(rows: number): string {
  return `\x1b[H${'\x1b[2K\x1b[1B'.repeat(Math.max(1, rows))}\x1b[H`;
}

/**
 * Returns a function that erases the terminal and draws the current frame again in full. Ink draws only the rows
 * that changed, relative to where it believes the cursor is; when something else moved the terminal under it
 * (another program's output, a terminal that rewraps or crops on resize) old text stays on screen until a full
 * redraw. Ink's own stdout write forgets what it drew, writes the erase, then draws the last frame whole. After a
 * resize this is a safeguard: xterm.js and tmux 3.3a showed no residue after a resize without it.
 */
export function useRepaint(): () => void {
  const { stdout, write } = useStdout();
  const repaint = useCallback(() => write(eraseScreen(stdout.rows || 24)), [stdout, write]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onResize = (): void => {
      clearTimeout(timer);
      timer = setTimeout(repaint, RESIZE_REPAINT_MS);
    };
    stdout.on('resize', onResize);
    return () => {
      clearTimeout(timer);
      stdout.off('resize', onResize);
    };
  }, [stdout, repaint]);
  return repaint;
}
