/**
 * Control characters (C0, DEL, C1) as runs. A platform's text can hold an escape sequence that
 * would drive the terminal (move the cursor, rewrite the title, hide what follows), or a newline
 * that would break a table row or the one-line error format.
 */
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]+/g;

/** The text with every run of control characters turned into one space. */
export function withoutControlCharacters(text: string): string {
  return text.replace(controlCharacters, ' ');
}
