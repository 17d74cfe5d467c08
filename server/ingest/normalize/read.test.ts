import { describe, expect, it } from "vitest";
import { payloadError } from "./fixtures/helpers";
import {
  bool,
  dedupKey,
  EntityCollector,
  firstTime,
  get,
  hashAlgorithm,
  int,
  isIp,
  isPrivateIp,
  namedSeverity,
  obj,
  objs,
  parseTime,
  root,
  str,
  strs,
  techniqueIds,
  time,
  userName,
} from "./read";

const iso = (v: unknown) => parseTime(v, "t").toISOString();

describe("root and own-property reads", () => {
  it("accepts only a JSON object as the payload", () => {
    for (const v of [null, undefined, 1, "x", true, [], [{}]]) {
      expect(payloadError(() => root(v))).toMatchObject({ code: "not_object", path: "" });
    }
    expect(root({ a: 1 })).toEqual({ a: 1 });
  });

  it("reads own properties only: __proto__ and constructor are plain data, prototypes are never consulted", () => {
    const o = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "ctor", "a": {}}');
    expect(obj(o, "__proto__")).toEqual({ polluted: "yes" });
    expect(str(o, "constructor")).toBe("ctor");
    expect(str(o, "__proto__.polluted")).toBe("yes");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(get({}, "constructor")).toBeUndefined();
    expect(get({}, "toString")).toBeUndefined();
    expect(get({ a: {} }, "a.hasOwnProperty")).toBeUndefined();
    expect(str({}, "constructor.name")).toBeUndefined();
  });

  it("prefers a literal dotted key (Zeek's id.orig_h) and descends otherwise", () => {
    expect(get({ "id.orig_h": "10.0.0.1", id: { orig_h: "10.0.0.2" } }, "id.orig_h")).toBe("10.0.0.1");
    expect(get({ id: { orig_h: "10.0.0.2" } }, "id.orig_h")).toBe("10.0.0.2");
    expect(get({ a: { "b.c": 1 } }, "a.b.c")).toBe(1);
  });

  it("treats null as absent and a non-object on the way as wrong_type at that prefix", () => {
    expect(get({ a: null }, "a.b")).toBeUndefined();
    expect(str({ a: null }, "a")).toBeUndefined();
    expect(payloadError(() => get({ a: { b: 5 } }, "a.b.c"))).toMatchObject({ code: "wrong_type", path: "a.b" });
    expect(payloadError(() => get({ a: [1] }, "a.b"))).toMatchObject({ code: "wrong_type", path: "a" });
  });

  it("names nested paths, including array items", () => {
    const p = { list: [{ x: 1 }, "skip", { inner: { v: true } }] };
    const items = objs(p, "list");
    expect(items).toHaveLength(2);
    expect(payloadError(() => str(items[1]!, "inner.v"))).toMatchObject({
      code: "wrong_type",
      path: "list[2].inner.v",
    });
    const inner = obj(items[1]!, "inner", { required: true });
    expect(payloadError(() => int(inner, "n", { required: true }))).toMatchObject({
      code: "missing_field",
      path: "list[2].inner.n",
    });
  });

  it("reads one object as a one-item list, and rejects other non-arrays", () => {
    expect(objs({ e: { a: 1 } }, "e")).toEqual([{ a: 1 }]);
    expect(objs({}, "e")).toEqual([]);
    expect(payloadError(() => objs({ e: "x" }, "e"))).toMatchObject({ code: "wrong_type", path: "e" });
    expect(payloadError(() => obj({ e: [] }, "e"))).toMatchObject({ code: "wrong_type", path: "e" });
    expect(payloadError(() => obj({}, "e", { required: true }))).toMatchObject({ code: "missing_field", path: "e" });
  });
});

