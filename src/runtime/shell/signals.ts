/** Control flow of the shell, thrown through the generator stack and caught where it ends. */

/** `exit N` (also ends subshells and command substitutions at their boundary). */
export class ExitSignal extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}
/** `break N` / `continue N`. */
export class LoopSignal extends Error {
  readonly kind: "break" | "continue";
  levels: number;
  constructor(kind: "break" | "continue", levels: number) {
    super(kind);
    this.kind = kind;
    this.levels = levels;
  }
}
/** `return N` from a function or a `.` script. */
export class ReturnSignal extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}
