/**
 * The one rule for a person's name in a drill, wherever it comes from (`run --as`, an SSH user name, a drill
 * script): a letter, then letters, combining marks, digits, - or _, at most PERSON_NAME_MAX characters. Any
 * script's letters count (Zoë, Søren, 李雷, Анна), so nobody has to misspell themselves to play.
 *
 * The limits are what the rest of the program relies on: a name is drawn on screens, so it holds no control,
 * format or invisible character (nothing that could move the cursor or reorder a line); it is @mentioned and
 * parsed in commands, so it holds no space or punctuation that would end a mention or an argument early (the
 * command grammar's MENTION_GOES_ON_RE accepts exactly these characters); and it is compared without case.
 */

/** The most characters (code points) a name may have: room for a full first name, never a paragraph. */
export const PERSON_NAME_MAX = 32;

// A letter first (not a digit, "-" or "_": "-x" reads as a flag, "5" as a time); a mark only after a base character.
const NAME_RE = /^\p{L}[\p{L}\p{M}\p{Nd}_-]*$/u;

/** The name as it is kept: Unicode NFC, so "Zoë" typed as e + combining diaeresis is the same person as "Zoë". */
export function normalizePersonName(name: string): string {
  return name.normalize('NFC');
}

/** Why a name cannot be used (one short phrase to follow "the name"), or undefined when it can. Checks the NFC form. */
export function personNameProblem(name: string): string | undefined {
  const n = normalizePersonName(name);
  if (n === '') return 'is empty';
  if ([...n].length > PERSON_NAME_MAX) return `is longer than ${PERSON_NAME_MAX} characters`;
  if (!NAME_RE.test(n)) return 'must be one word: a letter, then letters, digits, - or _';
  return undefined;
}

/** Whether a name may be used in a drill (see personNameProblem). */
export function isPersonName(name: string): boolean {
  return personNameProblem(name) === undefined;
}

/** The key two names are compared by: NFC and lower case ("Zoë" and "ZOË" are one person). */
export function personNameKey(name: string): string {
  return normalizePersonName(name).toLowerCase();
}

/** How the rule is explained to a person, after what they gave. */
export const PERSON_NAME_RULE = `a name is one word: a letter, then letters, digits, - or _ (any alphabet), at most ${PERSON_NAME_MAX} characters`;
