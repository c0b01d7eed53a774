/** Word wrapping for plain text (control sequences are already stripped) at a column width. */

/** Splits text into rows no wider than width (the first row `firstWidth`), breaking at spaces where it can. */
export function wrapText(text: string, width: number, firstWidth = width): string[] {
  if (width <= 0) return [text];
  const out: string[] = [];
  let rest = text;
  for (let w = Math.max(1, firstWidth); rest.length > w; w = width) {
    let cut = rest.lastIndexOf(' ', w);
    if (cut <= 0) cut = w;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, '');
  }
  out.push(rest);
  return out;
}
