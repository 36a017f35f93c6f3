/* eslint-disable require-yield -- programs are generators by contract (types.ts); most never suspend. */
import { resolvePath } from "../fs.ts";
import { tick } from "../limits.ts";
import type { Program, ProgramIo } from "../types.ts";
import { grepPrograms } from "./grep.ts";
import { getopt, lines, parseCount, readInputs, showUsage, type Run } from "./util.ts";

/** busybox text applets: cat, head, tail, wc, sort, uniq, rev, tr, cut, tee, seq, yes. */

const cat: Program = {
  name: "cat",
  usage: "cat [-nbvteA] [FILE]...",
  *run(io) {
    const o = getopt(io, "nbvteAu", this.usage);
    if (!o) return 1;
    const { inputs, ok } = readInputs(io, o.operands);
    const all = inputs.map((i) => i.data).join("");
    if (o.flags.has("n") || o.flags.has("b")) {
      let n = 0;
      const out = lines(all).map((l) =>
        o.flags.has("b") && l === "" ? "" : `${String(++n).padStart(6)}\t${l}`,
      );
      io.stdout(out.map((l) => `${l}\n`).join(""));
    } else io.stdout(all);
    return ok ? 0 : 1;
  },
};

function headTail(kind: "head" | "tail"): Program {
  return {
    name: kind,
    usage: kind === "head" ? "head [OPTIONS] [FILE]..." : "tail [OPTIONS] [FILE]...",
    *run(io) {
      const o = getopt(io, "n:c:qvfF", this.usage, { numeric: "n" });
      if (!o) return 1;
      const nArg = o.flags.get("n");
      const cArg = o.flags.get("c");
      const raw = typeof cArg === "string" ? cArg : typeof nArg === "string" ? nArg : "10";
      const fromStart = kind === "tail" && raw.startsWith("+");
      const allBut = kind === "head" && raw.startsWith("-");
      const n = parseCount(raw.replace(/^-/, ""));
      if (n === undefined) {
        io.stderr(`${kind}: invalid number '${raw}'\n`);
        return 1;
      }
      const { inputs, ok } = readInputs(io, o.operands);
      inputs.forEach((input, idx) => {
        if (inputs.length > 1 && !o.flags.has("q"))
          io.stdout(`${idx > 0 ? "\n" : ""}==> ${input.name} <==\n`);
        if (typeof cArg === "string") {
          const d = input.data;
          io.stdout(
            kind === "head"
              ? d.slice(0, n)
              : fromStart
                ? d.slice(Math.max(0, n - 1))
                : d.slice(-n || d.length),
          );
          return;
        }
        const ls = lines(input.data);
        let pick: string[];
        if (kind === "head")
          pick = allBut ? ls.slice(0, Math.max(0, ls.length - n)) : ls.slice(0, n);
        else pick = fromStart ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-n);
        const noFinalNewline =
          !input.data.endsWith("\n") &&
          pick.length > 0 &&
          pick[pick.length - 1] === ls[ls.length - 1];
        io.stdout(pick.join("\n") + (pick.length > 0 && !noFinalNewline ? "\n" : ""));
      });
      if (kind === "tail" && (o.flags.has("f") || o.flags.has("F"))) {
        // `tail -f` never ends: nothing more will be appended that we could notice, so sleep.
        for (;;) yield { type: "sleep", ms: 60_000 };
      }
      return ok ? 0 : 1;
    },
  };
}

const wc: Program = {
  name: "wc",
  usage: "wc [-cmlwL] [FILE]...",
  *run(io) {
    const o = getopt(io, "cmlwL", this.usage);
    if (!o) return 1;
    // Column order and formats of busybox coreutils/wc.c: lines, words, chars, bytes, longest.
    const order = ["l", "w", "m", "c", "L"].filter((c) => o.flags.has(c));
    const cols = order.length > 0 ? order : ["l", "w", "c"];
    const { inputs, ok } = readInputs(io, o.operands);
    const single = cols.length === 1 && o.operands.length <= 1;
    const totals: Record<string, number> = { l: 0, w: 0, m: 0, c: 0, L: 0 };
    const print = (counts: Record<string, number>, name: string | undefined) => {
      const body = cols.map((c, i) =>
        single ? String(counts[c]) : `${i > 0 ? " " : ""}${String(counts[c]).padStart(9)}`,
      );
      io.stdout(`${body.join("")}${name === undefined ? "" : ` ${name}`}\n`);
    };
    for (const input of inputs) {
      const d = input.data;
      const counts = {
        l: (d.match(/\n/g) ?? []).length,
        w: (d.match(/\S+/g) ?? []).length,
        m: [...d].length,
        c: new TextEncoder().encode(d).length,
        L: Math.max(0, ...d.split("\n").map((l) => l.length)),
      };
      for (const k of Object.keys(totals))
        totals[k] =
          k === "L" ? Math.max(totals.L, counts.L) : totals[k] + counts[k as keyof typeof counts];
      print(counts, input.name === "-" ? undefined : input.name);
    }
    if (inputs.length > 1) print(totals, "total");
    return ok ? 0 : 1;
  },
};

