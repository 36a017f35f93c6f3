import { formatDate } from "./date.ts";
import type { KubectlContext } from "./context.ts";
import { runKubectl } from "./kubectl.ts";
import { Output, type CommandResult } from "./output.ts";
import { tokenize } from "./tokenize.ts";

/** `90s`, `5m`, `3h`, `2d`, `1h30m`, or a bare number of seconds → ms. */
export function parseSleep(s: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|d|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const m of s.matchAll(re)) {
    if (m.index !== consumed) return undefined;
    consumed += m[0].length;
    total +=
      Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "ms"];
  }
  return consumed === s.length && consumed > 0 ? total : undefined;
}

type Filter = (input: string, args: string[]) => { text: string; code: number } | { error: string };

/** The few shell comforts learners pipe kubectl output into. */
const filters: Record<string, Filter> = {
  grep(input, args) {
    const flags = args.filter((a) => a.startsWith("-")).join("");
    const pattern = args.find((a) => !a.startsWith("-"));
    if (pattern === undefined) return { error: "Usage: grep [-ivcq] PATTERN" };
    let re: RegExp;
    try {
      re = new RegExp(pattern, flags.includes("i") ? "i" : "");
    } catch {
      return { error: `grep: bad regex '${pattern}'` };
    }
    const lines = input.split("\n").filter((l, i, a) => i < a.length - 1 || l !== "");
    const hits = lines.filter((l) => re.test(l) !== flags.includes("v"));
    if (flags.includes("q")) return { text: "", code: hits.length ? 0 : 1 };
    if (flags.includes("c")) return { text: `${hits.length}\n`, code: hits.length ? 0 : 1 };
    return { text: hits.map((l) => l + "\n").join(""), code: hits.length ? 0 : 1 };
  },
  head: (input, args) => lineSlice(input, args, (ls, n) => ls.slice(0, n)),
  tail: (input, args) => lineSlice(input, args, (ls, n) => ls.slice(Math.max(0, ls.length - n))),
  wc(input, args) {
    const lines = input.split("\n").length - 1;
    if (args.includes("-l")) return { text: `${lines}\n`, code: 0 };
    if (args.includes("-w"))
      return { text: `${input.split(/\s+/).filter(Boolean).length}\n`, code: 0 };
    if (args.includes("-c")) return { text: `${input.length}\n`, code: 0 };
    return {
      text: `${String(lines).padStart(7)} ${String(input.split(/\s+/).filter(Boolean).length).padStart(7)} ${String(input.length).padStart(7)}\n`,
      code: 0,
    };
  },
  sort(input, args) {
    const lines = input.split("\n").filter((l, i, a) => i < a.length - 1 || l !== "");
    lines.sort(args.includes("-n") ? (a, b) => parseFloat(a) - parseFloat(b) : undefined);
    if (args.includes("-r")) lines.reverse();
    return { text: lines.map((l) => l + "\n").join(""), code: 0 };
  },
};

function lineSlice(
  input: string,
  args: string[],
  pick: (lines: string[], n: number) => string[],
): { text: string; code: number } {
  let n = 10;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-n" && args[i + 1]) n = Number(args[++i]);
    else if (/^-\d+$/.test(args[i])) n = Number(args[i].slice(1));
    else if (/^-n\d+$/.test(args[i])) n = Number(args[i].slice(2));
  }
  const lines = input.split("\n").filter((l, i, a) => i < a.length - 1 || l !== "");
  return {
    text: pick(lines, n)
      .map((l) => l + "\n")
      .join(""),
    code: 0,
  };
}

export const SESSION_COMMANDS = [
  "kubectl",
  "sleep",
  "date",
  "clear",
  "help",
  "echo",
  ...Object.keys(filters),
];

/**
 * The lab's terminal: runs one line of input against the cluster. Shared by the browser
 * terminal and the headless runner, so both behave the same.
 */
export class Session {
  constructor(private readonly ctx: KubectlContext) {}

  /** Run one line; `stdin` feeds `kubectl apply -f -` (e.g. the editor's buffer). */
  exec(line: string, stdin?: string): CommandResult {
    const out = new Output();
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return out.result();
    const tok = tokenize(trimmed);
    if ("error" in tok) {
      out.fail(`sh: syntax error: ${tok.error}`, 2);
      return out.result();
    }
    const [first, ...pipes] = tok.words;
    let result = this.runFirst(first, stdin);
    for (const stage of pipes) {
      const [cmd, ...args] = stage;
      const f = cmd ? filters[cmd] : undefined;
      if (!f) {
        out.fail(
          `sh: ${cmd ?? ""}: not available in this lab (pipes work into grep, head, tail, wc and sort)`,
          127,
        );
        return out.result();
      }
      const input = result.chunks
        .filter((c) => c.stream === "stdout")
        .map((c) => c.text)
        .join("");
      for (const c of result.chunks) if (c.stream === "stderr") out.err(c.text);
      const r = f(input, args);
      const next = new Output();
      if ("error" in r) next.fail(r.error, 2);
      else {
        next.out(r.text);
        next.exitCode = r.code;
      }
      result = next.result();
    }
    for (const c of result.chunks) {
      if (c.stream === "stdout") out.out(c.text);
      else out.err(c.text);
    }
    out.exitCode = result.exitCode;
    // Controllers react to a write at the same instant: let them, so the next command sees it.
    this.ctx.cluster.settle();
    return out.result();
  }

  private runFirst(words: string[], stdin: string | undefined): CommandResult {
    const out = new Output();
    const [cmd, ...args] = words;
    switch (cmd) {
      case "kubectl":
      case "k":
        return runKubectl(stdin === undefined ? this.ctx : { ...this.ctx, stdin }, args);
      case "sleep": {
        const d = args[0] !== undefined ? parseSleep(args[0]) : undefined;
        if (d === undefined) out.fail(`sleep: invalid number '${args[0] ?? ""}'`);
        else this.ctx.cluster.advance(d);
        return out.result();
      }
      case "date":
        out.out(formatDate(this.ctx.cluster.now()) + "\n");
        return out.result();
      case "echo":
        out.out(args.join(" ") + "\n");
        return out.result();
      case "help":
        out.out(
          "Batch Lab terminal. Commands:\n" +
            "  kubectl <verb> …   apply, create, get, describe, logs, delete, wait, version (kubectl <verb> --help)\n" +
            "  sleep <duration>   let virtual time pass (90s, 5m, 1h30m, 2d)\n" +
            "  date               the virtual clock\n" +
            "  clear              clear the screen\n" +
            "  … | grep/head/tail/wc/sort   filter output\n",
        );
        return out.result();
      default:
        out.fail(`sh: ${cmd}: not available in this lab (type 'help' for what is)`, 127);
        return out.result();
    }
  }
}
