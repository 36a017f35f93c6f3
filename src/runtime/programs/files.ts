/* eslint-disable require-yield -- programs are generators by contract (types.ts); most never suspend. */
import { basename, dirname, resolvePath } from "../fs.ts";
import { tick } from "../limits.ts";
import type { FileSystem, Program, ProgramIo } from "../types.ts";
import { patternMatches } from "../shell/pattern.ts";
import { strftime } from "./date.ts";
import { getopt, showUsage, type Run } from "./util.ts";

/** busybox file applets over the container's in-memory filesystem. */

const DAY = 86_400_000;

const touch: Program = {
  name: "touch",
  usage: "touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...",
  *run(io) {
    const o = getopt(io, "cd:t:r:am", this.usage);
    if (!o) return 1;
    let status = 0;
    for (const f of o.operands) {
      const path = resolvePath(io.cwd, f);
      if (!io.ctx.fs.exists(path) && o.flags.has("c")) continue;
      if (io.ctx.fs.isDir(path)) continue;
      if (!io.ctx.fs.writeFile(path, "", true)) {
        io.stderr(`touch: ${f}: No such file or directory\n`);
        status = 1;
      }
    }
    return status;
  },
};

const mkdir: Program = {
  name: "mkdir",
  usage: "mkdir [-m MODE] [-p] DIRECTORY...",
  *run(io) {
    const o = getopt(io, "pm:v", this.usage);
    if (!o) return 1;
    if (o.operands.length === 0) {
      showUsage(io, this.usage);
      return 1;
    }
    let status = 0;
    for (const d of o.operands) {
      const path = resolvePath(io.cwd, d);
      const fs = io.ctx.fs;
      if (o.flags.has("p") && fs.isDir(path)) continue;
      if (!fs.mkdir(path, o.flags.has("p"))) {
        const why = fs.exists(path) ? "File exists" : "No such file or directory";
        io.stderr(`mkdir: can't create directory '${d}': ${why}\n`);
        status = 1;
      }
    }
    return status;
  },
};

const rm: Program = {
  name: "rm",
  usage: "rm [-irf] FILE...",
  *run(io) {
    const o = getopt(io, "irfRv", this.usage);
    if (!o) return 1;
    const force = o.flags.has("f");
    const recursive = o.flags.has("r") || o.flags.has("R");
    if (o.operands.length === 0 && !force) {
      showUsage(io, this.usage);
      return 1;
    }
    let status = 0;
    for (const f of o.operands) {
      const path = resolvePath(io.cwd, f);
      const fs = io.ctx.fs;
      if (!fs.exists(path)) {
        if (!force) {
          io.stderr(`rm: can't remove '${f}': No such file or directory\n`);
          status = 1;
        }
        continue;
      }
      if (fs.isDir(path) && !recursive) {
        io.stderr(`rm: can't remove '${f}': Is a directory\n`);
        status = 1;
        continue;
      }
      if (!fs.remove(path, true)) {
        io.stderr(`rm: can't remove '${f}': Device or resource busy\n`);
        status = 1;
      }
    }
    return status;
  },
};

const rmdir: Program = {
  name: "rmdir",
  usage: "rmdir [-p] DIRECTORY...",
  *run(io) {
    let status = 0;
    for (const d of io.argv.slice(1).filter((a) => !a.startsWith("-"))) {
      const path = resolvePath(io.cwd, d);
      if (!io.ctx.fs.isDir(path) || !io.ctx.fs.remove(path, false)) {
        const why = !io.ctx.fs.exists(path)
          ? "No such file or directory"
          : io.ctx.fs.isDir(path)
            ? "Directory not empty"
            : "Not a directory";
        io.stderr(`rmdir: '${d}': ${why}\n`);
        status = 1;
      }
    }
    return status;
  },
};

function lsLong(fs: FileSystem, path: string, name: string): string {
  const dir = fs.isDir(path);
  const size = dir ? 4096 : (fs.readFile(path) ?? "").length;
  const t = fs.mtime(path) ?? 0;
  const mode = dir ? "drwxr-xr-x" : "-rw-r--r--";
  return `${mode}    ${dir ? 2 : 1} root     root     ${String(size).padStart(9)} ${strftime("%b %e %H:%M", t)} ${name}`;
}