const sort: Program = {
  name: "sort",
  usage:
    "sort [-nrufbdiMgcsz] [-o FILE] [-k START[.OFS][OPTS][,END[.OFS][OPTS]] [-t CHAR] [FILE]...",
  *run(io) {
    const o = getopt(io, "nrufbdiMgcszo:k:t:", this.usage);
    if (!o) return 1;
    const { inputs, ok } = readInputs(io, o.operands);
    let ls = inputs.flatMap((i) => lines(i.data));
    yield* tick(io.budget, ls.length);
    const f = o.flags;
    const sep = typeof f.get("t") === "string" ? (f.get("t") as string) : undefined;
    const k =
      typeof f.get("k") === "string"
        ? Number(/^\d+/.exec(f.get("k") as string)?.[0] ?? 1)
        : undefined;
    const key = (l: string) => {
      let s = l;
      if (k !== undefined)
        s = (sep !== undefined ? l.split(sep) : l.trim().split(/\s+/))
          .slice(k - 1)
          .join(sep ?? " ");
      if (f.has("b")) s = s.trimStart();
      if (f.has("f")) s = s.toUpperCase();
      return s;
    };
    const numeric = f.has("n") || f.has("g");
    const cmp = (a: string, b: string) => {
      const ka = key(a);
      const kb = key(b);
      if (numeric) {
        const d = (parseFloat(ka) || 0) - (parseFloat(kb) || 0);
        if (d !== 0) return d;
      } else if (ka !== kb) return ka < kb ? -1 : 1;
      return a < b ? -1 : a > b ? 1 : 0;
    };
    ls = [...ls].sort(cmp);
    if (f.has("r")) ls.reverse();
    if (f.has("u")) ls = ls.filter((l, i) => i === 0 || cmp(ls[i - 1], l) !== 0);
    const out = ls.map((l) => `${l}\n`).join("");
    const target = f.get("o");
    if (typeof target === "string") io.ctx.fs.writeFile(resolvePath(io.cwd, target), out);
    else io.stdout(out);
    return ok ? 0 : 1;
  },
};

const uniq: Program = {
  name: "uniq",
  usage: "uniq [-cduiz] [-f,s,w N] [FILE [OUTFILE]]",
  *run(io) {
    const o = getopt(io, "cduif:s:w:", this.usage);
    if (!o) return 1;
    const { inputs, ok } = readInputs(io, o.operands.slice(0, 1));
    const ls = inputs.flatMap((i) => lines(i.data));
    const groups: { line: string; n: number }[] = [];
    const norm = (s: string) => (o.flags.has("i") ? s.toLowerCase() : s);
    for (const l of ls) {
      const last = groups[groups.length - 1];
      if (last && norm(last.line) === norm(l)) last.n++;
      else groups.push({ line: l, n: 1 });
    }
    for (const g of groups) {
      if (o.flags.has("d") && g.n < 2) continue;
      if (o.flags.has("u") && g.n > 1) continue;
      io.stdout(o.flags.has("c") ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`);
    }
    return ok ? 0 : 1;
  },
};

const rev: Program = {
  name: "rev",
  usage: "rev [FILE]...",
  *run(io) {
    const { inputs, ok } = readInputs(io, io.argv.slice(1));
    for (const input of inputs) {
      const d = input.data;
      const out = d
        .split("\n")
        .map((l) => [...l].reverse().join(""))
        .join("\n");
      io.stdout(out);
    }
    return ok ? 0 : 1;
  },
};

/** Expand tr's SET syntax: ranges `a-z`, classes `[:upper:]`, escapes. */
function trSet(s: string): string[] {
  const classes: Record<string, string> = {
    upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    lower: "abcdefghijklmnopqrstuvwxyz",
    digit: "0123456789",
    space: " \t\n\r\f\v",
    blank: " \t",
  };
  classes.alpha = classes.upper + classes.lower;
  classes.alnum = classes.alpha + classes.digit;
  const out: string[] = [];
  const chars: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(s.slice(i));
    if (cls && classes[cls[1]]) {
      chars.push(...classes[cls[1]]);
      i += cls[0].length - 1;
      continue;
    }
    if (s[i] === "\\" && i + 1 < s.length) {
      const e: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\" };
      chars.push(e[s[i + 1]] ?? s[i + 1]);
      i++;
      continue;
    }
    chars.push(s[i]);
  }
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === "-" && i + 2 < chars.length) {
      for (let c = chars[i].charCodeAt(0); c <= chars[i + 2].charCodeAt(0); c++)
        out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(chars[i]);
  }
  return out;
}

const tr: Program = {
  name: "tr",
  usage: "tr [-cds] STRING1 [STRING2]",
  *run(io) {
    const o = getopt(io, "cdsC", this.usage);
    if (!o) return 1;
    const [a, b] = o.operands;
    if (a === undefined || (b === undefined && !o.flags.has("d") && !o.flags.has("s"))) {
      showUsage(io, this.usage);
      return 1;
    }
    const set1 = trSet(a);
    const set2 = b === undefined ? [] : trSet(b);
    const inSet1 = (c: string) => set1.includes(c) !== o.flags.has("c");
    let out = "";
    let prev = "";
    for (const c of io.stdin.readAll()) {
      if (o.flags.has("d") && inSet1(c)) continue;
      let x = c;
      if (!o.flags.has("d") && set2.length > 0) {
        const idx = set1.indexOf(c);
        if (idx >= 0) x = set2[Math.min(idx, set2.length - 1)];
      }
      const squeezeSet = o.flags.has("d") ? set2 : set2.length > 0 ? set2 : set1;
      if (o.flags.has("s") && x === prev && squeezeSet.includes(x)) continue;
      out += x;
      prev = x;
    }
    io.stdout(out);
    return 0;
  },
};

const cut: Program = {
  name: "cut",
  usage: "cut [OPTIONS] [FILE]...",
  *run(io) {
    const o = getopt(io, "b:c:d:f:sn", this.usage);
    if (!o) return 1;
    const list = (o.flags.get("f") ?? o.flags.get("c") ?? o.flags.get("b")) as string | undefined;
    if (typeof list !== "string") {
      io.stderr("cut: expected a list of bytes, characters, or fields\n");
      return 1;
    }
    const want = (i: number) =>
      list.split(",").some((r) => {
        const [lo, hi] = r.includes("-") ? r.split("-") : [r, r];
        return i >= (lo === "" ? 1 : Number(lo)) && i <= (hi === "" ? Infinity : Number(hi));
      });
    const delim = typeof o.flags.get("d") === "string" ? (o.flags.get("d") as string) : "\t";
    const { inputs, ok } = readInputs(io, o.operands);
    for (const l of inputs.flatMap((i) => lines(i.data))) {
      if (o.flags.has("f")) {
        if (!l.includes(delim)) {
          if (!o.flags.has("s")) io.stdout(`${l}\n`);
          continue;
        }
        io.stdout(
          `${l
            .split(delim)
            .filter((_, i) => want(i + 1))
            .join(delim)}\n`,
        );
      } else io.stdout(`${[...l].filter((_, i) => want(i + 1)).join("")}\n`);
    }
    return ok ? 0 : 1;
  },
};

const tee: Program = {
  name: "tee",
  usage: "tee [-ai] [FILE]...",
  *run(io) {
    const o = getopt(io, "ai", this.usage);
    if (!o) return 1;
    const data = io.stdin.readAll();
    let status = 0;
    for (const f of o.operands) {
      if (!io.ctx.fs.writeFile(resolvePath(io.cwd, f), data, o.flags.has("a"))) {
        io.stderr(`tee: can't open '${f}': No such file or directory\n`);
        status = 1;
      }
    }
    io.stdout(data);
    return status;
  },
};

