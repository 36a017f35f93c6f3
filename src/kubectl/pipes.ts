/**
 * The shell comforts learners pipe kubectl output into — `grep` (with -i -v -c -q -E -w and
 * context -A/-B/-C), `head`, `tail`, `wc`, `sort` — as line filters that work on a stream:
 * grep and head pass lines on as they come (so `kubectl get pods -w | grep Running` streams),
 * tail, wc and sort wait for the end. head closes the pipe once it has its lines.
 */

export interface Stage {
  /** One complete line (without its newline). */
  line(l: string): void;
  /** Input ended. */
  end(): void;
  /** Exit status once ended. */
  code(): number;
  /** No more input wanted (head has printed its lines). */
  closed?(): boolean;
}

export type Emit = (line: string) => void;
type Factory = (args: string[], emit: Emit) => Stage | { error: string };

/** GNU grep's basic regular expressions → JavaScript (`\|`, `\(`…`\)`, `\+` are the operators). */
function breToJs(p: string): string {
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\" && i + 1 < p.length) {
      const n = p[++i];
      out += "|(){}+?".includes(n) ? n : "\\" + n;
    } else out += "|(){}+?".includes(c) ? "\\" + c : c;
  }
  return out;
}

function count(args: string[], i: number): number | undefined {
  const v = args[i];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

const grep: Factory = (args, emit) => {
  let invert = false;
  let ignore = false;
  let countOnly = false;
  let quiet = false;
  let extended = false;
  let word = false;
  let after = 0;
  let before = 0;
  let pattern: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const ctx = /^-([ABC])(\d*)$/.exec(a);
    if (ctx) {
      const n = ctx[2] ? Number(ctx[2]) : count(args, ++i);
      if (n === undefined)
        return { error: `grep: ${args[i] ?? ""}: invalid context length argument` };
      if (ctx[1] !== "B") after = n;
      if (ctx[1] !== "A") before = n;
    } else if (a === "-e") pattern = args[++i];
    else if (/^-[ivcqEwF]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === "i") ignore = true;
        if (f === "v") invert = true;
        if (f === "c") countOnly = true;
        if (f === "q") quiet = true;
        if (f === "E") extended = true;
        if (f === "w") word = true;
      }
    } else if (a.startsWith("-") && a.length > 1)
      return {
        error: `grep: invalid option -- '${a.slice(1)}'\nUsage: grep [OPTION]... PATTERNS [FILE]...`,
      };
    else if (pattern === undefined) pattern = a;
    else return { error: `grep: ${a}: not available in this lab (grep reads the pipe, not files)` };
  }
  if (pattern === undefined)
    return {
      error: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.",
    };
  let re: RegExp;
  try {
    const src = extended ? pattern : breToJs(pattern);
    re = new RegExp(word ? `(?<![\\w])(?:${src})(?![\\w])` : src, ignore ? "i" : "");
  } catch {
    return { error: `grep: Unmatched ( or \\(` };
  }
  let hits = 0;
  let lastPrinted = -1;
  let afterLeft = 0;
  let n = -1;
  const held: { n: number; l: string }[] = [];
  const print = (k: number, l: string) => {
    if (lastPrinted >= 0 && k > lastPrinted + 1 && (before || after)) emit("--");
    emit(l);
    lastPrinted = k;
  };
  return {
    line(l) {
      n++;
      const hit = re.test(l) !== invert;
      if (hit) hits++;
      if (quiet || countOnly) return;
      if (hit) {
        for (const h of held) print(h.n, h.l);
        held.length = 0;
        print(n, l);
        afterLeft = after;
      } else if (afterLeft > 0) {
        afterLeft--;
        print(n, l);
      } else if (before) {
        held.push({ n, l });
        if (held.length > before) held.shift();
      }
    },
    end() {
      if (countOnly && !quiet) emit(String(hits));
    },
    code: () => (hits ? 0 : 1),
  };
};

function lineCount(args: string[], cmd: string): number | { error: string } {
  let n = 10;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let m: RegExpExecArray | null;
    if (a === "-n") {
      const v = args[++i];
      if (v === undefined || !/^[-+]?\d+$/.test(v))
        return { error: `${cmd}: invalid number of lines: '${v ?? ""}'` };
      n = Math.abs(Number(v));
    } else if ((m = /^-n?(\d+)$/.exec(a))) n = Number(m[1]);
    else
      return { error: `${cmd}: ${a}: not available in this lab (${cmd} reads the pipe; use -n N)` };
  }
  return n;
}

