import type { Effect, Program, ProgramIo } from "../types.ts";
import { MAX_BPI_DIGITS, bpi, bpiCostMs } from "./pi.ts";

/**
 * A very small perl: enough for the course's pi Job (`perl -Mbignum=bpi -wle 'print bpi(2000)'`)
 * and one-liners made of `print`, `exit`, `sleep`, `die` and `warn` with string and number
 * literals. Anything else is refused with a perl-like compilation error, so a learner is told
 * plainly that the lab cannot run it rather than seeing something made up.
 */

class PerlDie extends Error {
  readonly status: number;
  constructor(message: string, status = 255) {
    super(message);
    this.status = status;
  }
}

class PerlExit extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}

interface PerlState {
  io: ProgramIo;
  imports: Set<string>;
  /** `-l`: print appends "\n". */
  ors: string;
}

/** Split statements on `;` outside quotes and parentheses. */
function statements(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote: string | undefined;
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (quote) {
      cur += c;
      if (c === "\\") cur += code[++i] ?? "";
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
      cur += c;
    } else if (c === "(") {
      depth++;
      cur += c;
    } else if (c === ")") {
      depth--;
      cur += c;
    } else if (c === ";" && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else cur += c;
  }
  if (quote)
    throw new PerlDie(`Can't find string terminator '${quote}' anywhere before EOF at -e line 1.`);
  out.push(cur.trim());
  return out.filter((s) => s !== "" && !s.startsWith("#"));
}

function unescapePerl(s: string): string {
  const map: Record<string, string> = {
    n: "\n",
    t: "\t",
    r: "\r",
    "\\": "\\",
    '"': '"',
    $: "$",
    "@": "@",
    e: "\x1b",
    "0": "\0",
  };
  return s.replace(/\\(.)/g, (_m, c: string) => map[c] ?? c);
}

const syntaxError = (near: string) =>
  new PerlDie(
    `syntax error at -e line 1, near "${near}"\n(Batch Lab's perl only runs print, exit, sleep, die and warn with literals, and bpi() from -Mbignum=bpi.)\nExecution of -e aborted due to compilation errors.`,
  );

/** Evaluate a comma-separated list of literals, arithmetic and bpi(N) calls. */
function* evalList(st: PerlState, src: string): Generator<Effect, string[], void> {
  const out: string[] = [];
  for (const item of splitTop(src)) out.push(yield* evalItem(st, item.trim()));
  return out;
}

function splitTop(src: string): string[] {
  const parts: string[] = [];
  let cur = "";
  let quote: string | undefined;
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      cur += c;
      if (c === "\\") cur += src[++i] ?? "";
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (c === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += c;
  }
  if (cur.trim() !== "") parts.push(cur);
  return parts;
}

