import type { FileSystem } from "../types.ts";
import type { Gen } from "./effects.ts";
import type { Word, WordPart } from "./ast.ts";
import { glob, hasGlobChars, quotePattern, removeAffix } from "./pattern.ts";

/**
 * Word expansion (POSIX 2.6): parameters, command substitution, arithmetic, then field
 * splitting on IFS and pathname expansion, then quote removal. It is a generator because a
 * command substitution runs commands that may sleep.
 */

/** Raised for expansion errors that abort the shell (`${x:?}`, `set -u`, bad arithmetic). */
export class ExpansionError extends Error {}

export interface ExpandHost {
  /** A variable or special parameter (`?`, `$`, `#`, `0`…`9`, `!`, `-`, RANDOM); not `@`/`*`. */
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  positional(): string[];
  /** A bash array's elements (undefined when `name` is not an array). */
  getArray?(name: string): string[] | undefined;
  nounset(): boolean;
  commandSubst(script: string): Gen<string>;
  arith(expr: string): string;
  fs: FileSystem;
  cwd(): string;
}

interface Field {
  text: string;
  /** The same text as a pattern: quoted characters escaped. */
  pat: string;
  glob: boolean;
}

class Fields {
  readonly out: Field[] = [];
  private cur: Field | undefined;

  private readonly ifs: string;

  constructor(ifs: string) {
    this.ifs = ifs;
  }

  private field(): Field {
    if (!this.cur) {
      this.cur = { text: "", pat: "", glob: false };
      this.out.push(this.cur);
    }
    return this.cur;
  }

  /** Make sure a (possibly empty) field exists: `""` is an argument. */
  touch(): void {
    this.field();
  }

  quoted(text: string): void {
    const f = this.field();
    f.text += text;
    f.pat += quotePattern(text);
  }

  /** Unquoted text from the script itself: globbed but not split. */
  literal(text: string): void {
    if (text === "") return;
    const f = this.field();
    f.text += text;
    f.pat += text;
    if (hasGlobChars(text)) f.glob = true;
  }

  /** The result of an unquoted expansion: split on IFS, then globbed. */
  splittable(text: string): void {
    if (this.ifs === "") return this.literal(text);
    for (const c of text) {
      if (this.ifs.includes(c)) {
        if (c === " " || c === "\t" || c === "\n") {
          this.cur = undefined;
        } else {
          if (!this.cur) this.touch();
          this.cur = undefined;
        }
      } else this.literal(c);
    }
  }

  /** Start a new field (between the words of "$@"). */
  breakField(): void {
    this.cur = undefined;
    this.touch();
  }
}

/** Expand words into argv fields (splitting and globbing). */
export function* expandWords(host: ExpandHost, words: Word[]): Gen<string[]> {
  const out: string[] = [];
  for (const w of words) {
    const fields = new Fields(ifsOf(host));
    yield* expandParts(host, tilde(host, w.parts), fields, false);
    for (const f of fields.out) {
      const matches = f.glob ? glob(f.pat, host.cwd(), host.fs) : undefined;
      if (matches) out.push(...matches);
      else out.push(f.text);
    }
  }
  return out;
}

/** Expand a word into one string: no splitting, no globbing (assignments, redirections, case subject). */
export function* expandString(host: ExpandHost, word: Word): Gen<string> {
  const fields = new Fields("");
  yield* expandParts(host, word.parts, fields, true);
  return fields.out.map((f) => f.text).join("");
}

/** Expand a word into a pattern (quoted characters escaped), for `case` and `${x#pat}`. */
export function* expandPattern(host: ExpandHost, word: Word): Gen<string> {
  const fields = new Fields("");
  yield* expandParts(host, word.parts, fields, false);
  return fields.out.map((f) => f.pat).join("");
}

/** `~` and `~/path` at the start of an unquoted word: $HOME. */
function tilde(host: ExpandHost, parts: WordPart[]): WordPart[] {
  const first = parts[0];
  if (first?.type !== "lit" || !/^~(\/|$)/.test(first.text)) return parts;
  if (
    first.text === "~" &&
    parts.length > 1 &&
    !(parts[1].type === "lit" && parts[1].text.startsWith("/"))
  ) {
    return parts;
  }
  const home = host.getVar("HOME") ?? "/";
  return [
    { type: "qlit", text: home },
    { type: "lit", text: first.text.slice(1) },
    ...parts.slice(1),
  ];
}

function ifsOf(host: ExpandHost): string {
  return host.getVar("IFS") ?? " \t\n";
}

