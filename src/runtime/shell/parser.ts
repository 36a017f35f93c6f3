import type {
  AndOr,
  Assignment,
  CaseCommand,
  Command,
  ForCommand,
  List,
  Pipeline,
  Redirect,
  RedirectOp,
  SimpleCommand,
  Word,
} from "./ast.ts";
import { ShellSyntaxError, tokenize, type Token } from "./lexer.ts";

/**
 * Recursive-descent parser for the POSIX sh grammar (lists, and-or lists, pipelines, simple
 * commands with assignments and redirections, if/while/until/for/case, groups, subshells and
 * functions). Syntax errors use busybox ash's wording: `syntax error: unexpected "fi"`.
 */
export function parse(src: string, opts: { bash?: boolean } = {}): List {
  return new Parser(tokenize(src, opts), opts.bash === true).program();
}

const RESERVED = new Set([
  "if",
  "then",
  "else",
  "elif",
  "fi",
  "do",
  "done",
  "case",
  "esac",
  "while",
  "until",
  "for",
  "in",
  "{",
  "}",
  "!",
]);
const REDIRECT_OPS = new Set([">", ">>", "<", ">&", "<&", "<<", "<<-", "<>", ">|"]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Parser {
  private i = 0;
  private readonly toks: Token[];
  private readonly bash: boolean;

  constructor(toks: Token[], bash = false) {
    this.toks = toks;
    this.bash = bash;
  }

  program(): List {
    const list = this.list(new Set());
    const t = this.peek();
    if (t.kind !== "eof") throw this.unexpected(t);
    return list;
  }

  private peek(): Token {
    return this.toks[this.i];
  }

  private next(): Token {
    return this.toks[this.i++];
  }

  /** The reserved word at the cursor (only meaningful in command position). */
  private reserved(t: Token = this.peek()): string | undefined {
    return t.kind === "word" &&
      RESERVED.has(t.raw) &&
      t.word.parts.length === 1 &&
      t.word.parts[0].type === "lit"
      ? t.raw
      : undefined;
  }

  private isOp(op: string, t: Token = this.peek()): boolean {
    return t.kind === "op" && t.op === op;
  }

  private skipNewlines(): void {
    while (this.peek().kind === "newline") this.i++;
  }

  private unexpected(t: Token, expecting?: string): ShellSyntaxError {
    const what =
      t.kind === "eof"
        ? "end of file"
        : `"${t.kind === "word" ? t.raw : t.kind === "op" ? t.op : t.kind === "newline" ? "newline" : String(t.fd)}"`;
    const msg =
      t.kind === "eof"
        ? `syntax error: unexpected end of file${expecting ? ` (expecting "${expecting}")` : ""}`
        : `syntax error: unexpected ${what}${expecting ? ` (expecting "${expecting}")` : ""}`;
    return new ShellSyntaxError(msg, t.line);
  }

  private expectWord(word: string): void {
    this.skipNewlines();
    if (this.reserved() !== word) throw this.unexpected(this.peek(), word);
    this.i++;
  }

  /** and-or lists separated by `;`, `&` or newlines, until a stop word, `)`, `;;` or EOF. */
  private list(stop: Set<string>): List {
    const out: List = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === "eof" || this.isOp(")") || this.isOp(";;")) break;
      const r = this.reserved();
      if (r && stop.has(r)) break;
      const ao = this.andOr();
      out.push(ao);
      const sep = this.peek();
      if (this.isOp(";") || this.isOp("&")) {
        ao.background = this.isOp("&");
        this.i++;
      } else if (sep.kind === "newline") {
        this.i++;
      } else break;
    }
    return out;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr["rest"] = [];
    while (this.isOp("&&") || this.isOp("||")) {
      const op = (this.next() as { op: "&&" | "||" }).op;
      this.skipNewlines();
      rest.push({ op, pipeline: this.pipeline() });
    }
    return { first, rest, background: false };
  }

  private pipeline(): Pipeline {
    let bang = false;
    while (this.reserved() === "!") {
      this.i++;
      bang = !bang;
    }
    const commands = [this.command()];
    while (this.isOp("|")) {
      this.i++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { bang, commands };
  }

  private command(): Command {
    const t = this.peek();
    const r = this.reserved();
    let cmd: Command;
    switch (r) {
      case "if":
        cmd = this.ifCommand();
        break;
      case "while":
      case "until": {
        this.i++;
        const cond = this.list(new Set(["do"]));
        this.expectWord("do");
        const body = this.list(new Set(["done"]));
        this.expectWord("done");
        cmd = { type: r, cond, body, redirects: [] };
        break;
      }
      case "for":
        cmd = this.forCommand();
        break;
      case "case":
        cmd = this.caseCommand();
        break;
      case "{": {
        this.i++;
        const body = this.list(new Set(["}"]));
        this.expectWord("}");
        cmd = { type: "group", body, redirects: [] };
        break;
      }
      case undefined:
        if (this.isOp("(")) {
          this.i++;
          const body = this.list(new Set());
          this.skipNewlines();
          if (!this.isOp(")")) throw this.unexpected(this.peek(), ")");
          this.i++;
          cmd = { type: "subshell", body, redirects: [] };
          break;
        }
        if (t.kind === "word" && NAME.test(t.raw) && this.isOp("(", this.toks[this.i + 1])) {
          return this.functionDef();
        }
        if (t.kind === "word" && t.raw === "function") {
          const fn = this.bashFunction();
          if (fn) return fn;
        }
        return this.simple();
      default:
        throw this.unexpected(t);
    }
    while (this.isRedirectStart()) cmd.redirects.push(this.redirect());
    return cmd;
  }

  private functionDef(): Command {
    const name = (this.next() as { raw: string }).raw;
    this.i++; // (
    if (!this.isOp(")")) throw this.unexpected(this.peek(), ")");
    this.i++;
    this.skipNewlines();
    const body = this.command();
    return { type: "function", name, body, redirects: [] };
  }

  /** bash's `function name { …; }` (busybox ash accepts it too). */
  private bashFunction(): Command | undefined {
    const n = this.toks[this.i + 1];
    if (n?.kind !== "word" || !NAME.test(n.raw)) return undefined;
    this.i++;
    if (this.isOp("(", this.toks[this.i + 1])) return this.functionDef();
    this.i++;
    this.skipNewlines();
    return { type: "function", name: n.raw, body: this.command(), redirects: [] };
  }

  private ifCommand(): Command {
    this.i++; // if
    const clauses: { cond: List; body: List }[] = [];
    let elseBody: List | undefined;
    for (;;) {
      const cond = this.list(new Set(["then"]));
      this.expectWord("then");
      const body = this.list(new Set(["elif", "else", "fi"]));
      clauses.push({ cond, body });
      this.skipNewlines();
      const r = this.reserved();
      if (r === "elif") {
        this.i++;
        continue;
      }
      if (r === "else") {
        this.i++;
        elseBody = this.list(new Set(["fi"]));
      }
      this.expectWord("fi");
      break;
    }
    return { type: "if", clauses, elseBody, redirects: [] };
  }

  private forCommand(): ForCommand {
    this.i++; // for
    const nameTok = this.next();
    if (nameTok.kind !== "word" || !NAME.test(nameTok.raw)) {
      throw new ShellSyntaxError(`syntax error: bad for loop variable`, nameTok.line);
    }
    this.skipNewlines();
    let items: Word[] | undefined;
    if (this.reserved() === "in") {
      this.i++;
      items = [];
      for (let t = this.peek(); t.kind === "word"; t = this.peek()) {
        items.push(t.word);
        this.i++;
      }
      if (this.isOp(";") || this.peek().kind === "newline") this.i++;
      else throw this.unexpected(this.peek(), "do");
    } else if (this.isOp(";")) this.i++;
    this.expectWord("do");
    const body = this.list(new Set(["done"]));
    this.expectWord("done");
    return { type: "for", name: nameTok.raw, items, body, redirects: [] };
  }

  private caseCommand(): CaseCommand {
    this.i++; // case
    const subj = this.next();
    if (subj.kind !== "word") throw this.unexpected(subj);
    this.skipNewlines();
    if (this.reserved() !== "in") throw this.unexpected(this.peek(), "in");
    this.i++;
    const arms: CaseCommand["arms"] = [];
    for (;;) {
      this.skipNewlines();
      if (this.reserved() === "esac") {
        this.i++;
        break;
      }
      if (this.isOp("(")) this.i++;
      const patterns: Word[] = [];
      for (;;) {
        const p = this.next();
        if (p.kind !== "word") throw this.unexpected(p);
        patterns.push(p.word);
        if (this.isOp("|")) this.i++;
        else break;
      }
      if (!this.isOp(")")) throw this.unexpected(this.peek(), ")");
      this.i++;
      const body = this.list(new Set(["esac"]));
      arms.push({ patterns, body });
      this.skipNewlines();
      if (this.isOp(";;")) this.i++;
      else if (this.reserved() !== "esac") throw this.unexpected(this.peek(), "esac");
    }
    return { type: "case", subject: subj.word, arms, redirects: [] };
  }

  private isRedirectStart(): boolean {
    const t = this.peek();
    return t.kind === "io" || (t.kind === "op" && REDIRECT_OPS.has(t.op));
  }

  private redirect(): Redirect {
    let t = this.next();
    let fd: number | undefined;
    if (t.kind === "io") {
      fd = t.fd;
      t = this.next();
    }
    if (t.kind !== "op" || !REDIRECT_OPS.has(t.op)) throw this.unexpected(t);
    const op = t.op as RedirectOp;
    const target = this.next();
    if (target.kind !== "word") throw this.unexpected(target);
    const isInput = op === "<" || op === "<&" || op === "<<" || op === "<<-" || op === "<>";
    const word = op === "<<" || op === "<<-" ? (target.heredoc ?? { parts: [] }) : target.word;
    return { fd: fd ?? (isInput ? 0 : 1), op, target: word };
  }

  private simple(): SimpleCommand {
    const line = this.peek().line;
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      if (this.isRedirectStart()) {
        redirects.push(this.redirect());
        continue;
      }
      const t = this.peek();
      if (t.kind !== "word") break;
      if (words.length === 0) {
        const assign = asAssignment(t, this.bash);
        if (assign) {
          this.i++;
          const open = this.peek();
          if (
            this.bash &&
            assign.value.parts.length === 0 &&
            !assign.index &&
            open.kind === "op" &&
            open.op === "("
          ) {
            // bash `name=(word…)`, newlines allowed between the words.
            this.i++;
            assign.array = [];
            for (;;) {
              const w = this.next();
              if (w.kind === "newline") continue;
              if (w.kind === "op" && w.op === ")") break;
              if (w.kind !== "word") throw this.unexpected(w);
              assign.array.push(w.word);
            }
          }
          assigns.push(assign);
          continue;
        }
      }
      words.push(t.word);
      this.i++;
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) {
      throw this.unexpected(this.peek());
    }
    return { type: "simple", assigns, words, redirects, line };
  }
}

/** `NAME=value` as the leading part of a word (the `NAME=` must be unquoted). */
function asAssignment(t: Token & { kind: "word" }, bash = false): Assignment | undefined {
  const first = t.word.parts[0];
  if (first?.type !== "lit") return undefined;
  const m = (
    bash ? /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?=/ : /^([A-Za-z_][A-Za-z0-9_]*)=/
  ).exec(first.text);
  if (!m) return undefined;
  const restText = first.text.slice(m[0].length);
  const parts = [
    ...(restText ? [{ type: "lit" as const, text: restText }] : []),
    ...t.word.parts.slice(1),
  ];
  const index: Word | undefined =
    m[2] !== undefined ? { parts: [{ type: "qlit", text: m[2] }] } : undefined;
  return index ? { name: m[1], value: { parts }, index } : { name: m[1], value: { parts } };
}
