// Ink reads CI and CONTINUOUS_INTEGRATION once, when it is imported, and then draws only a final frame. The CLI
// hides them while it loads the UI (src/cli/import-ui.ts); tests that mount Ink in-process stand in for that
// checked terminal, so they hide them too. A CI machine sets CI=true: without this, those tests see no frames.
// The e2e tests that start the CLI with the variables set say so themselves.
for (const k of ['CI', 'CONTINUOUS_INTEGRATION']) delete process.env[k];
