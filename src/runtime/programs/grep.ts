import { tick } from "../limits.ts";
import type { Program } from "../types.ts";
import { breToJs, ereToJs } from "./regex.ts";
import { getopt, lines, readInputs, showUsage } from "./util.ts";

/** busybox grep (and egrep/fgrep): basic or extended regexes via JavaScript RegExp. */

export const grep: Program = {
  name: "grep",
  usage:
    "grep [-HhnlLoqvsrRiwFExzc] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...",
  *run(io) {
    const o = getopt(io, "HhnlLoqvsrRiwFExzcm:A:B:C:e:f:", this.usage);
    if (!o) return 2;
    let patterns = o.all.get("e") ?? [];
    const operands = [...o.operands];
    if (patterns.length === 0) {
      const p = operands.shift();
      if (p === undefined) {
        showUsage(io, this.usage);
        return 2;
      }
      patterns = p.split("\n");
    }
    const f = o.flags;
    let re: RegExp;
    try {
      const srcs = patterns.map((p) =>
        f.has("F")
          ? p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
          : f.has("E")
            ? ereToJs(p)
            : breToJs(p),
      );
      let src = srcs.map((s) => `(?:${s})`).join("|");
      if (f.has("w")) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
      if (f.has("x")) src = `^(?:${src})$`;
      re = new RegExp(src, f.has("i") ? "gi" : "g");
    } catch {
      io.stderr(`grep: bad regex '${patterns.join("\n")}'\n`);
      return 2;
    }
    const { inputs, ok } = readInputs(io, operands);
    const showName = (operands.length > 1 || f.has("H")) && !f.has("h");
    const max = typeof f.get("m") === "string" ? Number(f.get("m")) : Infinity;
    let any = false;
    for (const input of inputs) {
      const name = input.name === "-" ? "(standard input)" : input.name;
      let count = 0;
      const ls = lines(input.data);
      for (let n = 0; n < ls.length && count < max; n++) {
        yield* tick(io.budget);
        const line = ls[n];
        re.lastIndex = 0;
        const hit = re.test(line) !== f.has("v");
        if (!hit) continue;
        count++;
        any = true;
        if (f.has("q")) return 0;
        if (f.has("l") || f.has("L") || f.has("c")) continue;
        const prefix = (showName ? `${name}:` : "") + (f.has("n") ? `${n + 1}:` : "");
        if (f.has("o") && !f.has("v")) {
          re.lastIndex = 0;
          for (const m of line.matchAll(re)) if (m[0] !== "") io.stdout(`${prefix}${m[0]}\n`);
        } else io.stdout(`${prefix}${line}\n`);
      }
      if (f.has("c")) io.stdout(`${showName ? `${name}:` : ""}${count}\n`);
      if (f.has("l") && count > 0) io.stdout(`${name}\n`);
      if (f.has("L") && count === 0) io.stdout(`${name}\n`);
    }
    if (!ok && !f.has("s")) return 2;
    return any ? 0 : 1;
  },
};

export const grepPrograms: Program[] = [
  grep,
  {
    ...grep,
    name: "egrep",
    run: (io) => grep.run({ ...io, argv: [io.argv[0], "-E", ...io.argv.slice(1)] }),
  },
  {
    ...grep,
    name: "fgrep",
    run: (io) => grep.run({ ...io, argv: [io.argv[0], "-F", ...io.argv.slice(1)] }),
  },
];