describe("scalar readers", () => {
  it("str keeps numbers in their JSON spelling, treats blank as absent, rejects other types", () => {
    expect(str({ v: 5402 }, "v")).toBe("5402");
    expect(str({ v: "377077835340488700" }, "v")).toBe("377077835340488700");
    expect(str({ v: "  " }, "v")).toBeUndefined();
    expect(str({ v: " a " }, "v")).toBe(" a ");
    expect(payloadError(() => str({ v: true }, "v"))).toMatchObject({ code: "wrong_type", path: "v" });
    expect(payloadError(() => str({ v: {} }, "v"))).toMatchObject({ code: "wrong_type", path: "v" });
    expect(payloadError(() => str({ v: "" }, "v", { required: true }))).toMatchObject({
      code: "missing_field",
      path: "v",
    });
  });

  it("int accepts integers and numeric strings only", () => {
    expect(int({ v: 7 }, "v")).toBe(7);
    expect(int({ v: "7" }, "v")).toBe(7);
    expect(int({ v: " -3 " }, "v")).toBe(-3);
    expect(int({ v: "" }, "v")).toBeUndefined();
    for (const bad of ["seven", "7.5", "1e3", "0x10", 7.5, true, [7]]) {
      expect(payloadError(() => int({ v: bad }, "v"))).toMatchObject({ code: "wrong_type", path: "v" });
    }
  });

  it("int checks the range", () => {
    expect(int({ v: 0 }, "v", { min: 0, max: 16 })).toBe(0);
    expect(int({ v: "16" }, "v", { min: 0, max: 16 })).toBe(16);
    for (const bad of [-1, 17, "17"]) {
      expect(payloadError(() => int({ v: bad }, "v", { min: 0, max: 16 }))).toMatchObject({
        code: "out_of_range",
        path: "v",
      });
    }
    expect(payloadError(() => int({}, "v", { required: true }))).toMatchObject({ code: "missing_field", path: "v" });
  });

  it("strs reads arrays of strings, or one string", () => {
    expect(strs({ v: ["a", 1, null, {}, "", "b"] }, "v")).toEqual(["a", "1", "b"]);
    expect(strs({ v: "T1110" }, "v")).toEqual(["T1110"]);
    expect(strs({}, "v")).toEqual([]);
    expect(payloadError(() => strs({ v: { a: 1 } }, "v"))).toMatchObject({ code: "wrong_type", path: "v" });
  });

  it("bool reads booleans and their string spelling", () => {
    expect(bool({ v: true }, "v")).toBe(true);
    expect(bool({ v: "false" }, "v")).toBe(false);
    expect(bool({}, "v")).toBeUndefined();
    expect(payloadError(() => bool({ v: 1 }, "v"))).toMatchObject({ code: "wrong_type", path: "v" });
  });
});

describe("time", () => {
  it("runs under a non-UTC local zone, so these tests would catch local-time parsing", () => {
    expect(process.env.TZ).toBe("Asia/Kathmandu");
    expect(new Date("2026-01-01T00:00:00Z").getTimezoneOffset()).toBe(-345);
  });

  it.each([
    ["2026-03-14T16:45:09.318274+0100", "2026-03-14T15:45:09.318Z"],
    ["2026-03-14T16:45:09.318+01:00", "2026-03-14T15:45:09.318Z"],
    ["2023-09-19T11:05:22.487-04:00", "2023-09-19T15:05:22.487Z"],
    ["2026-03-14T16:45:09+05", "2026-03-14T11:45:09.000Z"],
    ["2026-03-14T16:45:09Z", "2026-03-14T16:45:09.000Z"],
    ["2026-03-14T16:45:09.5z", "2026-03-14T16:45:09.500Z"],
    ["2026-03-14T16:45:09.318274", "2026-03-14T16:45:09.318Z"],
    ["2026-03-14 19:53:19.000000000", "2026-03-14T19:53:19.000Z"],
    ["2021-09-18 20:38:52Z", "2021-09-18T20:38:52.000Z"],
    ["2026-03-14T16:45", "2026-03-14T16:45:00.000Z"],
    ["2026-03-14", "2026-03-14T00:00:00.000Z"],
    ["2024-02-29T12:00:00Z", "2024-02-29T12:00:00.000Z"],
    ["2017 Jan 05 14:11:21", "2017-01-05T14:11:21.000Z"],
    ["2017 Jan  5 14:11:21", "2017-01-05T14:11:21.000Z"],
    ["2026 dec 31 23:59:59", "2026-12-31T23:59:59.000Z"],
  ])("reads %s as %s", (input, want) => {
    expect(iso(input)).toBe(want);
  });

  it.each([
    [1320435875.879278, "2011-11-04T19:44:35.879Z"],
    ["1320435875.879278", "2011-11-04T19:44:35.879Z"],
    [1773480418, "2026-03-14T09:26:58.000Z"],
    ["1773480418", "2026-03-14T09:26:58.000Z"],
    [1695135922487, "2023-09-19T15:05:22.487Z"],
    ["1695135922487", "2023-09-19T15:05:22.487Z"],
    [0.001, "1970-01-01T00:00:00.001Z"],
  ])("reads epoch %j as %s", (input, want) => {
    expect(iso(input)).toBe(want);
  });

  it.each([
    "XXXXXXXXXX.XXXXXX",
    "yesterday",
    "2026-02-30T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-03-14T24:00:00Z",
    "2026-03-14T23:60:00Z",
    "2026-03-14T10:00:00+15:00",
    "2017 Foo 05 14:11:21",
    "14/03/2026",
    "-1",
    "1773480418000000",
  ])("rejects %j as invalid_value", (input) => {
    expect(payloadError(() => parseTime(input, "ts"))).toMatchObject({ code: "invalid_value", path: "ts" });
  });

  it("rejects invalid numbers and other types", () => {
    for (const n of [-5, Number.NaN, Number.POSITIVE_INFINITY, 1e15]) {
      expect(payloadError(() => parseTime(n, "ts"))).toMatchObject({ code: "invalid_value", path: "ts" });
    }
    for (const v of [true, {}, [1]]) {
      expect(payloadError(() => parseTime(v, "ts"))).toMatchObject({ code: "wrong_type", path: "ts" });
    }
  });

  it("time() reports a missing field; firstTime() takes the first present path", () => {
    expect(time({}, "ts")).toBeUndefined();
    expect(time({ ts: "" }, "ts")).toBeUndefined();
    expect(payloadError(() => time({ ts: null }, "ts", { required: true }))).toMatchObject({
      code: "missing_field",
      path: "ts",
    });
    expect(firstTime({ b: 1773480418 }, ["a", "b"]).toISOString()).toBe("2026-03-14T09:26:58.000Z");
    expect(payloadError(() => firstTime({}, ["a", "b"]))).toMatchObject({ code: "missing_field", path: "a" });
    expect(payloadError(() => firstTime({ a: "bad", b: 1 }, ["a", "b"]))).toMatchObject({
      code: "invalid_value",
      path: "a",
    });
  });
});

