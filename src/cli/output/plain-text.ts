/**
 * Characters that drive a terminal rather than show as text: control characters (C0, DEL, C1),
 * the bidirectional controls (overrides, embeddings, isolates, marks) and the line and paragraph
 * separators. A platform's text can hold an escape sequence that would move the cursor, rewrite
 * the title or the clipboard (OSC), a newline that would break a table row or the one-line error
 * format, or a right-to-left override that shows an id or a number other than it is.
 */
const terminalControls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/** The same, less C0: what JSON.stringify leaves raw inside a string (it escapes C0 itself). */
const controlsJsonLeavesRaw = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One character as the escape JSON and JavaScript read back: `\u001b`. */
function escapeOf(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The text with every run of terminal controls turned into one space: for a table cell or a message line. */
export function withoutControlCharacters(text: string): string {
  return text.replace(terminalControls, ' ');
}

/** The text with every terminal control written as its `\uXXXX` escape: a CSV cell shown on a terminal. */
export function escapedControlCharacters(text: string): string {
  return text.replace(terminalControls, (run) => [...run].map(escapeOf).join(''));
}

/**
 * JSON text (from JSON.stringify) for a terminal: the controls it leaves raw inside strings
 * escaped, so that the text is still the same JSON and shows every character for what it is.
 */
export function jsonForTerminal(json: string): string {
  return json.replace(controlsJsonLeavesRaw, escapeOf);
}
