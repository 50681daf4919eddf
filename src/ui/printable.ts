/** Participant text made safe to print on one terminal line. */

const CONTROL = /[\u0000-\u001F\u007F]+/g;

/**
 * Control characters (CR, LF, ESC...) become one space: a name from a sign-up form must not forge
 * output lines or send terminal escape sequences.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, ' ');
}