const ls: Program = {
  name: "ls",
  usage: "ls [-1AaCdFlR] [FILE]...",
  *run(io) {
    const o = getopt(io, "1AaCdFlRhtrS", this.usage);
    if (!o) return 1;
    const fs = io.ctx.fs;
    const f = o.flags;
    const targets = o.operands.length > 0 ? o.operands : ["."];
    let status = 0;
    const files: string[] = [];
    const dirs: string[] = [];
    for (const t of targets) {
      const path = resolvePath(io.cwd, t);
      if (!fs.exists(path)) {
        io.stderr(`ls: ${t}: No such file or directory\n`);
        status = 1;
      } else if (fs.isDir(path) && !f.has("d")) dirs.push(t);
      else files.push(t);
    }
    const show = (path: string, name: string) => {
      const suffix = f.has("F") && fs.isDir(path) ? "/" : "";
      return f.has("l") ? lsLong(fs, path, name + suffix) : name + suffix;
    };
    const out: string[] = files.map((t) => show(resolvePath(io.cwd, t), t));
    const many = targets.length > 1 || f.has("R");
    const listDir = (t: string) => {
      const path = resolvePath(io.cwd, t);
      let names = fs.list(path) ?? [];
      if (!f.has("a") && !f.has("A")) names = names.filter((n) => !n.startsWith("."));
      if (f.has("a")) names = [".", "..", ...names];
      if (f.has("t"))
        names.sort(
          (a, b) => (fs.mtime(resolvePath(path, b)) ?? 0) - (fs.mtime(resolvePath(path, a)) ?? 0),
        );
      if (f.has("r")) names.reverse();
      if (out.length > 0) out.push("");
      if (many) out.push(`${t}:`);
      if (f.has("l")) out.push(`total ${names.length * 4}`);
      for (const n of names) out.push(show(resolvePath(path, n), n));
      if (f.has("R")) {
        for (const n of names) {
          if (n !== "." && n !== ".." && fs.isDir(resolvePath(path, n)))
            listDir(t === "/" ? `/${n}` : `${t}/${n}`);
        }
      }
    };
    dirs.forEach(listDir);
    if (out.length > 0) io.stdout(`${out.join("\n")}\n`);
    return status;
  },
};

/** find: -name, -iname, -type f|d, -mtime/-mmin [+-]N, -maxdepth, -mindepth, -delete, -print, -exec CMD {} ; */
function* findRun(io: ProgramIo): Run {
  const fs = io.ctx.fs;
  const args = io.argv.slice(1);
  const starts: string[] = [];
  while (args.length > 0 && !args[0].startsWith("-") && args[0] !== "!" && args[0] !== "(")
    starts.push(args.shift() ?? "");
  if (starts.length === 0) starts.push(".");
  type Test = (path: string, display: string, depth: number) => boolean;
  const tests: Test[] = [];
  let maxDepth = Infinity;
  let minDepth = 0;
  let del = false;
  let execCmd: string[] | undefined;
  let negate = false;
  const now = io.ctx.now();
  const num = (s: string, age: number) =>
    s.startsWith("+")
      ? age > Number(s.slice(1))
      : s.startsWith("-")
        ? age < Number(s.slice(1))
        : age === Number(s);
  while (args.length > 0) {
    const a = args.shift() ?? "";
    const v = () => {
      const x = args.shift();
      if (x === undefined) throw new Error(`find: ${a} requires an argument`);
      return x;
    };
    let t: Test | undefined;
    try {
      switch (a) {
        case "!":
        case "-not":
          negate = true;
          continue;
        case "-name":
        case "-iname": {
          const pat = v();
          const ci = a === "-iname";
          t = (_p, d) =>
            patternMatches(
              ci ? pat.toLowerCase() : pat,
              ci ? basename(d).toLowerCase() : basename(d),
            );
          break;
        }
        case "-path": {
          const pat = v();
          t = (_p, d) => patternMatches(pat, d);
          break;
        }
        case "-type": {
          const ty = v();
          t = (p) => (ty === "d" ? fs.isDir(p) : ty === "f" ? fs.exists(p) && !fs.isDir(p) : false);
          break;
        }
        case "-mtime": {
          const n = v();
          t = (p) => num(n, Math.floor((now - (fs.mtime(p) ?? now)) / DAY));
          break;
        }
        case "-mmin": {
          const n = v();
          t = (p) => num(n, Math.ceil((now - (fs.mtime(p) ?? now)) / 60_000));
          break;
        }
        case "-maxdepth":
          maxDepth = Number(v());
          continue;
        case "-mindepth":
          minDepth = Number(v());
          continue;
        case "-delete":
          del = true;
          continue;
        case "-print":
        case "-a":
        case "-and":
          continue;
        case "-exec": {
          execCmd = [];
          for (let x = args.shift(); x !== undefined && x !== ";" && x !== "+"; x = args.shift())
            execCmd.push(x);
          continue;
        }
        default:
          io.stderr(`find: unrecognized: ${a}\n`);
          showUsage(io, "find [-HL] [PATH]... [OPTIONS] [ACTIONS]");
          return 1;
      }
    } catch (e) {
      io.stderr(`${(e as Error).message}\n`);
      return 1;
    }
    const test = t;
    const neg = negate;
    negate = false;
    tests.push(neg ? (p, d, dep) => !test(p, d, dep) : test);
  }
  let status = 0;
  const hits: { path: string; display: string }[] = [];
  const walk = (path: string, display: string, depth: number) => {
    const isDir = fs.isDir(path);
    const children = isDir && depth < maxDepth ? (fs.list(path) ?? []) : [];
    const self = () => {
      if (depth >= minDepth && tests.every((t) => t(path, display, depth)))
        hits.push({ path, display });
    };
    if (!del) self();
    for (const c of children)
      walk(
        resolvePath(path, c),
        display.endsWith("/") ? `${display}${c}` : `${display}/${c}`,
        depth + 1,
      );
    if (del) self();
  };
  for (const s of starts) {
    const path = resolvePath(io.cwd, s);
    if (!fs.exists(path)) {
      io.stderr(`find: ${s}: No such file or directory\n`);
      status = 1;
      continue;
    }
    walk(path, s, 0);
  }
  for (const h of hits) {
    yield* tick(io.budget);
    if (execCmd) {
      const argv = execCmd.map((x) => x.replaceAll("{}", h.display));
      try {
        yield* io.exec(argv, { ...io, argv });
      } catch {
        io.stderr(`find: ${argv[0]}: No such file or directory\n`);
        status = 1;
      }
    } else if (del) {
      if (h.path !== resolvePath(io.cwd, ".") && !fs.remove(h.path, false)) {
        io.stderr(`find: can't remove '${h.display}': Directory not empty\n`);
        status = 1;
      }
    } else io.stdout(`${h.display}\n`);
  }
  return status;
}

