import { resolvePath } from "../fs.ts";
import type { FileSystem } from "../types.ts";

/**
 * Shell patterns (`*`, `?`, `[…]`, `[!…]`) for globbing, `case` and `${x#pat}`. A pattern string
 * marks quoted characters with a backslash in front ("\*" is a literal star).
 */

export function hasGlobChars(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    if (pat[i] === "\\") i++;
    else if (pat[i] === "*" || pat[i] === "?" || pat[i] === "[") return true;
  }
  return false;
}

/** Escape a literal string so it can be embedded into a pattern. */
export function quotePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, (c) => `\\${c}`);
}

/** Remove the pattern escapes: the literal text a non-matching pattern stands for. */
export function unquotePattern(pat: string): string {
  return pat.replace(/\\(.)/gs, "$1");
}

const reEscape = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, (m) => `\\${m}`);

/** The regular expression source matching the whole of `pat` (no anchors). */
export function patternSource(pat: string, greedy = true): string {
  let out = "";
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === "\\") {
      out += reEscape(pat[i + 1] ?? "\\");
      i++;
    } else if (c === "*") out += greedy ? "[\\s\\S]*" : "[\\s\\S]*?";
    else if (c === "?") out += "[\\s\\S]";
    else if (c === "[") {
      const end = pat.indexOf("]", i + 2);
      if (end < 0) {
        out += "\\[";
        continue;
      }
      let body = pat.slice(i + 1, end);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      out += `[${negate ? "^" : ""}${body.replace(/\\(.)/g, "$1").replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
      i = end;
    } else out += reEscape(c);
  }
  return out;
}

export function patternMatches(pat: string, text: string): boolean {
  return new RegExp(`^${patternSource(pat)}$`).test(text);
}

/** `${x#pat}` `${x##pat}` `${x%pat}` `${x%%pat}`. */
export function removeAffix(value: string, pat: string, op: "#" | "##" | "%" | "%%"): string {
  const re = new RegExp(`^${patternSource(pat)}$`);
  if (op === "#" || op === "##") {
    const lens = [...Array(value.length + 1).keys()];
    if (op === "##") lens.reverse();
    for (const n of lens) if (re.test(value.slice(0, n))) return value.slice(n);
  } else {
    const starts = [...Array(value.length + 1).keys()];
    if (op === "%") starts.reverse();
    for (const s of starts) if (re.test(value.slice(s))) return value.slice(0, s);
  }
  return value;
}

/** Pathname expansion of one field; the sorted matches, or undefined when nothing matches. */
export function glob(pat: string, cwd: string, fs: FileSystem): string[] | undefined {
  const absolute = pat.startsWith("/");
  const segments = pat.split("/").filter((s) => s !== "");
  let paths: string[] = [absolute ? "/" : ""];
  for (const seg of segments) {
    const next: string[] = [];
    for (const p of paths) {
      const dir = resolvePath(cwd, p === "" ? "." : p);
      if (!hasGlobChars(seg)) {
        const lit = unquotePattern(seg);
        const candidate = p === "" ? lit : p === "/" ? `/${lit}` : `${p}/${lit}`;
        if (fs.exists(resolvePath(cwd, candidate))) next.push(candidate);
        continue;
      }
      const re = new RegExp(`^${patternSource(seg)}$`);
      for (const name of fs.list(dir) ?? []) {
        if (name.startsWith(".") && !seg.startsWith(".")) continue;
        if (re.test(name)) next.push(p === "" ? name : p === "/" ? `/${name}` : `${p}/${name}`);
      }
    }
    paths = next;
    if (paths.length === 0) return undefined;
  }
  if (pat.endsWith("/"))
    paths = paths.filter((p) => fs.isDir(resolvePath(cwd, p))).map((p) => `${p}/`);
  return paths.length > 0 ? paths.sort() : undefined;
}
