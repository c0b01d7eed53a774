/** Everything `firedrill run` needs from the UI, as one import that can start loading early. */
export { runApp } from './run-app';
export { DrillStore } from './drill-store';
export { createTheme } from './theme';
