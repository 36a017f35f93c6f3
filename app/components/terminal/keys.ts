/** A key (or typed/pasted text) decoded from what xterm's `onData` delivers. */
export type Key =
  | { type: "text"; text: string }
  | {
      type:
        | "enter"
        | "tab"
        | "backspace"
        | "delete"
        | "left"
        | "right"
        | "word-left"
        | "word-right"
        | "home"
        | "end"
        | "up"
        | "down"
        | "interrupt"
        | "clear-screen"
        | "kill-before"
        | "kill-after"
        | "kill-word";
    };

type KeyType = Exclude<Key, { type: "text" }>["type"];

/** Escape sequences xterm sends for the keys the line editor understands. */
const SEQUENCES: Record<string, KeyType> = {
  "\x1b[A": "up",
  "\x1b[B": "down",
  "\x1b[C": "right",
  "\x1b[D": "left",
  "\x1bOA": "up",
  "\x1bOB": "down",
  "\x1bOC": "right",
  "\x1bOD": "left",
  "\x1b[H": "home",
  "\x1b[F": "end",
  "\x1bOH": "home",
  "\x1bOF": "end",
  "\x1b[1~": "home",
  "\x1b[4~": "end",
  "\x1b[7~": "home",
  "\x1b[8~": "end",
  "\x1b[3~": "delete",
  "\x1b[1;5C": "word-right",
  "\x1b[1;5D": "word-left",
  "\x1bf": "word-right",
  "\x1bb": "word-left",
};

const CONTROL: Record<string, KeyType> = {
  "\r": "enter",
  "\n": "enter",
  "\x7f": "backspace",
  "\b": "backspace",
  "\x03": "interrupt",
  "\x0c": "clear-screen",
  "\x01": "home",
  "\x05": "end",
  "\x02": "left",
  "\x06": "right",
  "\x10": "up",
  "\x0e": "down",
  "\x04": "delete",
  "\x15": "kill-before",
  "\x0b": "kill-after",
  "\x17": "kill-word",
};

/**
 * Split terminal input into keys; unknown escape sequences and control characters are dropped.
 * A Tab on its own is the Tab key (completion); tabs inside pasted text are spaces.
 */
export function parseKeys(data: string): Key[] {
  if (data === "\t") return [{ type: "tab" }];
  const keys: Key[] = [];
  let text = "";
  const flush = () => {
    if (text) keys.push({ type: "text", text });
    text = "";
  };
  for (let i = 0; i < data.length;) {
    const ch = data[i];
    if (ch === "\x1b") {
      flush();
      // eslint-disable-next-line no-control-regex -- matching escape sequences is the point
      const m = /^\x1b(?:\[[0-9;?]*[A-Za-z~]|O[A-Za-z]|[A-Za-z])?/.exec(data.slice(i))!;
      const known = SEQUENCES[m[0]];
      if (known) keys.push({ type: known });
      i += Math.max(1, m[0].length);
      continue;
    }
    if (ch === "\r" && data[i + 1] === "\n") {
      flush();
      keys.push({ type: "enter" });
      i += 2;
      continue;
    }
    const ctl = CONTROL[ch];
    if (ctl) {
      flush();
      keys.push({ type: ctl });
    } else if (ch === "\t") {
      text += " ";
    } else if (ch >= " ") {
      text += ch;
    }
    i++;
  }
  flush();
  return keys;
}
