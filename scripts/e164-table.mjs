// Generates src/core/kit/e164-table.generated.ts from the installed libphonenumber-js metadata ("min", the
// set the SDK loads): for every calling code, the national-number lengths and leading digits for which
// the library, given "+<calling code><national number>", answers that very string as a possible number.
// The SDK then takes such a number as it is, without loading the library.
//   node scripts/e164-table.mjs          prints whether the committed table is current
//   node scripts/e164-table.mjs --write  rewrites it
// test/core/e164-fast-path.test.ts regenerates the table from the installed library and compares, so an
// update of libphonenumber-js that changes the answer fails the tests until the table is rewritten.
//
// Why the answer is the input itself (libphonenumber-js 1.x, parse.js with v2): the calling code is the
// shortest prefix the metadata knows; the national prefix for parsing of the code's main region is
// stripped only where its pattern matches at the start, so a leading digit no non-empty match can begin
// with leaves the number whole; the national number must be 2 to 17 digits; and "possible" compares its
// length with the possible lengths of the region the library picks, so only lengths possible in every
// region sharing the code are listed. The first digits a pattern can match are computed below by a
// small parser that over-approximates (it treats `$` as empty) and refuses any construct it does not
// know, which leaves that calling code to the library.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Metadata } = require('libphonenumber-js/core');
const metadataJson = require('libphonenumber-js/min/metadata');

const minNationalLength = 2;
const maxNationalLength = 17;
const allDigits = '0123456789';

export const tablePath = fileURLToPath(new URL('../src/core/kit/e164-table.generated.ts', import.meta.url));

/**
 * The first characters of the non-empty strings a pattern matches, and whether it matches the empty
 * string. Over-approximates; throws on a construct it does not model.
 */
export function firstDigits(pattern) {
  let position = 0;
  const peek = () => pattern[position];
  const take = () => pattern[position++];

  function alternation() {
    const result = sequence();
    while (peek() === '|') {
      take();
      const next = sequence();
      result.first = new Set([...result.first, ...next.first]);
      result.empty ||= next.empty;
    }
    return result;
  }
  function sequence() {
    let result = { first: new Set(), empty: true };
    while (position < pattern.length && peek() !== '|' && peek() !== ')') {
      const item = quantified();
      if (result.empty) result = { first: new Set([...result.first, ...item.first]), empty: item.empty };
    }
    return result;
  }
  function quantified() {
    const item = atom();
    for (;;) {
      const next = peek();
      if (next === '?' || next === '*') {
        take();
        item.empty = true;
      } else if (next === '+') {
        take();
      } else if (next === '{') {
        const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(position));
        if (!match) throw new Error(`unsupported quantifier in ${pattern}`);
        position += match[0].length;
        if (Number(match[1]) === 0) item.empty = true;
        if (match[3] === '0') item.first = new Set();
      } else return item;
    }
  }
  function atom() {
    const next = take();
    if (/\d/.test(next)) return { first: new Set([next]), empty: false };
    if (next === '$' || next === '^') return { first: new Set(), empty: true };
    if (next === '\\') {
      if (take() === 'd') return { first: new Set(allDigits), empty: false };
      throw new Error(`unsupported escape in ${pattern}`);
    }
    if (next === '[') {
      const end = pattern.indexOf(']', position);
      const body = pattern.slice(position, end);
      position = end + 1;
      if (end < 0 || body.startsWith('^') || !/^(\d(-\d)?|\\d)+$/.test(body)) throw new Error(`unsupported class in ${pattern}`);
      const first = new Set();
      for (const [, from, to] of body.replace(/\\d/g, '0-9').matchAll(/(\d)(?:-(\d))?/g)) {
        for (let digit = Number(from); digit <= Number(to ?? from); digit++) first.add(String(digit));
      }
      return { first, empty: false };
    }
    if (next === '(') {
      if (pattern.startsWith('?:', position)) position += 2;
      else if (peek() === '?') throw new Error(`unsupported group in ${pattern}`);
      const inner = alternation();
      if (take() !== ')') throw new Error(`unbalanced group in ${pattern}`);
      return inner;
    }
    throw new Error(`unsupported character ${JSON.stringify(next)} in ${pattern}`);
  }

  const result = alternation();
  if (position !== pattern.length) throw new Error(`unparsed rest in ${pattern}`);
  return result;
}

/** One row per calling code: the leading digits and national lengths taken as they are (both may be empty). */
export function buildE164Table() {
  const metadata = new Metadata(metadataJson);
  const rows = [];
  const codes = [...Object.keys(metadataJson.country_calling_codes), ...Object.keys(metadataJson.nonGeographic ?? {})];
  for (const code of [...new Set(codes)].sort((a, b) => a.length - b.length || a.localeCompare(b))) {
    const regions = metadataJson.country_calling_codes[code];
    let leads = '';
    let lengths = [];
    // Non-geographic codes (+800, +979, ...) select their numbering plan by another path: left to the library.
    if (regions) {
      metadata.selectNumberingPlan(code);
      const prefixForParsing = metadata.numberingPlan.nationalPrefixForParsing();
      let unsafe = new Set();
      try {
        if (prefixForParsing) unsafe = firstDigits(prefixForParsing).first;
      } catch {
        unsafe = new Set(allDigits);
      }
      leads = [...allDigits].filter((digit) => !unsafe.has(digit)).join('');
      const perRegion = regions.map((region) => {
        metadata.selectNumberingPlan(region);
        return metadata.numberingPlan.possibleLengths() ?? [];
      });
      lengths = perRegion[0].filter(
        (length) =>
          length >= minNationalLength && length <= maxNationalLength && perRegion.every((possible) => possible.includes(length)),
      );
    }
    rows.push(`${code}/${leads}/${lengths.map((length) => length.toString(36)).join('')}`);
  }
  return rows.join(';');
}

/** The TypeScript module holding the table. */
export function renderE164TableModule(table = buildE164Table()) {
  return [
    '// Generated by scripts/e164-table.mjs from the libphonenumber-js metadata ("min"); do not edit.',
    `// libphonenumber-js ${require('libphonenumber-js/package.json').version}.`,
    '// Rows "<calling code>/<leading digits of the national number>/<national lengths, base 36>", separated by ";".',
    '',
    '/** Where libphonenumber-js answers "+<calling code><national number>" with that very string. */',
    `export const e164AsIsTable = ${JSON.stringify(table)};`,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = renderE164TableModule();
  let current = '';
  try {
    current = readFileSync(tablePath, 'utf8');
  } catch {}
  if (process.argv.includes('--write')) {
    writeFileSync(tablePath, wanted);
    process.stdout.write(`written: ${tablePath}\n`);
  } else {
    process.stdout.write(current === wanted ? 'the E.164 table is current\n' : 'the E.164 table is out of date: run with --write\n');
    if (current !== wanted) process.exitCode = 1;
  }
}
