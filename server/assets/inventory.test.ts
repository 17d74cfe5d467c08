import { describe, expect, it } from "vitest";
import { parseInventory } from "./inventory";

describe("heartbeat inventory", () => {
  it("keeps good items and reports bad ones by index", () => {
    const r = parseInventory([
      { agentId: "a1", hostname: "ws1", os: "Windows 11" },
      { ip: "10.0.0.1" },
      "nope",
      { hostname: "127.0.0.1" },
      { fqdn: "db.corp.example", ip: "10.0.0.2" },
      { hostname: 42 },
    ]);
    expect(r.hosts.map((h) => h.agentId ?? h.fqdn)).toEqual(["a1", "db.corp.example"]);
    expect(r.rejected.map((x) => [x.index, x.path])).toEqual([
      [1, "assets.1"],
      [2, "assets.2"],
      [3, "assets.3"],
      [5, "assets.5.hostname"],
    ]);
  });
});