const head: Factory = (args, emit) => {
  const n = lineCount(args, "head");
  if (typeof n !== "number") return n;
  let seen = 0;
  return {
    line(l) {
      if (seen++ < n) emit(l);
    },
    end() {},
    code: () => 0,
    closed: () => seen >= n,
  };
};

const tail: Factory = (args, emit) => {
  const n = lineCount(args, "tail");
  if (typeof n !== "number") return n;
  const keep: string[] = [];
  return {
    line(l) {
      keep.push(l);
      if (keep.length > n) keep.shift();
    },
    end: () => keep.forEach(emit),
    code: () => 0,
  };
};

const wc: Factory = (args, emit) => {
  let lines = 0;
  let words = 0;
  let bytes = 0;
  return {
    line(l) {
      lines++;
      words += l.split(/\s+/).filter(Boolean).length;
      bytes += new TextEncoder().encode(l).length + 1;
    },
    end() {
      const flags = args.join("");
      if (flags === "-l") emit(String(lines));
      else if (flags === "-w") emit(String(words));
      else if (flags === "-c") emit(String(bytes));
      else
        emit(
          `${String(lines).padStart(7)} ${String(words).padStart(7)} ${String(bytes).padStart(7)}`,
        );
    },
    code: () => 0,
  };
};

const sort: Factory = (args, emit) => {
  const lines: string[] = [];
  const numeric = args.some((a) => /^-\w*n/.test(a));
  const reverse = args.some((a) => /^-\w*r/.test(a));
  let key: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const m = /^-k(\d+)?/.exec(args[i]);
    if (m) key = Number(m[1] ?? args[++i]?.split(",")[0]);
  }
  const field = (l: string) => (key ? (l.trim().split(/\s+/)[key - 1] ?? "") : l);
  return {
    line: (l) => void lines.push(l),
    end() {
      lines.sort((a, b) => {
        const x = field(a);
        const y = field(b);
        const d = numeric
          ? (parseFloat(x) || 0) - (parseFloat(y) || 0)
          : x < y
            ? -1
            : x > y
              ? 1
              : 0;
        return d || (a < b ? -1 : a > b ? 1 : 0);
      });
      if (reverse) lines.reverse();
      lines.forEach(emit);
    },
    code: () => 0,
  };
};

export const PIPE_COMMANDS: Record<string, Factory> = {
  grep,
  egrep: (a, e) => grep(["-E", ...a], e),
  head,
  tail,
  wc,
  sort,
};

/** A chain of stages fed with text; calls `out` with the text the last stage writes. */
export class Pipeline {
  private stages: Stage[] = [];
  private partial = "";

  constructor(
    specs: string[][],
    private readonly out: (text: string) => void,
  ) {
    let emit: Emit = (l) => this.out(l + "\n");
    const built: Stage[] = [];
    for (let i = specs.length - 1; i >= 0; i--) {
      const [cmd, ...args] = specs[i];
      const s = PIPE_COMMANDS[cmd](args, emit) as Stage;
      built.unshift(s);
      const next = s;
      emit = (l) => next.line(l);
    }
    this.stages = built;
  }

  /** Check every stage exists and parses its arguments; the first problem, or undefined. */
  static check(specs: string[][]): string | undefined {
    for (const [cmd, ...args] of specs) {
      if (!cmd || !PIPE_COMMANDS[cmd])
        return `sh: ${cmd ?? ""}: not available in this lab (pipes work into grep, head, tail, wc and sort)`;
      const s = PIPE_COMMANDS[cmd](args, () => undefined);
      if ("error" in s) return s.error;
    }
    return undefined;
  }

  write(text: string): void {
    const parts = (this.partial + text).split("\n");
    this.partial = parts.pop()!;
    for (const p of parts) this.stages[0].line(p);
  }

  end(): number {
    if (this.partial) this.stages[0].line(this.partial);
    this.partial = "";
    for (const s of this.stages) s.end();
    return this.stages[this.stages.length - 1].code();
  }

  /** The first stage wants no more input (e.g. `head` is satisfied). */
  closed(): boolean {
    return this.stages.some((s) => s.closed?.());
  }
}
