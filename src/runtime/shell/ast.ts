/**
 * The shell's syntax tree (POSIX sh grammar, the subset busybox ash scripts in the course use).
 * Words keep their quoting structure so expansion can decide what is split and globbed.
 */

export type WordPart =
  /** Unquoted text: subject to field splitting (when it came from an expansion) and globbing. */
  | { type: "lit"; text: string }
  /** Text that was quoted or backslash-escaped: taken verbatim. */
  | { type: "qlit"; text: string }
  /** "…": its inner parts are expanded but never split or globbed. */
  | { type: "dq"; parts: WordPart[] }
  | {
      type: "param";
      name: string;
      op?: ParamOp;
      arg?: Word;
      length?: boolean;
      /** bash arrays: `${name[i]}` (an arithmetic word), `${name[@]}` / `${name[*]}`. */
      index?: Word | "@" | "*";
    }
  | { type: "cmdsub"; script: string }
  | { type: "arith"; expr: Word };

export type ParamOp = ":-" | "-" | ":=" | "=" | ":+" | "+" | ":?" | "?" | "#" | "##" | "%" | "%%";

export interface Word {
  parts: WordPart[];
}

export type RedirectOp = ">" | ">>" | "<" | ">&" | "<&" | "<<" | "<<-" | "<>" | ">|";

export interface Redirect {
  fd: number;
  op: RedirectOp;
  /** File name, fd number (for >& <&), or the here-document body. */
  target: Word;
}

export interface Assignment {
  name: string;
  value: Word;
  /** bash: `name=(a b c)` assigns an array (its words are expanded and split). */
  array?: Word[];
  /** bash: `name[i]=value` sets one element (an arithmetic word). */
  index?: Word;
}

export interface SimpleCommand {
  type: "simple";
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
  line: number;
}

export interface IfCommand {
  type: "if";
  clauses: { cond: List; body: List }[];
  elseBody?: List;
  redirects: Redirect[];
}

export interface LoopCommand {
  type: "while" | "until";
  cond: List;
  body: List;
  redirects: Redirect[];
}

export interface ForCommand {
  type: "for";
  name: string;
  /** Absent: iterate over "$@". */
  items?: Word[];
  body: List;
  redirects: Redirect[];
}

export interface CaseCommand {
  type: "case";
  subject: Word;
  arms: { patterns: Word[]; body: List }[];
  redirects: Redirect[];
}

export interface GroupCommand {
  type: "group" | "subshell";
  body: List;
  redirects: Redirect[];
}

export interface FunctionDef {
  type: "function";
  name: string;
  body: Command;
  redirects: Redirect[];
}

export type Command =
  SimpleCommand | IfCommand | LoopCommand | ForCommand | CaseCommand | GroupCommand | FunctionDef;

export interface Pipeline {
  bang: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
  background: boolean;
}

export type List = AndOr[];
