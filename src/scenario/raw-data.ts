/** Readers for YAML data the schema may have rejected: each returns an empty or undefined value for the wrong shape. */

export type Rec = Record<string, unknown>;

/** Whether a value is a mapping (not null, not a list). */
export const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
/** The items of a list, or none. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** The entries of a mapping, or none. */
export const entries = (v: unknown): [string, unknown][] => (isRec(v) ? Object.entries(v) : []);
/** The value if it is a string. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
