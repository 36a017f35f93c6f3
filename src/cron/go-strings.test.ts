import { describe, expect, it } from "vitest";
import { goAtoi, goFields, goParseDuration, goQuote, goTimeQuote } from "./go-strings.ts";

describe("Go string helpers", () => {
  it("quotes like strconv.Quote and the time package", () => {
    expect([
      goQuote('a"b\\c'),
      goQuote("tab\there\n"),
      goQuote("\x00\x7f"),
      goQuote("µs é"),
      goQuote("\u00a0\u200b"),
      goTimeQuote("1µs"),
      goTimeQuote('x"'),
    ]).toEqual([
      '"a\\"b\\\\c"',
      '"tab\\there\\n"',
      '"\\x00\\x7f"',
      '"µs é"',
      '"\\u00a0\\u200b"',
      '"1\\xc2\\xb5s"',
      '"x\\""',
    ]);
  });

  it("splits fields on Unicode white space like strings.Fields", () => {
    expect(goFields("\u00a0a\tb\u3000c\n")).toEqual(["a", "b", "c"]);
  });

  it("parses integers like strconv.Atoi", () => {
    const toks = [
      "5",
      "+5",
      "-5",
      "007",
      "",
      "+",
      "5x",
      "9223372036854775807",
      "9223372036854775808",
    ];
    expect(toks.map((t) => goAtoi(t))).toEqual([
      { ok: true, value: 5n },
      { ok: true, value: 5n },
      { ok: true, value: -5n },
      { ok: true, value: 7n },
      { ok: false, error: 'strconv.Atoi: parsing "": invalid syntax' },
      { ok: false, error: 'strconv.Atoi: parsing "+": invalid syntax' },
      { ok: false, error: 'strconv.Atoi: parsing "5x": invalid syntax' },
      { ok: true, value: 9223372036854775807n },
      { ok: false, error: 'strconv.Atoi: parsing "9223372036854775808": value out of range' },
    ]);
  });

  it("parses durations like time.ParseDuration", () => {
    const ds = ["1h30m", "1.5h", "-2m", "0", "", "1d", "5", ".s", "1e3s"];
    expect(ds.map((d) => goParseDuration(d))).toEqual([
      { ok: true, nanoseconds: 5_400_000_000_000n },
      { ok: true, nanoseconds: 5_400_000_000_000n },
      { ok: true, nanoseconds: -120_000_000_000n },
      { ok: true, nanoseconds: 0n },
      { ok: false, error: 'time: invalid duration ""' },
      { ok: false, error: 'time: unknown unit "d" in duration "1d"' },
      { ok: false, error: 'time: missing unit in duration "5"' },
      { ok: false, error: 'time: invalid duration ".s"' },
      { ok: false, error: 'time: unknown unit "e" in duration "1e3s"' },
    ]);
  });
});