function* seqRun(io: ProgramIo): Run {
  // Negative numbers are operands, not options (`seq 5 -2 1`): hide them from getopt.
  const argv = io.argv.map((a, i) => (i > 0 && /^-\d/.test(a) ? `=${a}` : a));
  const o = getopt({ ...io, argv }, "ws:f:", "seq [-w] [-s SEP] [FIRST [INC]] LAST");
  if (!o) return 1;
  o.operands = o.operands.map((a) => a.replace(/^=-/, "-"));
  const nums = o.operands.map(Number);
  if (nums.length === 0 || nums.length > 3 || nums.some((n) => Number.isNaN(n))) {
    const bad = o.operands.find((a) => Number.isNaN(Number(a)));
    if (bad !== undefined) io.stderr(`seq: invalid number '${bad}'\n`);
    else showUsage(io, "seq [-w] [-s SEP] [FIRST [INC]] LAST");
    return 1;
  }
  const [first, inc, last] =
    nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  if (inc === 0) return 1;
  const sep = typeof o.flags.get("s") === "string" ? (o.flags.get("s") as string) : "\n";
  const decimals = Math.max(
    ...o.operands.map((a) => (a.includes(".") ? a.split(".")[1].length : 0)),
  );
  const width = o.flags.has("w") ? Math.max(String(first).length, String(last).length) : 0;
  let first_ = true;
  for (let v = first; inc > 0 ? v <= last + 1e-9 : v >= last - 1e-9; v += inc) {
    yield* tick(io.budget);
    io.stdout(`${first_ ? "" : sep}${v.toFixed(decimals).padStart(width, "0")}`);
    first_ = false;
  }
  if (!first_) io.stdout("\n");
  return 0;
}

const yes: Program = {
  name: "yes",
  usage: "yes [STRING]",
  *run(io) {
    const line = `${io.argv.length > 1 ? io.argv.slice(1).join(" ") : "y"}\n`;
    // Forever, or until the pipe's reader is gone (BrokenPipe ends the stage with 141).
    const chunk = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
    for (;;) {
      yield* tick(io.budget, 100);
      io.stdout(chunk);
    }
  },
};

export const textPrograms: Program[] = [
  cat,
  ...grepPrograms,
  headTail("head"),
  headTail("tail"),
  wc,
  sort,
  uniq,
  rev,
  tr,
  cut,
  tee,
  { name: "seq", usage: "seq [-w] [-s SEP] [FIRST [INC]] LAST", run: seqRun },
  yes,
];
