/** Error classes and the exit-code policy shared by every command. */

export const ExitCode = {
  ok: 0,
  problems: 1,
  usage: 2,
  internal: 3,
  locked: 4,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Where a message points: the cell a person must look at. */
export interface Location {
  file?: string;
  sheet?: string;
  /** Row number as Excel or a text editor shows it (1-based, header included). */
  row?: number;
  /** Header text of the column, as the user wrote it. */
  column?: string;
}

/** Formats a location as `file, sheet S, row 4, column "Email"`. */
export function formatLocation(loc: Location): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.sheet) parts.push(`sheet "${loc.sheet}"`);
  if (loc.row !== undefined) parts.push(`row ${loc.row}`);
  if (loc.column !== undefined) parts.push(`column "${loc.column}"`);
  return parts.join(', ');
}

/** Base class: a one-line message for a person, plus an exit code. */
export class MentorError extends Error {
  readonly exitCode: ExitCode;
  readonly hint?: string;
  constructor(message: string, exitCode: ExitCode, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = hint;
  }
  /** The single line shown to the user. */
  toLine(): string {
    return this.hint ? `${this.message}. ${this.hint}` : this.message;
  }
}

/** Bad flags or arguments, missing program folder, invalid config: could not run (exit 2). */
export class UsageError extends MentorError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint);
  }
}

/** A file that cannot be read or understood (exit 2), pointing at file/sheet/row/column. */
export class InputError extends MentorError {
  readonly location: Location;
  constructor(message: string, location: Location = {}, hint?: string) {
    super(message, ExitCode.usage, hint);
    this.location = location;
  }
  override toLine(): string {
    const where = formatLocation(this.location);
    const head = where ? `${where}: ${this.message}` : this.message;
    return this.hint ? `${head}. ${this.hint}` : head;
  }
}

/** The program folder is locked by another running command (exit 4). */
export class LockError extends MentorError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.locked, hint);
  }
}

/** The command ran but found problems the user asked to treat as failure (exit 1). */
export class ProblemsError extends MentorError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.problems, hint);
  }
}

/**
 * The command ran to the end and has already reported its problems (e.g. rejected rows): exit 1
 * with no further message.
 */
export class ProblemsReported extends MentorError {
  constructor(summary: string) {
    super(summary, ExitCode.problems);
  }
}

/** A bug in mentor-cli (exit 3). */
export class InternalError extends MentorError {
  constructor(message: string) {
    super(
      message,
      ExitCode.internal,
      'This is a bug in mentor-cli; rerun with --debug and report it',
    );
  }
}
