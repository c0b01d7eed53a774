/** The firedrill version, written into journals and scorecards. */
export const VERSION = '0.1.0';
