/** Text folding shared by header mapping and cell normalising. */

const COMBINING = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’‘`´]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower-cases, strips accents and apostrophes, turns punctuation into single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(NON_WORD, ' ')
    .trim();
}

/** The words of `text` after folding. */
export function foldTokens(text: string): string[] {
  const folded = foldText(text);
  return folded ? folded.split(' ') : [];
}
