/** Wall milliseconds per typed character, and a cap so long lines do not take ages. */
const CHAR_MS = 14;
const MAX_TYPING_MS = 700;

/**
 * Type `line` into the terminal's line editor as if at the keyboard — clear what was being typed
 * (End, Ctrl+U), the characters a few at a time, then Enter — and resolve once the line ran.
 * Lesson demos and the solution replay use it, so the learner sees each command typed and run.
 */
export function typeLine(
  input: (data: string) => void,
  line: string,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<void> {
  const chars = [...line];
  const perStep = Math.max(1, Math.ceil((chars.length * CHAR_MS) / MAX_TYPING_MS));
  return (async () => {
    input("\x05\x15");
    for (let i = 0; i < chars.length; i += perStep) {
      input(chars.slice(i, i + perStep).join(""));
      await wait(CHAR_MS);
    }
    input("\r");
  })();
}