function* expandParts(
  host: ExpandHost,
  parts: WordPart[],
  fields: Fields,
  quoted: boolean,
): Gen<void> {
  for (const part of parts) {
    switch (part.type) {
      case "lit":
        if (quoted) fields.quoted(part.text);
        else fields.literal(part.text);
        break;
      case "qlit":
        fields.quoted(part.text);
        break;
      case "dq":
        if (!(
          part.parts.length === 1 &&
          part.parts[0].type === "param" &&
          part.parts[0].name === "@"
        )) {
          fields.touch();
        }
        yield* expandParts(host, part.parts, fields, true);
        break;
      case "param":
        yield* expandParam(host, part, fields, quoted);
        break;
      case "cmdsub": {
        const text = (yield* host.commandSubst(part.script)).replace(/\n+$/, "");
        if (quoted) fields.quoted(text);
        else fields.splittable(text);
        break;
      }
      case "arith": {
        const expr = yield* expandString(host, part.expr);
        const v = host.arith(expr);
        if (quoted) fields.quoted(v);
        else fields.splittable(v);
        break;
      }
    }
  }
}

function* expandParam(
  host: ExpandHost,
  part: WordPart & { type: "param" },
  fields: Fields,
  quoted: boolean,
): Gen<void> {
  const { name, op } = part;
  if (part.index !== undefined) return yield* expandIndexed(host, part, fields, quoted);
  if ((name === "@" || name === "*") && !op && !part.length) {
    const params = host.positional();
    if (quoted && name === "@") {
      params.forEach((p, i) => {
        if (i > 0) fields.breakField();
        fields.quoted(p);
      });
    } else if (quoted) {
      fields.quoted(params.join(ifsOf(host).slice(0, 1)));
    } else {
      params.forEach((p, i) => {
        if (i > 0) fields.splittable(" ");
        fields.splittable(p);
      });
    }
    return;
  }
  let value = name === "@" || name === "*" ? host.positional().join(" ") : host.getVar(name);
  if (name === "@" || name === "*") {
    if (host.positional().length === 0) value = undefined;
  }
  yield* applyOp(host, part, fields, quoted, value);
}

/** bash `${a[i]}`, `${a[@]}`, `${a[*]}`, `${#a[@]}`, `${#a[i]}` (then any operator, as for `$a`). */
function* expandIndexed(
  host: ExpandHost,
  part: WordPart & { type: "param" },
  fields: Fields,
  quoted: boolean,
): Gen<void> {
  const arr = host.getArray?.(part.name);
  const scalar = host.getVar(part.name);
  const all = arr ?? (scalar === undefined ? [] : [scalar]);
  const index = part.index!;
  if (index === "@" || index === "*") {
    if (part.length) return emit(fields, String(all.length), quoted);
    if (!part.op) {
      if (quoted && index === "@") {
        all.forEach((p, i) => {
          if (i > 0) fields.breakField();
          fields.quoted(p);
        });
      } else if (quoted) fields.quoted(all.join(ifsOf(host).slice(0, 1)));
      else
        all.forEach((p, i) => {
          if (i > 0) fields.splittable(" ");
          fields.splittable(p);
        });
      return;
    }
    return yield* applyOp(host, part, fields, quoted, all.length ? all.join(" ") : undefined);
  }
  let i = Number(host.arith(yield* expandString(host, index)));
  if (i < 0) i += all.length;
  const value = i >= 0 && i < all.length ? all[i] : undefined;
  if (part.length) return emit(fields, String((value ?? "").length), quoted);
  yield* applyOp(host, part, fields, quoted, value);
}

function* applyOp(
  host: ExpandHost,
  part: WordPart & { type: "param" },
  fields: Fields,
  quoted: boolean,
  value: string | undefined,
): Gen<void> {
  const { name, op } = part;
  if (part.length) {
    if (value === undefined && host.nounset())
      throw new ExpansionError(`${name}: parameter not set`);
    const n = name === "@" || name === "*" ? host.positional().length : (value ?? "").length;
    emit(fields, String(n), quoted);
    return;
  }
  const unsetOrNull = value === undefined || (op?.startsWith(":") === true && value === "");
  switch (op) {
    case undefined:
      break;
    case "-":
    case ":-":
      if (unsetOrNull) {
        yield* expandParts(host, part.arg?.parts ?? [], fields, quoted);
        return;
      }
      break;
    case "=":
    case ":=":
      if (unsetOrNull) {
        value = yield* expandString(host, part.arg ?? { parts: [] });
        host.setVar(name, value);
      }
      break;
    case "+":
    case ":+":
      if (!unsetOrNull) yield* expandParts(host, part.arg?.parts ?? [], fields, quoted);
      else if (quoted) fields.touch();
      return;
    case "?":
    case ":?":
      if (unsetOrNull) {
        const msg = yield* expandString(host, part.arg ?? { parts: [] });
        throw new ExpansionError(
          `${name}: ${msg || (value === undefined ? "parameter not set" : "parameter null or not set")}`,
        );
      }
      break;
    default: {
      const pat = yield* expandPattern(host, part.arg ?? { parts: [] });
      value = removeAffix(value ?? "", pat, op);
    }
  }
  if (value === undefined && host.nounset() && name !== "@" && name !== "*") {
    throw new ExpansionError(`${name}: parameter not set`);
  }
  emit(fields, value ?? "", quoted);
}

function emit(fields: Fields, text: string, quoted: boolean): void {
  if (quoted) fields.quoted(text);
  else fields.splittable(text);
}
