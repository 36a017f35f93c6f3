/**
 * Split a command line into words the way a POSIX shell would for simple commands: single and
 * double quotes, backslash escapes, and `|` as a pipe separator. Returns an error text for an
 * unterminated quote.
 */
export function tokenize(line: string): { words: string[][] } | { error: string } {
  const stages: string[][] = [[]];
  let word = "";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: "unexpected EOF while looking for matching `''" };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === "\\" && j + 1 < line.length && '"\\$`'.includes(line[j + 1])) {
          word += line[++j];
        } else word += line[j];
      }
      if (j >= line.length) return { error: "unexpected EOF while looking for matching `\"'" };
      inWord = true;
      i = j;
    } else if (ch === "\\" && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (ch === " " || ch === "\t") {
      if (inWord) stages[stages.length - 1].push(word);
      word = "";
      inWord = false;
    } else if (ch === "|") {
      if (inWord) stages[stages.length - 1].push(word);
      word = "";
      inWord = false;
      stages.push([]);
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) stages[stages.length - 1].push(word);
  return { words: stages };
}
