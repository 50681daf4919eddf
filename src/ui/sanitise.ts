/**
 * The one sanitiser every human-readable line passes through (Output applies it): participant text
 * can hold terminal escape sequences (clear screen, window title, hyperlinks, cursor moves) or
 * control characters, and none of them may reach the terminal. Only plain colour sequences (SGR,
 * `ESC [ ... m`) survive, and only when colour is on: they are what ui/ itself writes.
 */

const OSC = /\u001b\][\s\S]*?(?:\u0007|\u001b\\|$)/g;
const STRING_SEQ = /\u001b[P^_X][\s\S]*?(?:\u001b\\|$)/g;
const CSI = /\u001b\[[0-?]*[ -/]*[@-~]?/g;
const CSI_8BIT = /\u009b[0-?]*[ -/]*[@-~]?/g;
const SGR = /^\u001b\[[0-9;]*m$/;
const OTHER_ESC = /\u001b[ -/]*[0-~]?/g;
// C0 controls but tab and line feed, DEL, and the 8-bit C1 controls (U+009B is a CSI on its own).
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` safe for a terminal; `keepColour` keeps plain SGR colour sequences. */
export function sanitiseForTerminal(text: string, keepColour: boolean): string {
  if (!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text)) return text;
  return text
    .replace(/\r\n/g, '\n')
    .replace(OSC, '')
    .replace(STRING_SEQ, '')
    .replace(CSI, (seq) => (keepColour && SGR.test(seq) ? seq : ''))
    .replace(CSI_8BIT, '')
    .replace(OTHER_ESC, (seq) => (seq.startsWith('\u001b[') ? seq : ''))
    .replace(CONTROLS, (ch) => (ch === '\u001b' && keepColour ? ch : ''));
}
