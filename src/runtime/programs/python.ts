import type { Program } from "../types.ts";
import { Interpreter } from "./python/interp.ts";
import { PySyntaxError } from "./python/lexer.ts";
import { parsePython, type Stmt } from "./python/parser.ts";
import { PyExit, PyRaise } from "./python/values.ts";

/**
 * A small python3: `python3 -c SCRIPT` (or a script on stdin) with the statements the Kubernetes
 * docs' and the course's Job examples use — `import`, assignments, `if`/`elif`/`else`, `while`,
 * `for … in range(…)`, f-strings, `print`, `int()`, `os.environ[…]`/`.get`, `os.getenv`,
 * `sys.exit`, `time.sleep` (which suspends on the virtual clock). Errors print CPython 3.12's
 * traceback for a `-c` script (no source line, as CPython shows none for `<string>`).
 * Run time: instant, except `time.sleep` (docs/durations.md).
 */
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
      const text = io.ctx.fs.readFile(a[0].startsWith("/") ? a[0] : `${io.cwd}/${a[0]}`);
      if (text === undefined) {
        io.stderr(
          `${io.argv[0]}: can't open file '${a[0].startsWith("/") ? a[0] : `${io.cwd === "/" ? "" : io.cwd}/${a[0]}`}': [Errno 2] No such file or directory\n`,
        );
        return 2;
      }
      code = text;
    }
    let stmts: Stmt[];
    try {
      stmts = parsePython(code);
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      const src = code.split("\n")[e.line - 1] ?? "";
      io.stderr(`  File "<string>", line ${e.line}\n    ${src.trim()}\n${e.message}\n`);
      return 1;
    }
    const py = new Interpreter(io);
    try {
      yield* py.run(stmts);
      return 0;
    } catch (e) {
      if (e instanceof PyExit) {
        if (e.text !== undefined) io.stderr(`${e.text}\n`);
        return e.code;
      }
      if (e instanceof PyRaise) {
        io.stderr(
          `Traceback (most recent call last):\n  File "<string>", line ${py.line}, in <module>\n${e.message}\n`,
        );
        return 1;
      }
      throw e;
    }
  },
};
