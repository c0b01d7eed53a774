/** Cues on the drill screen beyond its text: who speaks now after Ctrl+N, and the bell when a seat here is paged. */
import { useEffect, useRef, useState } from 'react';
import type { DrillStore } from '../drill-store';
import { pagesOneOf } from '../page-cues';

/** How long "Now speaking: …" stays up after the speaker changes: long enough to read, short enough not to linger. */
export const SPEAKER_BANNER_MS = 2500;

/**
 * "Now speaking: bob (scribe)" for a moment after the speaker changes (hot-seat's Ctrl+N), else undefined. The prompt
 * alone was too quiet: a player announced themselves as IC while the keyboard was someone else's.
 */
export function useSpeakerBanner(store: DrillStore, ms = SPEAKER_BANNER_MS): string | undefined {
  const speaker = store.speaker;
  const last = useRef(speaker);
  const [shown, setShown] = useState<{ readonly speaker: string; readonly text: string }>();
  useEffect(() => {
    if (last.current === speaker) return undefined;
    last.current = speaker;
    setShown({ speaker, text: `Now speaking: ${speaker} (${store.displayRole(speaker)})` });
    const id = setTimeout(() => setShown(undefined), ms);
    return () => clearTimeout(id);
  }, [speaker, store, ms]);
  return shown?.speaker === speaker ? shown.text : undefined;
}

/**
 * Calls `ring` once for each batch of new events that pages a player at this terminal (an alert's notification or
 * a page to the call). Events the screen caught up on when it opened (a reconnect) do not ring: they are old news.
 */
export function usePageBell(store: DrillStore, ring: (() => void) | undefined): void {
  const seen = useRef(store.events.length);
  useEffect(() => {
    const from = seen.current;
    seen.current = store.events.length;
    if (!ring) return;
    for (let i = from; i < store.events.length; i++) {
      if (pagesOneOf(store.events[i]!, store.speakers)) {
        ring();
        return;
      }
    }
  });
}