function* evalItem(st: PerlState, item: string): Generator<Effect, string, void> {
  let m = /^"((?:[^"\\]|\\.)*)"$/s.exec(item);
  if (m) {
    if (/(^|[^\\])[$@][A-Za-z_{]/.test(m[1])) throw syntaxError(item);
    return unescapePerl(m[1]);
  }
  m = /^'((?:[^'\\]|\\.)*)'$/s.exec(item);
  if (m) return m[1].replace(/\\(['\\])/g, "$1");
  m = /^bpi\s*\(\s*(\d+)\s*\)$/.exec(item) ?? /^bpi\s+(\d+)$/.exec(item);
  if (m) {
    if (!st.imports.has("bpi"))
      throw new PerlDie("Undefined subroutine &main::bpi called at -e line 1.");
    const n = Number(m[1]);
    const cost = bpiCostMs(n);
    if (cost >= 1) yield { type: "cpu", ms: cost };
    if (n > MAX_BPI_DIGITS) {
      throw new PerlDie(
        `Out of memory in perl:bignum (Batch Lab computes at most ${MAX_BPI_DIGITS} digits of pi)`,
        1,
      );
    }
    return bpi(n);
  }
  if (/^[\d\s+\-*/%().]+$/.test(item) && /\d/.test(item)) {
    const v = arithmetic(item);
    if (v === undefined) throw syntaxError(item);
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  }
  throw syntaxError(item);
}

/** + - * / % ** and parentheses over doubles, as perl evaluates them. */
function arithmetic(src: string): number | undefined {
  const toks = src.match(/\*\*|\d+(?:\.\d*)?|\.\d+|[-+*/%()]/g) ?? [];
  let i = 0;
  const expr = (): number => {
    let v = term();
    while (toks[i] === "+" || toks[i] === "-") v = toks[i++] === "+" ? v + term() : v - term();
    return v;
  };
  const term = (): number => {
    let v = power();
    while (toks[i] === "*" || toks[i] === "/" || toks[i] === "%") {
      const op = toks[i++];
      const r = power();
      if ((op === "/" || op === "%") && r === 0)
        throw new PerlDie(`Illegal ${op === "/" ? "division" : "modulus"} by zero at -e line 1.`);
      v = op === "*" ? v * r : op === "/" ? v / r : v % r;
    }
    return v;
  };
  const power = (): number => {
    const b = unary();
    if (toks[i] === "**") {
      i++;
      return b ** power();
    }
    return b;
  };
  const unary = (): number => {
    if (toks[i] === "-") {
      i++;
      return -unary();
    }
    if (toks[i] === "+") {
      i++;
      return unary();
    }
    if (toks[i] === "(") {
      i++;
      const v = expr();
      if (toks[i++] !== ")") throw new Error("paren");
      return v;
    }
    const t = toks[i++];
    if (t === undefined || !/^[\d.]/.test(t)) throw new Error("token");
    return Number(t);
  };
  try {
    const v = expr();
    return i === toks.length ? v : undefined;
  } catch (e) {
    if (e instanceof PerlDie) throw e;
    return undefined;
  }
}

function* runStatement(st: PerlState, stmt: string): Generator<Effect, void, void> {
  let m = /^print\b\s*(.*)$/s.exec(stmt);
  if (m) {
    const list = m[1].replace(/^\((.*)\)$/s, "$1");
    st.io.stdout((yield* evalList(st, list)).join("") + st.ors);
    return;
  }
  m = /^(exit|sleep)\b\s*\(?\s*(\d*)\s*\)?$/.exec(stmt);
  if (m) {
    const n = Number(m[2] || "0");
    if (m[1] === "exit") throw new PerlExit(n & 255);
    if (n > 0) yield { type: "sleep", ms: n * 1000 };
    return;
  }
  m = /^(die|warn)\b\s*(.*)$/s.exec(stmt);
  if (m) {
    let msg = (yield* evalList(st, m[2].replace(/^\((.*)\)$/s, "$1"))).join("");
    if (msg === "") msg = m[1] === "die" ? "Died" : "Warning: something's wrong";
    if (!msg.endsWith("\n")) msg += " at -e line 1.\n";
    if (m[1] === "die") throw new PerlDie(msg.replace(/\n$/, ""));
    st.io.stderr(msg);
    return;
  }
  if (/^use\s+(strict|warnings)\b/.test(stmt)) return;
  throw syntaxError(stmt);
}

export const perlProgram: Program = {
  name: "perl",
  usage: "perl [switches] [--] [programfile] [arguments]",
  *run(io) {
    const args = io.argv.slice(1);
    const st: PerlState = { io, imports: new Set(), ors: "" };
    let code: string | undefined;
    while (args.length > 0 && args[0].startsWith("-") && args[0] !== "-" && code === undefined) {
      let a = args.shift() ?? "";
      if (a === "--") break;
      a = a.slice(1);
      while (a.length > 0) {
        const c = a[0];
        a = a.slice(1);
        if (c === "M" || c === "m") {
          const spec = a || args.shift() || "";
          const [mod, imports] = spec.split("=");
          if (mod === "bignum" || mod === "bigrat" || mod === "bigint") {
            for (const i of (imports ?? "").split(",")) if (i) st.imports.add(i);
          } else if (!/^(strict|warnings|utf8)$/.test(mod)) {
            const file = mod.replace(/::/g, "/");
            io.stderr(
              `Can't locate ${file}.pm in @INC (you may need to install the ${mod} module) (@INC entries checked: /etc/perl /usr/local/lib/x86_64-linux-gnu/perl/5.34.0 /usr/local/share/perl/5.34.0).\nBEGIN failed--compilation aborted.\n`,
            );
            return 2;
          }
          a = "";
        } else if (c === "e" || c === "E") {
          code = a || args.shift();
          if (code === undefined) {
            io.stderr("No code specified for -e.\n");
            return 29;
          }
          a = "";
        } else if (c === "l") {
          st.ors = "\n";
        } else if (c === "v") {
          io.stdout(
            "\nThis is perl 5, version 34, subversion 0 (v5.34.0) built for x86_64-linux-gnu-thread-multi\n\nCopyright 1987-2021, Larry Wall\n",
          );
          return 0;
        } else if (!"wWXsnpaTtuU".includes(c)) {
          io.stderr(`Unrecognized switch: -${c}${a}  (-h will show valid options).\n`);
          return 29;
        }
      }
    }
    if (code === undefined) {
      const file = args.shift();
      if (file === undefined) code = io.stdin.readAll();
      else {
        io.stderr(`Can't open perl script "${file}": No such file or directory\n`);
        return 2;
      }
    }
    try {
      for (const stmt of statements(code)) yield* runStatement(st, stmt);
      return 0;
    } catch (e) {
      if (e instanceof PerlExit) return e.code;
      if (e instanceof PerlDie) {
        io.stderr(`${e.message}\n`);
        return e.status;
      }
      throw e;
    }
  },
};