describe("techniqueIds", () => {
  it("finds ids in the shapes vendors use, upper-cased, de-duplicated, in order", () => {
    expect(
      techniqueIds([
        "T1110",
        "t1190",
        "Regsvr32 (T1218.010)",
        ["System Binary Proxy Execution (T1218)", ["T1110"]],
        "T1059.001, T1059.003",
        undefined,
        42,
        { id: "T1000" },
      ]),
    ).toEqual(["T1110", "T1190", "T1218.010", "T1218", "T1059.001", "T1059.003"]);
  });

  it("ignores CrowdStrike ids, tactic ids and look-alikes", () => {
    expect(techniqueIds(["CST0001", "CSTA0004", "TA0002", "XT1059", "T105", "T10590", "T1059_001"])).toEqual([]);
    expect(techniqueIds(["T1059.0011"])).toEqual(["T1059"]);
  });
});

describe("dedupKey", () => {
  it("escapes ':' and '%' in every part but the last", () => {
    expect(dedupKey("zeek", "uid", "C1", "SSH::Password_Guessing")).toBe("zeek:uid:C1:SSH::Password_Guessing");
    expect(dedupKey("zeek", "Scan::Port_Scan", "2001:db8::1", "", "100%")).toBe(
      "zeek:Scan%3A%3APort_Scan:2001%3Adb8%3A%3A1::100%",
    );
    expect(dedupKey("x", "a:b", "c")).not.toBe(dedupKey("x", "a", "b:c"));
  });
});

describe("IP addresses", () => {
  it.each([
    ["10.0.0.1", true],
    ["255.255.255.255", true],
    ["256.1.1.1", false],
    ["01.2.3.4", false],
    ["x.x.250.50", false],
    ["1.2.3", false],
    ["2001:db8::1", true],
    ["::", true],
    ["::1", true],
    ["fe80::1%eth0", true],
    ["::ffff:192.0.2.1", true],
    ["fe80:0000:0000:0000:fada:0cff:fedc:87f1", true],
    ["2001:db8::1::2", false],
    ["2001:db8:1:2:3:4:5:6:7", false],
    ["12345::", false],
    ["hostname", false],
  ])("isIp(%s) is %s", (ip, want) => {
    expect(isIp(ip)).toBe(want);
  });

  it.each([
    ["10.1.2.3", true],
    ["172.16.0.1", true],
    ["172.31.255.255", true],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["127.0.0.1", true],
    ["169.254.10.10", true],
    ["100.64.0.1", true],
    ["224.0.0.251", true],
    ["8.8.8.8", false],
    ["203.0.113.5", false],
    ["::1", true],
    ["fd12:3456::1", true],
    ["fe80::1", true],
    ["ff02::1:2", true],
    ["::ffff:10.0.0.1", true],
    ["::ffff:8.8.8.8", false],
    ["2001:db8::1", false],
    ["2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6", false],
  ])("isPrivateIp(%s) is %s", (ip, want) => {
    expect(isPrivateIp(ip)).toBe(want);
  });
});

