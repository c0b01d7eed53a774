/** The body of a drill screen: the channel, the divider and the role panel, or one channel entry in full. */
import { Box } from 'ink';
import { memo } from 'react';
import type { DrillStore } from '../drill-store';
import type { Layout } from '../layout';
import type { Theme } from '../theme';
import { Channel } from './Channel';
import { DetailView } from './DetailView';
import { Divider } from './Divider';
import { RolePanel } from './RolePanel';

// They read the store through their own hooks, so they redraw only when it changes: a keystroke on the command
// line does not redraw the channel and the panel (a team host draws twenty screens from one thread).
const StoreChannel = memo(Channel);
const StorePanel = memo(RolePanel);

interface Props {
  readonly store: DrillStore;
  readonly theme: Theme;
  readonly layout: Layout;
  /** Rows scrolled back from the newest. */
  readonly scroll: number;
  /** The channel entry open in full (an index into the store's lines), if any. */
  readonly detail: number | undefined;
  readonly onDetail: (index: number | undefined) => void;
}

/** The channel beside the panel, or the entry open in full. */
export function ChannelBody({ store, theme, layout, scroll, detail, onDetail }: Props) {
  if (detail !== undefined) {
    return <DetailView store={store} index={detail} theme={theme} cols={layout.cols} rows={layout.bodyRows} onSelect={onDetail} onClose={() => onDetail(undefined)} />;
  }
  return (
    <Box height={layout.bodyRows}>
      <StoreChannel store={store} theme={theme} cols={layout.channelCols} rows={layout.bodyRows} scroll={scroll} />
      <Divider theme={theme} rows={layout.bodyRows} />
      <StorePanel store={store} theme={theme} cols={layout.panelCols} rows={layout.bodyRows} />
    </Box>
  );
}
