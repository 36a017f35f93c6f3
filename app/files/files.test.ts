import { describe, expect, it } from "vitest";
import { addFile, closeFile, fileNameProblem, renameFile, uniqueName } from "./files.ts";

const files = { "job.yaml": "a", "cronjob.yaml": "b", "pod.yaml": "c" };

describe("editor files", () => {
  it("picks a free name", () => {
    expect(uniqueName("secret.yaml", files)).toBe("secret.yaml");
    expect(uniqueName("job.yaml", files)).toBe("job-2.yaml");
    expect(uniqueName("job.yaml", { ...files, "job-2.yaml": "" })).toBe("job-3.yaml");
  });

  it("adds at the end and shows the new file", () => {
    expect(addFile(files, "job.yaml", "x")).toEqual({
      files: { ...files, "job-2.yaml": "x" },
      active: "job-2.yaml",
    });
  });

  it("renames in place", () => {
    const r = renameFile(files, "cronjob.yaml", "backup.yaml", "cronjob.yaml");
    expect(Object.entries(r.files)).toEqual([
      ["job.yaml", "a"],
      ["backup.yaml", "b"],
      ["pod.yaml", "c"],
    ]);
    expect(r.active).toBe("backup.yaml");
  });

  it("closes a tab and shows its neighbour; never the last one", () => {
    expect(closeFile(files, "cronjob.yaml", "cronjob.yaml").active).toBe("pod.yaml");
    expect(closeFile(files, "pod.yaml", "pod.yaml").active).toBe("cronjob.yaml");
    expect(closeFile(files, "pod.yaml", "job.yaml").active).toBe("job.yaml");
    expect(closeFile({ "job.yaml": "" }, "job.yaml", "job.yaml").files).toEqual({ "job.yaml": "" });
  });

  it("accepts names the terminal can type", () => {
    expect(fileNameProblem("backup.yaml", files)).toBeUndefined();
    expect(fileNameProblem("job.yaml", files, "job.yaml")).toBeUndefined();
    expect(fileNameProblem("job.yaml", files)).toBe("There is already a file job.yaml.");
    expect(fileNameProblem("my job.yaml", files)).toMatch(/^Use letters/);
    expect(fileNameProblem("job.txt", files)).toMatch(/^Use letters/);
  });
});
