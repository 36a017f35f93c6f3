import { describe, expect, it } from "vitest";
import { blockedBy, commandsInMarkdown, parseLine } from "./commands.ts";

const kindOrError = (line: string) => {
  const p = parseLine(line);
  return p.kind === "error" ? p.message.split("\n")[0] : p.kind;
};

describe("command lines checked without running them", () => {
  it("accepts real kubectl and the terminal's builtins, rejects the rest with kubectl's words", () => {
    expect(
      [
        "kubectl get pods -l job-name=pi",
        "k logs job/pi | tail -n 3",
        "kubectl wait --for=condition=complete job/pi --timeout=60s",
        "timeout 30s kubectl get pods -w",
        "sleep 1h30m",
        "kubectl frobnicate pods",
        "kubectl get pods --colour=always",
        "kubectl logs job/pi | less",
        "sleep soon",
        "rm -rf /",
      ].map(kindOrError),
    ).toEqual([
      "kubectl",
      "kubectl",
      "kubectl",
      "kubectl",
      "builtin",
      'error: unknown command "frobnicate" for "kubectl"',
      "error: unknown flag: --colour",
      "sh: less: not available after a pipe in this lab",
      "sleep: invalid number 'soon'",
      "sh: rm: not available in this lab",
    ]);
  });

  it("finds kubectl commands quoted in Markdown", () => {
    const md =
      "Run `kubectl get pods` then:\n\n```sh\n$ kubectl logs job/pi\necho hi\n```\nnot `ls`";
    expect(commandsInMarkdown(md)).toEqual(["kubectl logs job/pi", "kubectl get pods"]);
  });

  it("blocks by command prefix, aliases resolved, flags ignored", () => {
    const rules = { blocked: ["kubectl apply", "kubectl delete job"] };
    expect(
      [
        "kubectl apply -f job.yaml",
        "k apply -f x",
        "kubectl delete job pi",
        "kubectl delete pod x",
        "sleep 5s",
      ].map((l) => blockedBy(l, rules) ?? "ok"),
    ).toEqual(["kubectl apply", "kubectl apply", "kubectl delete job", "ok", "ok"]);
    expect(blockedBy("kubectl delete pod x", { allowed: ["kubectl get", "kubectl logs"] })).toBe(
      "kubectl delete",
    );
  });

  it("holds for the command a timeout or watch runs", () => {
    const rules = { blocked: ["kubectl apply"] };
    expect(
      [
        "timeout 10s kubectl apply -f job.yaml",
        "timeout -s INT 10s k apply -f job.yaml",
        "watch -n 2 kubectl apply -f job.yaml",
        "watch timeout 5s kubectl apply -f job.yaml",
        "timeout 30s kubectl get pods -w",
        "timeout 10s",
      ].map((l) => blockedBy(l, rules) ?? "ok"),
    ).toEqual(["kubectl apply", "kubectl apply", "kubectl apply", "kubectl apply", "ok", "ok"]);
    const allowed = { allowed: ["kubectl get"] };
    expect(blockedBy("timeout 30s kubectl get pods -w", allowed)).toBeUndefined();
    expect(blockedBy("watch kubectl delete pod x", allowed)).toBe("kubectl delete");
  });
});
