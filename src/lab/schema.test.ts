import { describe, expect, it } from "vitest";
import packSchema from "../../public/packs/pack.schema.json";
import { unknownKeywords, validate, type SchemaObject } from "./schema.ts";

const schema = packSchema as unknown as SchemaObject;
const def = (name: string): SchemaObject => ({ $ref: `#/$defs/${name}`, $defs: schema.$defs });

describe("pack schema and its validator", () => {
  it("uses only keywords the validator implements", () => {
    expect([...unknownKeywords(schema)]).toEqual([]);
  });

  it("reports every problem of a bad exercise with its place", () => {
    const errs = validate(
      def("exercise"),
      {
        id: "Bad Id",
        start: { at: "yesterday" },
        goals: [
          { id: "g1", type: "jobCondition", job: "pi" },
          { id: "g2", type: "noSuchGoal" },
          { id: "g3", type: "podCount", job: "pi", equals: -1, color: "red" },
        ],
        solution: { steps: ["kubectl get pods"] },
        wrong: [],
        extra: true,
      },
      schema,
    );
    expect(errs.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'id: "Bad Id" does not match ^[a-z0-9][a-z0-9.-]*$',
      'start/at: "yesterday" does not match ^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)$',
      'goals/0: is missing required property "condition"',
      'goals/1/type: must be one of "objectExists", "objectCount", "jobCondition", "podCount", "cronJobRuns", "cronJobSkipped", "eventSeen", "logsContain", "jobFinished", "backoffDoubled", "maxActive", "fieldHeld", "usedCommand"',
      "goals/2/equals: must be ≥ 0",
      'goals/2/color: unknown property "color"',
      "wrong: must have at least 1 item(s)",
      'extra: unknown property "extra"',
    ]);
  });

  it("accepts a minimal exercise", () => {
    const ok = {
      id: "hello",
      start: {},
      goals: [{ id: "done", type: "jobCondition", job: "hello", condition: "Complete" }],
      solution: { steps: ["kubectl create job hello --image=busybox:1.37"] },
      wrong: [{ fails: "done", steps: ["kubectl get jobs"] }],
    };
    expect(validate(def("exercise"), ok, schema)).toEqual([]);
  });
});