describe("EntityCollector", () => {
  it("de-duplicates and keeps the first spelling", () => {
    const e = new EntityCollector();
    e.ip("2001:DB8::1");
    e.ip("2001:db8::1");
    e.ip("not-an-ip");
    e.ip(undefined);
    e.externalIp("203.0.113.9");
    e.ipWithSide("10.0.0.5");
    e.ipWithSide("198.51.100.5");
    e.user("ACME\\Bob");
    e.user("acme\\bob");
    e.user("-");
    e.domain("Evil.Example.");
    e.domain("evil.example");
    e.domain("10.0.0.1");
    e.domain("not a domain");
    e.domain("PODTRONICS");
    e.url("https://evil.example/a?b=1");
    e.url("http://[2001:db8::7]/x");
    e.url("/relative/only");
    expect(e.build()).toEqual({
      hosts: [],
      ips: ["2001:DB8::1", "203.0.113.9", "10.0.0.5", "198.51.100.5", "2001:db8::7"],
      externalIps: ["203.0.113.9", "198.51.100.5"],
      users: ["ACME\\Bob"],
      processes: [],
      hashes: [],
      domains: ["Evil.Example"],
      urls: ["https://evil.example/a?b=1", "http://[2001:db8::7]/x", "/relative/only"],
    });
  });

  it("merges hosts by id or by name, and drops placeholder ids", () => {
    const e = new EntityCollector();
    e.host({ name: "WS-1", id: "agent-1", ips: ["10.0.0.1", "bogus"] });
    e.host({ name: "ws-1", os: "Windows", ips: ["10.0.0.2"] });
    e.host({ id: "agent-1", ips: ["10.0.0.1"] });
    e.host({ name: "WS-1", id: "agent-2" });
    e.host({ name: "mac", id: "00000000000000000000000000000000" });
    e.host({ name: "wazuh-manager", id: "000" });
    e.host({ ips: ["10.9.9.9"] });
    expect(e.build().hosts).toEqual([
      { name: "WS-1", id: "agent-1", ips: ["10.0.0.1", "10.0.0.2"], os: "Windows" },
      { name: "WS-1", id: "agent-2" },
      { name: "mac" },
      { name: "wazuh-manager", id: "000" },
    ]);
    expect(e.build().ips).toEqual(["10.0.0.1", "10.0.0.2", "10.9.9.9"]);
  });

  it("classifies hashes by length, checks labels, and skips placeholders", () => {
    const e = new EntityCollector();
    e.hash("d41d8cd98f00b204e9800998ecf8427e");
    e.hash("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    e.hash("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855");
    e.hash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    e.hash("0000000000000000000000000000000000000000", "sha1");
    e.hash("d41d8cd98f00b204e9800998ecf8427e00", "md5");
    e.hash("N/A", "md5");
    e.hash("3:abc:def");
    e.hash("cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce", "other");
    expect(e.build().hashes).toEqual([
      { algorithm: "md5", value: "d41d8cd98f00b204e9800998ecf8427e" },
      { algorithm: "sha1", value: "da39a3ee5e6b4b0d3255bfef95601890afd80709" },
      { algorithm: "sha256", value: "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855" },
      { algorithm: "other", value: "3:abc:def" },
      { algorithm: "other", value: "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce" },
    ]);
    expect(hashAlgorithm("zz41d8cd98f00b204e9800998ecf8427")).toBe("other");
  });

  it("keeps processes with at least one field, without empty fields", () => {
    const e = new EntityCollector();
    e.process({ name: undefined, pid: "" });
    e.process({ name: "a.exe", pid: "9007199254740993", commandLine: "a.exe /x" });
    e.process({ name: "a.exe", pid: "9007199254740993", commandLine: "a.exe /x" });
    expect(e.build().processes).toEqual([{ name: "a.exe", pid: "9007199254740993", commandLine: "a.exe /x" }]);
  });
});

describe("small helpers", () => {
  it("userName writes DOMAIN\\user unless the name already has a domain or is a UPN", () => {
    expect(userName("bob", "ACME")).toBe("ACME\\bob");
    expect(userName("bob", undefined)).toBe("bob");
    expect(userName("ACME\\bob", "OTHER")).toBe("ACME\\bob");
    expect(userName("bob@acme.example", "ACME")).toBe("bob@acme.example");
    expect(userName(undefined, "ACME")).toBeUndefined();
  });

  it("namedSeverity reads the five names in any case", () => {
    expect(["Informational", "low", " MEDIUM ", "High", "critical", "unknown", "severe"].map(namedSeverity)).toEqual([
      1,
      2,
      3,
      4,
      5,
      0,
      undefined,
    ]);
  });
});
