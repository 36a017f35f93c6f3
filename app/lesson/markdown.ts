/**
 * A small Markdown parser for pack texts (intros, hints, "what you learned"). Pack content is
 * data (DESIGN.md): this produces a plain tree that `Markdown.tsx` turns into React elements —
 * no HTML string is ever built or injected, raw HTML in the source stays literal text, and links
 * keep only http(s) targets. Supported: headings, paragraphs, emphasis, strong, inline code,
 * fenced code blocks, ordered and unordered (nested) lists, block quotes, links, `\` escapes.
 */

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "em"; children: Inline[] }
  | { type: "strong"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "code"; lang: string; text: string }
  | { type: "list"; ordered: boolean; start: number; items: Block[][] }
  | { type: "quote"; children: Block[] };

/** Inputs are bounded so a hostile pack cannot make the parser crawl (habit 7). */
export const MAX_MARKDOWN_CHARS = 50_000;
const MAX_DEPTH = 8;

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

const startsBlock = (line: string) =>
  FENCE.test(line) || HEADING.test(line) || ITEM.test(line) || QUOTE.test(line);

export function parseMarkdown(source: string, depth = 0): Block[] {
  const lines = source.slice(0, MAX_MARKDOWN_CHARS).replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1];
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(marker)) body.push(lines[i++]);
      i++; // the closing fence (or the end)
      blocks.push({ type: "code", lang: fence[2].toLowerCase(), text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        type: "heading",
        level: heading[1].length,
        children: parseInline(heading[2]),
      });
      i++;
      continue;
    }
    if (QUOTE.test(line) && depth < MAX_DEPTH) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) body.push(QUOTE.exec(lines[i++])![1]);
      blocks.push({ type: "quote", children: parseMarkdown(body.join("\n"), depth + 1) });
      continue;
    }
    const item = ITEM.exec(line);
    if (item && depth < MAX_DEPTH) {
      const [list, next] = parseList(lines, i, depth);
      blocks.push(list);
      i = next;
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i].trim() !== "" &&
      (para.length === 0 || !startsBlock(lines[i]))
    )
      para.push(lines[i++].trim());
    blocks.push({ type: "paragraph", children: parseInline(para.join(" ")) });
  }
  return blocks;
}

/** A list starting at `lines[from]`: items at its indent, each item's deeper lines parsed inside it. */
function parseList(lines: string[], from: number, depth: number): [Block, number] {
  const first = ITEM.exec(lines[from])!;
  const indent = first[1].length;
  const ordered = /\d/.test(first[2]);
  const items: Block[][] = [];
  let i = from;
  while (i < lines.length) {
    const m = ITEM.exec(lines[i]);
    if (!m || m[1].length !== indent || /\d/.test(m[2]) !== ordered) break;
    const contentIndent = indent + m[2].length + 1;
    const body = [m[3]];
    i++;
    while (i < lines.length) {
      const l = lines[i];
      if (l.trim() === "") {
        // A blank line continues the item only when an indented line follows.
        const nextLine = lines[i + 1];
        if (
          nextLine !== undefined &&
          leading(nextLine) >= contentIndent &&
          nextLine.trim() !== ""
        ) {
          body.push("");
          i++;
          continue;
        }
        break;
      }
      const sub = ITEM.exec(l);
      if (sub && sub[1].length <= indent) break;
      if (leading(l) < contentIndent && startsBlock(l) && !sub) break;
      body.push(leading(l) >= contentIndent ? l.slice(contentIndent) : l.trim());
      i++;
    }
    items.push(parseMarkdown(body.join("\n"), depth + 1));
    // Blank lines between items keep the list going.
    let j = i;
    while (j < lines.length && lines[j].trim() === "") j++;
    const again = j < lines.length ? ITEM.exec(lines[j]) : null;
    if (j > i && again && again[1].length === indent) i = j;
  }
  const start = ordered ? Number.parseInt(first[2], 10) : 1;
  return [{ type: "list", ordered, start, items }, i];
}

const leading = (l: string) => l.length - l.trimStart().length;

const SAFE_URL = /^https?:\/\/[^\s<>"'`]+$/i;

/** Only absolute http(s) links survive; anything else (javascript:, data:, relative) is dropped. */
export const safeHref = (url: string): string | undefined =>
  SAFE_URL.test(url.trim()) ? url.trim() : undefined;

export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let buf = "";
  const flush = () => {
    if (buf) out.push({ type: "text", text: buf });
    buf = "";
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length && /[\\`*_[\]()#+\-.!>{}~|]/.test(text[i + 1])) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    if (c === "`") {
      let run = 1;
      while (text[i + run] === "`") run++;
      const ticks = "`".repeat(run);
      const end = text.indexOf(ticks, i + run);
      if (end > 0) {
        flush();
        let code = text.slice(i + run, end);
        if (/^ .* $/.test(code)) code = code.slice(1, -1);
        out.push({ type: "code", text: code });
        i = end + run;
        continue;
      }
      buf += ticks;
      i += run;
      continue;
    }
    if ((c === "*" || c === "_") && depth < MAX_DEPTH) {
      const double = text[i + 1] === c;
      const marker = double ? c + c : c;
      const intraword = c === "_" && i > 0 && /\w/.test(text[i - 1]);
      const end = intraword ? -1 : findClosing(text, i + marker.length, marker);
      if (end > i + marker.length) {
        flush();
        const children = parseInline(text.slice(i + marker.length, end), depth + 1);
        out.push(double ? { type: "strong", children } : { type: "em", children });
        i = end + marker.length;
        continue;
      }
    }
    if (c === "[" && depth < MAX_DEPTH) {
      const link = /^\[([^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"]*")?\)/.exec(
        text.slice(i),
      );
      if (link) {
        flush();
        const children = parseInline(link[1], depth + 1);
        const href = safeHref(link[2]);
        if (href) out.push({ type: "link", href, children });
        else out.push(...children);
        i += link[0].length;
        continue;
      }
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

/** Where `marker` closes emphasis opened before `from` (not followed by a space before it). */
function findClosing(text: string, from: number, marker: string): number {
  if (text[from] === " " || from >= text.length) return -1;
  let i = from;
  while (i < text.length) {
    if (text[i] === "\\") {
      i += 2;
      continue;
    }
    if (text[i] === "`") {
      const end = text.indexOf("`", i + 1);
      i = end < 0 ? i + 1 : end + 1;
      continue;
    }
    if (text.startsWith(marker, i) && text[i - 1] !== " ") {
      // `*a **b** c*`: a single `*` must not close on a `**`.
      if (marker.length === 1 && text[i + 1] === marker) {
        i += 2;
        continue;
      }
      if (marker === "_" && /\w/.test(text[i + 1] ?? "")) {
        i++;
        continue;
      }
      return i;
    }
    i++;
  }
  return -1;
}

/** A line a demo button may run: a kubectl command (a leading `$ ` prompt is dropped). */
export function runnableCommand(text: string): string | undefined {
  const line = text.trim().replace(/^\$\s+/, "");
  return /^kubectl\s+\S/.test(line) && !line.includes("\n") ? line : undefined;
}
