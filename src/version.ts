/** The firedrill version, written into journals and scorecards. The build (and the test config) define it from package.json. */
declare const __FIREDRILL_VERSION__: string | undefined;

export const VERSION: string = typeof __FIREDRILL_VERSION__ === 'string' ? __FIREDRILL_VERSION__ : '0.0.0-dev';
