/** Re-rendering on a screen model's changes (the team drill's models notify without saying what changed). */
import { useEffect, useReducer } from 'react';

/** Re-renders whenever `subscribe`'s source notifies; `subscribe` returns its unsubscribe function. */
export function useModelVersion(source: { subscribe(fn: () => void): () => void }): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => source.subscribe(() => bump()), [source]);
  return version;
}
