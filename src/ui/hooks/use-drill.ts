/** Narrow hooks over the drill store, so each component re-renders only for what it shows. */
import { useSyncExternalStore } from 'react';
import type { DrillView } from '../../engine/view/drill-view';
import type { ChannelLine } from '../channel';
import type { DrillStore } from '../drill-store';

/** Re-renders on every store change; returns the version. */
export function useStoreVersion(store: DrillStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}

/** The drill as the current viewer may see it. */
export function useView(store: DrillStore): DrillView {
  useStoreVersion(store);
  return store.view();
}

/** Channel lines visible to the local humans (their own private results and errors, everyone's public lines). */
export function useChannel(store: DrillStore): readonly ChannelLine[] {
  useStoreVersion(store);
  const local = new Set(store.speakers);
  return store.lines.filter((l) => !l.only || local.has(l.only));
}

/** Drill time in whole seconds; the store's ticker re-renders when it changes. */
export function useDrillSeconds(store: DrillStore): number {
  useStoreVersion(store);
  return Math.floor(store.client.now() / 1000);
}