function copy(fs: FileSystem, from: string, to: string): boolean {
  if (fs.isDir(from)) {
    if (!fs.isDir(to) && !fs.mkdir(to, false)) return false;
    return (fs.list(from) ?? []).every((n) => copy(fs, resolvePath(from, n), resolvePath(to, n)));
  }
  return fs.writeFile(to, fs.readFile(from) ?? "");
}

function cpmv(kind: "cp" | "mv"): Program {
  return {
    name: kind,
    usage: kind === "cp" ? "cp [-arPLHpfinlsTu] SOURCE DEST" : "mv [-finT] SOURCE DEST",
    *run(io) {
      const o = getopt(io, "arRPLHpfinlsTuv", this.usage);
      if (!o) return 1;
      const fs = io.ctx.fs;
      if (o.operands.length < 2) {
        showUsage(io, this.usage);
        return 1;
      }
      const dest = o.operands[o.operands.length - 1];
      const destPath = resolvePath(io.cwd, dest);
      let status = 0;
      for (const src of o.operands.slice(0, -1)) {
        const from = resolvePath(io.cwd, src);
        if (!fs.exists(from)) {
          io.stderr(`${kind}: can't stat '${src}': No such file or directory\n`);
          status = 1;
          continue;
        }
        if (
          kind === "cp" &&
          fs.isDir(from) &&
          !o.flags.has("r") &&
          !o.flags.has("R") &&
          !o.flags.has("a")
        ) {
          io.stderr(`cp: omitting directory '${src}'\n`);
          status = 1;
          continue;
        }
        const to = fs.isDir(destPath) ? resolvePath(destPath, basename(from)) : destPath;
        if (!copy(fs, from, to)) {
          io.stderr(`${kind}: can't create '${dest}': No such file or directory\n`);
          status = 1;
          continue;
        }
        if (kind === "mv") fs.remove(from, true);
      }
      return status;
    },
  };
}

export const filePrograms: Program[] = [
  touch,
  mkdir,
  rm,
  rmdir,
  ls,
  { name: "find", usage: "find [-HL] [PATH]... [OPTIONS] [ACTIONS]", run: findRun },
  cpmv("cp"),
  cpmv("mv"),
  {
    name: "basename",
    usage: "basename FILE [SUFFIX]",
    *run(io) {
      const [name, suffix] = io.argv.slice(1);
      if (name === undefined) {
        showUsage(io, this.usage);
        return 1;
      }
      let b = basename(name);
      if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
      io.stdout(`${b}\n`);
      return 0;
    },
  },
  {
    name: "dirname",
    usage: "dirname FILENAME",
    *run(io) {
      const name = io.argv[1];
      if (name === undefined) {
        showUsage(io, this.usage);
        return 1;
      }
      const trimmed = name.replace(/\/+$/, "") || "/";
      io.stdout(`${trimmed.includes("/") ? dirname(trimmed) : "."}\n`);
      return 0;
    },
  },
  {
    name: "mktemp",
    usage: "mktemp [-dt] [-p DIR] [TEMPLATE]",
    *run(io) {
      const o = getopt(io, "dtuqp:", this.usage);
      if (!o) return 1;
      const template = o.operands[0] ?? "tmp.XXXXXX";
      const dir = typeof o.flags.get("p") === "string" ? (o.flags.get("p") as string) : "/tmp";
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
      const name = template.replace(/X+$/, (xs) => io.ctx.rng.string(alphabet, xs.length));
      const path = template.includes("/") ? resolvePath(io.cwd, name) : resolvePath(dir, name);
      const ok = o.flags.has("d") ? io.ctx.fs.mkdir(path, false) : io.ctx.fs.writeFile(path, "");
      if (!ok) {
        io.stderr(`mktemp: (null): No such file or directory\n`);
        return 1;
      }
      io.stdout(`${path}\n`);
      return 0;
    },
  },
];
