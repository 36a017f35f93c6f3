import type { Job, Pod } from "../api/types.ts";
import type { KubectlContext } from "./context.ts";
import type { Output } from "./output.ts";
import { parseDuration } from "./shell-commands.ts";

/** `lab` usage, printed by `lab`, `lab help` and on a usage error. */
export const LAB_USAGE =
  "Usage: lab fault <fault> — deterministic failure injection (recorded like any command)\n\n" +
  "  lab fault kill pod/NAME [--exit-code=137]      kill the pod's running containers now\n" +
  "  lab fault exit job/NAME --runs=N [--exit-code=1] [--after=1s]\n" +
  "                                                 the Job's next N container runs exit with the code\n" +
  "  lab fault node NAME NotReady|Ready             the node stops (or resumes) reporting; its pods\n" +
  "                                                 are evicted after tolerationSeconds (300 s by default)\n" +
  "  lab fault slow-pulls FACTOR                    image pulls take FACTOR times as long (1 = normal)\n" +
  "  lab fault list                                 what is armed\n";

function flags(args: string[]): { pos: string[]; opt: Map<string, string> } {
  const pos: string[] = [];
  const opt = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) pos.push(args[i]);
    else if (m[2] !== undefined) opt.set(m[1], m[2]);
    else opt.set(m[1], args[++i] ?? "");
  }
  return { pos, opt };
}

const int = (s: string | undefined, dflt: number): number | undefined =>
  s === undefined ? dflt : /^\d+$/.test(s) ? Number(s) : undefined;

/** The lab's own shell command (`lab fault …`), hooked into Session.startStage. */
export function labCommand(ctx: KubectlContext, args: string[], out: Output): undefined {
  const { cluster } = ctx;
  const [sub, what, ...rest] = args;
  if (sub === undefined || sub === "help" || sub === "--help") {
    out.out(LAB_USAGE);
    return undefined;
  }
  if (sub !== "fault") {
    out.fail(`lab: unknown command "${sub}"\n${LAB_USAGE}`, 2);
    return undefined;
  }
  const { pos, opt } = flags(rest);
  const ns = opt.get("namespace") ?? opt.get("n") ?? "default";
  const usage = (msg: string) => out.fail(`lab fault: ${msg}\n${LAB_USAGE}`, 2);
  switch (what) {
    case "kill": {
      const name = pos[0]?.replace(/^pods?\//, "");
      const code = int(opt.get("exit-code"), 137);
      if (!name || code === undefined || code > 255)
        return (usage("kill needs pod/NAME"), undefined);
      const pod = cluster.store.get<Pod>("Pod", ns, name);
      if (!pod)
        return (out.fail(`Error from server (NotFound): pods "${name}" not found`), undefined);
      if (!cluster.faults.kill(pod, code))
        return (out.fail(`lab fault: pod/${name} has no running container to kill`), undefined);
      cluster.settle();
      out.out(`pod/${name}: containers killed (exit code ${code})\n`);
      return undefined;
    }
    case "exit": {
      const name = pos[0]?.replace(/^jobs?(\.batch)?\//, "");
      const runs = int(opt.get("runs"), 1);
      const code = int(opt.get("exit-code"), 1);
      const after = opt.has("after") ? parseDuration(opt.get("after")!) : 1000;
      if (!name || runs === undefined || code === undefined || code > 255 || after === undefined)
        return (usage("exit needs job/NAME --runs=N [--exit-code=C] [--after=D]"), undefined);
      if (!cluster.store.get<Job>("Job", ns, name))
        return (
          out.fail(`Error from server (NotFound): jobs.batch "${name}" not found`),
          undefined
        );
      cluster.faults.failNextRuns(ns, name, runs, code, after);
      out.out(
        runs === 0
          ? `job/${name}: exit fault cleared\n`
          : `job/${name}: the next ${runs} container run${runs === 1 ? "" : "s"} exit with code ${code} after ${after / 1000}s\n`,
      );
      return undefined;
    }
    case "node": {
      const [name, state] = pos;
      if (!name || (state !== "NotReady" && state !== "Ready"))
        return (usage("node needs NAME NotReady|Ready"), undefined);
      if (!cluster.faults.setNodeReady(name, state === "Ready"))
        return (out.fail(`Error from server (NotFound): nodes "${name}" not found`), undefined);
      cluster.settle();
      out.out(`node/${name}: ${state}\n`);
      return undefined;
    }
    case "slow-pulls": {
      const f = Number(pos[0]);
      if (!pos[0] || !Number.isFinite(f) || f < 0 || f > 1000)
        return (usage("slow-pulls needs a FACTOR (1 = normal)"), undefined);
      cluster.faults.slowImagePulls(f);
      out.out(`image pulls: ×${f}\n`);
      return undefined;
    }
    case "list": {
      const s = cluster.faults.state();
      const lines = [
        ...s.jobExits.map(
          (f) =>
            `job/${f.job}: next ${f.runs} run(s) exit ${f.exitCode} after ${f.afterMs / 1000}s`,
        ),
        ...s.notReadyNodes.map((n) => `node/${n}: NotReady`),
        ...(s.pullFactor !== 1 ? [`image pulls: ×${s.pullFactor}`] : []),
      ];
      out.out(lines.length ? lines.join("\n") + "\n" : "no faults armed\n");
      return undefined;
    }
    default:
      return (usage(what === undefined ? "which fault?" : `unknown fault "${what}"`), undefined);
  }
}
