import { describe, expect, it } from "vitest";
import { dedupeHosts, hostFacts } from "./identity";
import { type KnownAsset, resolveHosts } from "./resolve";

const t = new Date("2026-10-25T00:30:00Z");
const known: KnownAsset[] = [
  { id: "agent", identityKey: "agent:a1", agentId: "A1", fqdn: "ws1.corp.example", hostname: "ws1", lastSeenAt: t },
  {
    id: "name",
    identityKey: "fqdn:db.corp.example",
    agentId: null,
    fqdn: "db.corp.example",
    hostname: "db",
    lastSeenAt: t,
  },
  { id: "short", identityKey: "host:printer", agentId: null, fqdn: null, hostname: "printer", lastSeenAt: t },
];
const hosts = (...list: Parameters<typeof hostFacts>[0][]) => dedupeHosts(list.map((h) => hostFacts(h)!));

describe("resolving reported hosts to assets", () => {
  it("matches by key, then agent id", () => {
    expect(resolveHosts(hosts({ agentId: "A1", hostname: "renamed" }), known).matched.map((m) => m.id)).toEqual([
      "agent",
    ]);
    const adopted = [{ ...known[1]!, agentId: "Z9" }];
    expect(resolveHosts(hosts({ agentId: "z9" }), adopted).matched.map((m) => m.id)).toEqual(["name"]);
  });

  it("a network sensor's sighting of a host joins the agent's asset of the same FQDN", () => {
    const r = resolveHosts(hosts({ hostname: "WS1.corp.example" }), known);
    expect(r.matched.map((m) => m.id)).toEqual(["agent"]);
  });

  it("an agent reporting a host known only by name takes that asset over", () => {
    const r = resolveHosts(
      hosts({ agentId: "b2", hostname: "db.corp.example" }, { agentId: "c3", hostname: "db.corp.example" }),
      known,
    );
    expect(r.matched.map((m) => m.id)).toEqual(["name"]);
    expect(r.fresh.map((f) => f.key)).toEqual(["agent:c3"]); // one asset is taken over once
  });

  it("anything else is new", () => {
    const r = resolveHosts(hosts({ hostname: "ws9" }, { fqdn: "printer.corp.example" }), known);
    expect(r.matched).toEqual([]);
    expect(r.fresh.map((f) => f.key)).toEqual(["host:ws9", "fqdn:printer.corp.example"]);
  });

  it("a short name matches a short-name asset only", () => {
    expect(resolveHosts(hosts({ hostname: "printer" }), known).matched.map((m) => m.id)).toEqual(["short"]);
  });
});
