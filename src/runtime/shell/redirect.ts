import { resolvePath } from "../fs.ts";
import { BrokenPipe, StringInput } from "../io.ts";
import type { Redirect } from "./ast.ts";
import type { Gen } from "./effects.ts";
import { expandString } from "./expand.ts";
import type { Shell, Streams } from "./interpreter.ts";

/** Redirections (`<`, `>`, `>>`, `2>&1`, `>&-`, here-documents) turned into a command's streams. */

const discard = (): void => {};

/** Apply redirections; undefined (after an error message) when a file cannot be opened. */
export function* redirect(sh: Shell, redirects: Redirect[], s: Streams): Gen<Streams | undefined> {
  if (redirects.length === 0) return s;
  const out: Streams = { ...s };
  for (const r of redirects) {
    const target = yield* expandString(sh, r.target);
    const fdSink = (fd: number) => (fd === 1 ? out.stdout : fd === 2 ? out.stderr : undefined);
    switch (r.op) {
      case "<<":
      case "<<-":
        if (r.fd === 0) out.stdin = new StringInput(target);
        break;
      case "<":
      case "<>": {
        const path = resolvePath(sh.cwdPath, target);
        const data = path === "/dev/null" ? "" : sh.fs.readFile(path);
        if (data === undefined) {
          sh.error(
            s,
            sh.config.flavor === "ash"
              ? `can't open ${target}: no such file`
              : `cannot open ${target}: No such file`,
          );
          return undefined;
        }
        if (r.fd === 0) out.stdin = new StringInput(data);
        break;
      }
      case ">&":
      case "<&": {
        if (target === "-") {
          if (r.fd === 1) out.stdout = discard;
          if (r.fd === 2) out.stderr = discard;
          break;
        }
        const sink = /^\d+$/.test(target) ? fdSink(Number(target)) : undefined;
        if (r.op === "<&") break;
        if (!sink && !/^\d+$/.test(target)) {
          // `>&file` (bash): both streams to a file.
          const fileSink = openFile(sh, target, false, s);
          if (!fileSink) return undefined;
          out.stdout = fileSink;
          out.stderr = fileSink;
          break;
        }
        if (r.fd === 1) out.stdout = sink ?? discard;
        if (r.fd === 2) out.stderr = sink ?? discard;
        break;
      }
      default: {
        const sink = openFile(sh, target, r.op === ">>", s);
        if (!sink) return undefined;
        if (r.fd === 1) out.stdout = sink;
        if (r.fd === 2) out.stderr = sink;
      }
    }
  }
  return out;
}

function openFile(
  sh: Shell,
  target: string,
  append: boolean,
  s: Streams,
): ((t: string) => void) | undefined {
  const path = resolvePath(sh.cwdPath, target);
  if (path === "/dev/null") return discard;
  if (path === "/dev/stdout") return s.stdout;
  if (path === "/dev/stderr") return s.stderr;
  const ash = sh.config.flavor === "ash";
  const fail = (why: string, dashWhy: string) => {
    sh.error(s, ash ? `can't create ${target}: ${why}` : `cannot create ${target}: ${dashWhy}`);
    return undefined;
  };
  if (sh.fs.isDir(path)) return fail("Is a directory", "Is a directory");
  if (!(append && sh.fs.exists(path)) && !sh.fs.writeFile(path, "", append)) {
    return sh.fs.exists(resolvePath(path, ".."))
      ? fail("Read-only file system", "Read-only file system")
      : fail("nonexistent directory", "Directory nonexistent");
  }
  return (t: string) => {
    if (!sh.fs.writeFile(path, t, true)) throw new BrokenPipe(); // file too big: EFBIG
  };
}
