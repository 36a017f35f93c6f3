import type { Program } from "../types.ts";

/**
 * A very small python: `python3 -c "print(...)"` with string and number literals and arithmetic,
 * plus `import sys, time`, `time.sleep(N)`, `sys.exit(N)`/`exit(N)`. Anything else gets a
 * SyntaxError-style message saying what the lab supports.
 */

type Val =
  { t: "int"; v: bigint } | { t: "float"; v: number } | { t: "str"; v: string } | { t: "none" };

class PyError extends Error {}
class PyExit extends Error {
  readonly code: number;
  readonly text: string | undefined;
  constructor(code: number, text?: string) {
    super(`exit ${code}`);
    this.code = code;
    this.text = text;
  }
}

function show(x: Val): string {
  switch (x.t) {
    case "int":
      return x.v.toString();
    case "float": {
      if (Number.isInteger(x.v) && Math.abs(x.v) < 1e16) return `${x.v}.0`;
      return String(x.v)
        .replace(/e\+?(-?)(\d)$/, "e+$10$2")
        .replace("e+-", "e-");
    }
    case "str":
      return x.v;
    case "none":
      return "None";
  }
}

const num = (x: Val): number => (x.t === "int" ? Number(x.v) : x.t === "float" ? x.v : NaN);

function binop(op: string, a: Val, b: Val): Val {
  if (a.t === "str" || b.t === "str") {
    if (op === "+" && a.t === "str" && b.t === "str") return { t: "str", v: a.v + b.v };
    if (op === "*" && a.t === "str" && b.t === "int")
      return { t: "str", v: a.v.repeat(Math.max(0, Number(b.v))) };
    if (op === "*" && a.t === "int" && b.t === "str")
      return { t: "str", v: b.v.repeat(Math.max(0, Number(a.v))) };
    throw new PyError("TypeError: unsupported operand type(s)");
  }
  if (a.t === "int" && b.t === "int" && op !== "/") {
    if ((op === "//" || op === "%") && b.v === 0n)
      throw new PyError("ZeroDivisionError: integer division or modulo by zero");
    switch (op) {
      case "+":
        return { t: "int", v: a.v + b.v };
      case "-":
        return { t: "int", v: a.v - b.v };
      case "*":
        return { t: "int", v: a.v * b.v };
      case "**":
        return b.v >= 0n
          ? { t: "int", v: a.v ** b.v }
          : { t: "float", v: Number(a.v) ** Number(b.v) };
      case "//": {
        const q = a.v / b.v;
        return { t: "int", v: a.v % b.v !== 0n && a.v < 0n !== b.v < 0n ? q - 1n : q };
      }
      case "%": {
        const r = a.v % b.v;
        return { t: "int", v: r !== 0n && r < 0n !== b.v < 0n ? r + b.v : r };
      }
    }
  }
  const x = num(a);
  const y = num(b);
  if ((op === "/" || op === "//" || op === "%") && y === 0)
    throw new PyError("ZeroDivisionError: division by zero");
  const v =
    op === "+"
      ? x + y
      : op === "-"
        ? x - y
        : op === "*"
          ? x * y
          : op === "/"
            ? x / y
            : op === "**"
              ? x ** y
              : op === "//"
                ? Math.floor(x / y)
                : x - Math.floor(x / y) * y;
  return { t: "float", v };
}

