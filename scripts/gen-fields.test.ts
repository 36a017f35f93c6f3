import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate } from "./gen-fields.ts";
import fields from "../src/api/fields.gen.json";

describe("fields.gen.json", () => {
  it("is derived from the current editor schema (run `npx tsx scripts/gen-fields.ts` after regenerating it)", () => {
    const schema = JSON.parse(
      readFileSync(new URL("../src/schemas/kubernetes.schema.json", import.meta.url), "utf8"),
    ) as Parameters<typeof generate>[0];
    expect(fields).toEqual(generate(schema));
  });
});
