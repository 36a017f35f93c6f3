/** Lines kept in the terminal's history at most. */
export const MAX_HISTORY = 500;

/**
 * Shell history with ↑/↓ navigation. The line being edited is kept as a draft while browsing,
 * and comes back after the newest entry (as in bash/readline).
 */
export class History {
  private entries: string[];
  /** Position while browsing: entries.length means "the draft". */
  private index: number;
  private draft = "";

  constructor(
    entries: readonly string[] = [],
    private readonly onChange: (entries: readonly string[]) => void = () => {},
  ) {
    this.entries = entries.slice(-MAX_HISTORY);
    this.index = this.entries.length;
  }

  list(): readonly string[] {
    return this.entries;
  }

  /** Record a run line (not blank, not a repeat of the previous one) and stop browsing. */
  push(line: string): void {
    const l = line.trimEnd();
    if (l.trim() !== "" && this.entries[this.entries.length - 1] !== l) {
      this.entries = [...this.entries, l].slice(-MAX_HISTORY);
      this.onChange(this.entries);
    }
    this.reset();
  }

  reset(): void {
    this.index = this.entries.length;
    this.draft = "";
  }

  /** The older line (↑), or undefined at the oldest. `current` is what is on the prompt now. */
  up(current: string): string | undefined {
    if (this.index === 0) return undefined;
    if (this.index === this.entries.length) this.draft = current;
    this.index--;
    return this.entries[this.index];
  }

  /** The newer line (↓), the draft after the newest, undefined when not browsing. */
  down(): string | undefined {
    if (this.index >= this.entries.length) return undefined;
    this.index++;
    return this.index === this.entries.length ? this.draft : this.entries[this.index];
  }
}