function evaluate(src: string): Val {
  const toks =
    src.match(/\*\*|\/\/|\d+\.\d*|\.\d+|\d+|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[-+*/%(),]|\S+/g) ??
    [];
  let i = 0;
  const expr = (): Val => {
    let v = term();
    while (toks[i] === "+" || toks[i] === "-") {
      const op = toks[i++];
      v = binop(op, v, term());
    }
    return v;
  };
  const term = (): Val => {
    let v = unary();
    while (["*", "/", "//", "%"].includes(toks[i] ?? "")) {
      const op = toks[i++];
      v = binop(op, v, unary());
    }
    return v;
  };
  const unary = (): Val => {
    if (toks[i] === "-") {
      i++;
      return binop("*", { t: "int", v: -1n }, unary());
    }
    if (toks[i] === "+") {
      i++;
      return unary();
    }
    const b = atom();
    if (toks[i] === "**") {
      i++;
      return binop("**", b, unary());
    }
    return b;
  };
  const atom = (): Val => {
    const t = toks[i++];
    if (t === undefined) throw new PyError("SyntaxError: invalid syntax");
    if (t === "(") {
      const v = expr();
      if (toks[i++] !== ")") throw new PyError("SyntaxError: '(' was never closed");
      return v;
    }
    if (/^\d+$/.test(t)) return { t: "int", v: BigInt(t) };
    if (/^[\d.]+$/.test(t)) return { t: "float", v: Number(t) };
    if (/^["']/.test(t)) {
      const map: Record<string, string> = { n: "\n", t: "\t", "\\": "\\", "'": "'", '"': '"' };
      return {
        t: "str",
        v: t.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => map[c] ?? `\\${c}`),
      };
    }
    if (t === "None") return { t: "none" };
    throw new PyError(`NameError: name '${t}' is not defined`);
  };
  const v = expr();
  if (i < toks.length) throw new PyError("SyntaxError: invalid syntax");
  return v;
}

function args(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  let q: string | undefined;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (q) {
      cur += c;
      if (c === "\\") cur += src[++i] ?? "";
      else if (c === q) q = undefined;
      continue;
    }
    if (c === '"' || c === "'") q = c;
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (c === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else cur += c;
  }
  if (cur.trim() !== "") out.push(cur.trim());
  return out;
}

export const pythonProgram: Program = {
  name: "python3",
  usage: "python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...",
  *run(io) {
    const a = io.argv.slice(1);
    if (a[0] === "--version" || a[0] === "-V") {
      io.stdout("Python 3.12.7\n");
      return 0;
    }
    while (a.length > 0 && /^-[uBIOsSE]+$/.test(a[0])) a.shift();
    let code: string;
    if (a[0] === "-c") {
      if (a[1] === undefined) {
        io.stderr("Argument expected for the -c option\n");
        return 2;
      }
      code = a[1];
    } else if (a.length === 0 || a[0] === "-") code = io.stdin.readAll();
    else {
      io.stderr(`${io.argv[0]}: can't open file '${a[0]}': [Errno 2] No such file or directory\n`);
      return 2;
    }
    const stmts = code
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== "" && !s.startsWith("#"));
    try {
      for (const s of stmts) {
        let m: RegExpExecArray | null;
        if (/^import\s+[\w\s,]+$/.test(s) || /^from\s+\w+\s+import\s+[\w\s,]+$/.test(s)) continue;
        if ((m = /^print\((.*)\)$/s.exec(s))) {
          io.stdout(
            `${args(m[1])
              .map((x) => show(evaluate(x)))
              .join(" ")}\n`,
          );
        } else if ((m = /^(?:time\.)?sleep\((.*)\)$/.exec(s))) {
          const secs = num(evaluate(m[1]));
          if (secs > 0) yield { type: "sleep", ms: Math.round(secs * 1000) };
        } else if ((m = /^(?:sys\.)?exit\((.*)\)$/.exec(s))) {
          const v = m[1].trim() === "" ? { t: "int" as const, v: 0n } : evaluate(m[1]);
          if (v.t === "str") throw new PyExit(1, v.v);
          throw new PyExit(v.t === "none" ? 0 : Number(num(v)) & 255);
        } else {
          throw new PyError(
            "SyntaxError: Batch Lab's python only runs print(...), time.sleep(...) and sys.exit(...)",
          );
        }
      }
      return 0;
    } catch (e) {
      if (e instanceof PyExit) {
        if (e.text !== undefined) io.stderr(`${e.text}\n`);
        return e.code;
      }
      if (e instanceof PyError) {
        const syntax = e.message.startsWith("SyntaxError");
        io.stderr(
          syntax
            ? `  File "<string>", line 1\n    ${code.split("\n")[0]}\n${e.message}\n`
            : `Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n${e.message}\n`,
        );
        return 1;
      }
      throw e;
    }
  },
};
