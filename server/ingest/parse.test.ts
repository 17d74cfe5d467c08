import { describe, expect, it } from "vitest";
import { hasLongDigits, IntakeError, LIMITS, parseBody, parseJson, sanitize } from "./parse";

const enc = (s: string) => new TextEncoder().encode(s);
const fail = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof IntakeError) return { status: e.status, code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected an IntakeError");
};

describe("parseBody", () => {
  it("reads one object", () => {
    expect(parseBody(enc(' {"a":1} '), "application/json")).toEqual({
      batch: false,
      item: { ok: true, value: { a: 1 }, text: ' {"a":1} ' },
    });
  });

  it("answers 400 for an empty body, invalid UTF-8, not JSON and truncated JSON", () => {
    expect(fail(() => parseBody(enc(""), null))).toMatchObject({ status: 400, code: "empty_body" });
    expect(fail(() => parseBody(enc("  \n"), null))).toMatchObject({ status: 400, code: "empty_body" });
    expect(fail(() => parseBody(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), null))).toMatchObject({
      status: 400,
      code: "invalid_utf8",
    });
    expect(fail(() => parseBody(enc("hello"), null))).toMatchObject({ status: 400, code: "invalid_json" });
    expect(fail(() => parseBody(enc('{"a": {"b": 1}'), null))).toMatchObject({ status: 400, code: "invalid_json" });
  });

  it("answers 422 for JSON that is not an object, and for nesting deeper than 64", () => {
    for (const body of ["42", '"x"', "null", "true"]) {
      expect(fail(() => parseBody(enc(body), null))).toMatchObject({ status: 422, code: "not_object" });
    }
    const deep = `${'{"a":'.repeat(64)}1${"}".repeat(64)}`;
    expect(parseBody(enc(deep), null).batch).toBe(false);
    const tooDeep = `${'{"a":'.repeat(65)}1${"}".repeat(65)}`;
    expect(fail(() => parseBody(enc(tooDeep), null))).toMatchObject({ status: 422, code: "too_deep" });
  });

  it("answers 413 for a single alert over 1 MiB and a body over 16 MiB, stating the limit", () => {
    const big = `{"a":"${"x".repeat(LIMITS.itemBytes)}"}`;
    const r = fail(() => parseBody(enc(big), null));
    expect(r).toMatchObject({ status: 413, code: "too_large" });
    expect(r.message).toContain("1 MiB");
    const huge = new Uint8Array(LIMITS.batchBytes + 1);
    expect(fail(() => parseBody(huge, null))).toMatchObject({ status: 413 });
  });

  it("reads a JSON array batch, one bad item not spoiling the others", () => {
    const body = `[{"a":1}, 5, {"b":[1,2,{"c":"]"}]}, {"d":"x"}]`;
    const r = parseBody(enc(body), "application/json");
    if (!r.batch) throw new Error("batch expected");
    expect(r.items.map((i) => i.ok)).toEqual([true, false, true, true]);
    expect(r.items[2]).toEqual({ ok: true, value: { b: [1, 2, { c: "]" }] }, text: '{"b":[1,2,{"c":"]"}]}' });
    expect(r.items[1]).toMatchObject({ ok: false, error: { status: 422, code: "not_object" } });
  });

  it("reads NDJSON, where a broken line is one rejected item", () => {
    const body = '{"a":1}\n\n{"b":\n{"c":3}\r\n';
    const r = parseBody(enc(body), "application/x-ndjson");
    if (!r.batch) throw new Error("batch expected");
    expect(r.items.map((i) => i.ok)).toEqual([true, false, true]);
    expect(r.items[1]).toMatchObject({ ok: false, error: { status: 400, code: "invalid_json" } });
  });

  it("refuses more than 5,000 items", () => {
    const body = `[${Array.from({ length: LIMITS.batchItems + 1 }, () => "{}").join(",")}]`;
    expect(fail(() => parseBody(enc(body), null))).toMatchObject({ status: 413, code: "too_many_items" });
    const nd = Array.from({ length: LIMITS.batchItems + 1 }, () => "{}").join("\n");
    expect(fail(() => parseBody(enc(nd), "application/x-ndjson"))).toMatchObject({ status: 413 });
  });

  it("rejects an oversized item inside a batch without dropping the rest", () => {
    const body = `[{"a":1},{"big":"${"y".repeat(LIMITS.itemBytes)}"}]`;
    const r = parseBody(enc(body), null);
    if (!r.batch) throw new Error("batch expected");
    expect(r.items[0]!.ok).toBe(true);
    expect(r.items[1]).toMatchObject({ ok: false, error: { status: 413 } });
  });
});

describe("parseJson", () => {
  it("keeps integers beyond 2^53 exactly, as strings", () => {
    const text =
      '{"ProcessId": 377077835340488700, "small": 42, "neg": -9007199254740993, "f": 1.5e300, "s": "12345678901234567890"}';
    expect(parseJson(text, 0, text.length)).toEqual({
      ProcessId: "377077835340488700",
      small: 42,
      neg: "-9007199254740993",
      f: 1.5e300,
      s: "12345678901234567890",
    });
  });
});

describe("stored text", () => {
  it("keeps the received text unless it holds escapes jsonb refuses", () => {
    const r = parseBody(
      enc('[{"a":"x\\u0000"}, {"b":"\\ud800"}, {"c":"\\\\u0000 is text"}, {"d": 12345678901234567890}]'),
      null,
    );
    if (!r.batch) throw new Error("batch expected");
    const texts = r.items.map((i) => (i.ok ? i.text : "rejected"));
    expect(texts[0]).toBeUndefined();
    expect(texts[1]).toBeUndefined();
    expect(texts[3]).toBe('{"d": "12345678901234567890"}');
  });
});

describe("sanitize", () => {
  it("strips NUL and replaces lone surrogates", () => {
    const v = JSON.parse('{"t":"a\\u0000b","u":"x\\ud800y","k\\u0000":1}');
    expect(sanitize(v)).toEqual({ t: "ab", u: "x\uFFFDy", k: 1 });
  });

  it("keeps __proto__ and constructor as plain data, never touching a prototype", () => {
    const v = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"a":1}');
    const s = sanitize(v) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
    expect(Object.keys(s)).toEqual(["__proto__", "constructor", "a"]);
    expect(JSON.stringify(s)).toContain('"__proto__":{"polluted":true}');
  });

  it("keeps HTML, SQL and bidi controls verbatim", () => {
    const t = "<script>alert(1)</script> '; DROP TABLE x; -- \u202Eevil";
    expect(sanitize({ t })).toEqual({ t });
  });
});

describe("hasLongDigits", () => {
  it("finds a run of 16 digits wherever it lies, and nothing shorter", () => {
    const runs = (n: number) => "7".repeat(n);
    for (let pad = 0; pad < 40; pad++) {
      for (const n of [15, 16, 17, 30]) {
        const text = `${"x".repeat(pad)}${runs(n)}${"y".repeat(pad % 7)}`;
        expect(hasLongDigits(text), `${pad} ${n}`).toBe(/\d{16}/.test(text));
      }
    }
    expect(hasLongDigits('{"a": 123456789012345, "b": 1234567890123456}')).toBe(true);
    expect(hasLongDigits('{"a": 123456789012345, "b": 12345678901234.5678}')).toBe(false);
    // Random texts of digits and separators agree with the regular expression.
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 2000; k++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 80) }, () => (rnd() < 0.9 ? "5" : ",")).join("");
      expect(hasLongDigits(text), text).toBe(/\d{16}/.test(text));
    }
  });
});
