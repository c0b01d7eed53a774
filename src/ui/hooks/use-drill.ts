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

/** The channel's lines: the store holds only what its client may see (the facilitator sees everyone's private lines too). */
export function useChannel(store: DrillStore): readonly ChannelLine[] {
  useStoreVersion(store);
  return store.lines;
}

/** Drill time in whole seconds: the component redraws on each tick of the store's clock (and on any change). */
export function useDrillSeconds(store: DrillStore): number {
  useStoreVersion(store);
  return useSyncExternalStore(store.subscribeClock, store.getSeconds);
}
