import stringWidth from 'string-width';

/**
 * How many terminal columns a text takes: two for Hangul, CJK and emoji, one for an emoji ZWJ
 * sequence drawn as one picture, none for a combining accent. string-width follows Unicode's East
 * Asian Width and grapheme clusters, which a list of code point ranges cannot.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Pads a text with spaces to a display width. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

const ellipsis = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The text cut to at most `width` columns, an ellipsis marking the cut. Cut between grapheme
 * clusters, so that no accent loses its letter and no emoji sequence is split.
 */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const segmentWidth = displayWidth(segment);
    if (used + segmentWidth > width - 1) break;
    kept += segment;
    used += segmentWidth;
  }
  return kept + ellipsis;
}
