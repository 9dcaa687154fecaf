/**
 * A number as a platform spells it: digits, maybe a leading +, spaces, dashes, dots, parentheses.
 * Excel reads "0212345678" as 212345678 and "+82 2-1234-5678" as a formula.
 */
const numberLike = /^\+?[0-9][0-9 ().-]*$/;

/** Digits Excel keeps exactly: a longer run (an id, say) loses its last digits to floating point. */
const exactDigits = 15;

/** What starts a formula in a spreadsheet: a cell starting so could run one a platform's user wrote. */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A CSV cell written for Excel, LibreOffice and Google Sheets. A number that would lose its
 * leading zero, its + or its last digits becomes the formula ="0212345678", which they show as the
 * text 0212345678. Any other text that would start a formula is prefixed with an apostrophe,
 * which they show as the text itself.
 */
export function spreadsheetCell(value: string): string {
  if (numberLike.test(value)) {
    const digits = value.replace(/\D/g, '');
    const wouldChange = value.startsWith('0') || value.startsWith('+') || /[^0-9]/.test(value) || digits.length > exactDigits;
    return wouldChange ? `="${value}"` : value;
  }
  return formulaStart.test(value) ? `'${value}` : value;
}
