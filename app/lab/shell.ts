import { createCluster, type Cluster } from "../../src/cluster.ts";
import type { CommandResult } from "../../src/kubectl/output.ts";
import { Session } from "../../src/kubectl/session.ts";

/** The editor's buffer, as the terminal sees it: `kubectl apply -f job.yaml` applies the editor. */
export const EDITOR_FILE = "job.yaml";

/** Where `-f PATH` finds a file's text at the moment a command runs. */
export type FileLookup = (path: string) => string | undefined;

export interface ShellOptions {
  seed: number;
  /** RFC 3339 instant the virtual clock starts at. */
  start: string;
}

/** `./job.yaml` and `job.yaml` are the same file; the lab has no directories. */
export const normalizePath = (p: string): string => p.replace(/^(\.\/)+/, "");

/**
 * What the runtime drives: a cluster, and a way to run a terminal line against it that reports
 * the files the line read (so it can be recorded and replayed). The sandbox uses a LabShell; an
 * exercise uses an adapter over the lesson engine's ExerciseRun (app/lesson/exercise-engine.ts).
 */
export interface LabEngine {
  readonly cluster: Cluster;
  run(line: string, files: FileLookup): { result: CommandResult; read: Record<string, string> };
  /** Stop observing the cluster (timelines, injections); called when the engine is replaced. */
  dispose?(): void;
}

/**
 * One cluster plus the kubectl session that drives it, with the files a command reads captured,
 * so that a command can be recorded and later replayed with exactly the text it saw.
 * DOM-free: the runtime, the replay and the tests all use it.
 */
export class LabShell implements LabEngine {
  readonly cluster: Cluster;
  readonly session: Session;
  private lookup: FileLookup = () => undefined;
  private reads: Record<string, string> = {};

  constructor(readonly options: ShellOptions) {
    this.cluster = createCluster({ seed: options.seed, start: options.start });
    this.session = new Session({
      cluster: this.cluster,
      readFile: (p) => {
        const path = normalizePath(p);
        const text = this.lookup(path);
        if (text !== undefined) this.reads[path] = text;
        return text;
      },
    });
  }

  /** Run one line; returns what it printed and the files it read (path → text). */
  run(line: string, files: FileLookup): { result: CommandResult; read: Record<string, string> } {
    this.lookup = files;
    this.reads = {};
    try {
      return { result: this.session.exec(line), read: this.reads };
    } catch (e) {
      // A bug in the simulator must not take the page down; the same line fails the same way
      // when replayed, so live and replayed clusters stay identical.
      const message = e instanceof Error ? e.message : String(e);
      const text = `internal error: ${message} (this is a Batch Lab bug)\n`;
      return { result: { chunks: [{ stream: "stderr", text }], exitCode: 1 }, read: this.reads };
    } finally {
      this.lookup = () => undefined;
      this.reads = {};
    }
  }
}
