import { describe, expect, it } from "vitest";
import { formatShare } from "@/lib/format";
import { type CustomerFacts, emptyFacts, type SensorFact } from "./facts";
import { reconcile } from "./reconcile";
import { evaluateRules } from "./rules";

const NOW = new Date("2026-03-29T01:30:00Z"); // the night Europe moves its clocks
const H = 3_600_000;
const D = 24 * H;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const facts = (p: Partial<CustomerFacts> = {}): CustomerFacts => ({ ...emptyFacts("c1"), ...p });
const sensor = (p: Partial<SensorFact>): SensorFact => ({
  id: "s1",
  name: "Falcon HQ",
  state: "healthy",
  silentSince: null,
  agentVersion: "7.1",
  unsupported: false,
  retired: false,
  ...p,
});
const keys = (f: CustomerFacts, now = NOW) => evaluateRules(f, now).map((x) => `${x.dedupKey}/${x.severity}`);
const edr = (known: number, covered: number) => ({
  known,
  covered,
  uncovered: Array.from({ length: known - covered }, (_, i) => ({ id: `a${i}`, name: `host-${i}` })),
  crownJewelsUncovered: [],
});

describe("recommendation rules", () => {
  it("raises nothing for a customer with no facts", () => {
    expect(evaluateRules(facts(), NOW)).toEqual([]);
  });

  it("a contracted class that is missing → high visibility; other states do not", () => {
    const f = facts({
      contractedClasses: [
        { sensorClass: "edr", state: "missing" },
        { sensorClass: "ndr", state: "silent" },
        { sensorClass: "cloud", state: "ok" },
      ],
    });
    const [r] = evaluateRules(f, NOW);
    expect(r).toMatchObject({ dedupKey: "class-missing:edr", severity: "high", category: "visibility" });
    expect(evaluateRules(f, NOW)).toHaveLength(1);
  });

  it("a sensor silent for more than 24 hours → high sensor-health, one per sensor; at exactly 24 h not yet", () => {
    const f = (since: Date) =>
      facts({
        sensors: [
          sensor({ state: "silent", silentSince: since }),
          sensor({ id: "s2", state: "silent", silentSince: since }),
        ],
      });
    expect(keys(f(ago(D)))).toEqual([]);
    expect(keys(f(ago(D + 1)))).toEqual(["sensor-silent:s1/high", "sensor-silent:s2/high"]);
    expect(evaluateRules(f(ago(D + 1)), NOW)[0]!.category).toBe("sensor-health");
    // The customer reads the instant in their own zone, not as ISO text.
    const oslo = { ...f(new Date("2026-03-27T23:00:00Z")), timeZone: "Europe/Oslo" };
    expect(evaluateRules(oslo, NOW)[0]!.body).toBe(
      "Falcon HQ has sent nothing since 28 Mar 2026, 00:00 (Europe/Oslo time). Until it reports again, what it watches is unmonitored.",
    );
  });

  it("EDR coverage: ≥ 95 % none, below 95 % medium, below 80 % high, listing uncovered; none with no known asset", () => {
    expect(keys(facts({ edr: edr(0, 0) }))).toEqual([]);
    expect(keys(facts({ edr: edr(20, 19) }))).toEqual([]); // exactly 95 %
    expect(keys(facts({ edr: edr(100, 94) }))).toEqual(["edr-coverage/medium"]);
    expect(keys(facts({ edr: edr(10, 8) }))).toEqual(["edr-coverage/medium"]); // exactly 80 %
    expect(keys(facts({ edr: edr(100, 79) }))).toEqual(["edr-coverage/high"]);
    // The figure in the text is written as the coverage pages and the PDF write it (one formatter).
    expect(evaluateRules(facts({ edr: edr(1000, 715) }), NOW)[0]!.body).toContain(`covers ${formatShare(0.715)} of`);
    const [r] = evaluateRules(facts({ edr: edr(10, 7) }), NOW);
    expect(r!.evidence.map((e) => e.label)).toEqual(["host-0", "host-1", "host-2"]);
    expect(r!.body).toContain("host-2");
  });

  it("a crown-jewel asset without EDR → critical visibility", () => {
    const f = facts({ edr: { ...edr(1, 1), crownJewelsUncovered: [{ id: "cj", name: "sap-prod" }] } });
    expect(keys(f)).toEqual(["crown-jewel-uncovered:cj/critical"]);
  });

  it("deployed endpoints above licensed → low licensing; none at equal or with no licensed figure", () => {
    expect(keys(facts({ endpoints: { deployed: 11, licensed: 10 } }))).toEqual(["endpoints-over-licence/low"]);
    expect(keys(facts({ endpoints: { deployed: 10, licensed: 10 } }))).toEqual([]);
    expect(keys(facts({ endpoints: { deployed: 999, licensed: null } }))).toEqual([]);
  });

  it("a response action waiting on the customer for more than 24 hours → medium response", () => {
    const a = (since: Date) => ({ id: "ra", incidentId: "i1", reference: "HAL-1", label: "Isolate host", since });
    expect(keys(facts({ waitingActions: [a(ago(D))] }))).toEqual([]);
    expect(keys(facts({ waitingActions: [a(ago(D + 1))] }))).toEqual(["action-waiting:ra/medium"]);
  });

  it("one technique in 3+ distinct true-positive incidents in the last 30 days (inclusive) → medium hardening", () => {
    const inc = (id: string, openedAt: Date, techniques: string[], truePositive = true, visibleToCustomer = true) => ({
      id,
      reference: `HAL-${id}`,
      severity: "high" as const,
      truePositive,
      openedAt,
      techniques,
      visibleToCustomer,
    });
    const base = [inc("1", ago(D), ["T1059.001", "T1059.001"]), inc("2", ago(2 * D), ["T1059.001"])];
    // A sub-technique is not its parent; duplicates in one incident count once.
    expect(keys(facts({ incidents: [...base, inc("3", ago(D), ["T1059"])] }))).toEqual([]);
    expect(keys(facts({ incidents: [...base, inc("3", ago(30 * D), ["T1059.001"])] }))).toEqual([
      "technique-repeated:T1059.001/medium",
    ]);
    expect(keys(facts({ incidents: [...base, inc("3", ago(30 * D + 1), ["T1059.001"])] }))).toEqual([]);
    expect(keys(facts({ incidents: [...base, inc("3", ago(D), ["T1059.001"], false)] }))).toEqual([]);
    const [r] = evaluateRules(facts({ incidents: [...base, inc("3", ago(0), ["T1059.001"])] }), NOW);
    expect(r!.title).toContain("PowerShell");
    expect(r!.body).toContain("HAL-1, HAL-2, HAL-3");

    // An incident not opened to the customer counts, but the text the customer reads never names it.
    const withHidden = [...base, inc("10", ago(D), ["T1059.001"], true, false)];
    const [h] = evaluateRules(facts({ incidents: withHidden }), NOW);
    expect(h!.body).toBe(
      "T1059.001 PowerShell appeared in 3 true-positive incidents in the last 30 days: HAL-1, HAL-2 and 1 more handled internally by our SOC.",
    );
    expect(`${h!.title} ${h!.body}`).not.toContain("HAL-10");
    expect(h!.evidence.map((e) => e.label)).toEqual(["HAL-1", "HAL-2", "HAL-10"]); // staff see them all
    const allHidden = withHidden.map((i) => ({ ...i, visibleToCustomer: false }));
    const [n] = evaluateRules(facts({ incidents: allHidden }), NOW);
    expect(n!.body).toBe(
      "T1059.001 PowerShell appeared in 3 true-positive incidents in the last 30 days, all handled internally by our SOC.",
    );
  });

  it("an unsupported agent version on a non-retired sensor → medium sensor-health, one per sensor", () => {
    expect(keys(facts({ sensors: [sensor({ unsupported: true, state: "degraded" })] }))).toEqual([
      "agent-unsupported:s1/medium",
    ]);
  });

  it("retired sensors raise nothing", () => {
    const s = sensor({ retired: true, state: "retired", unsupported: true, silentSince: ago(9 * D) });
    expect(keys(facts({ sensors: [s] }))).toEqual([]);
  });
});

describe("raise once, clear by itself, reopen the same row", () => {
  const silent = (f: boolean) =>
    facts({ sensors: [sensor({ state: f ? "silent" : "healthy", silentSince: f ? ago(2 * D) : null })] });

  it("walks the cycle for every rule kind through one dedup key", () => {
    const found = evaluateRules(silent(true), NOW);
    expect(reconcile([], found)).toMatchObject([{ kind: "raise" }]);
    const row = { id: "r1", status: "open" as const, ...found[0]! };
    expect(reconcile([row], found)).toEqual([]); // raised once
    expect(reconcile([row], evaluateRules(silent(false), NOW))).toEqual([
      { kind: "resolve", id: "r1", dedupKey: "sensor-silent:s1" },
    ]);
    expect(reconcile([{ ...row, status: "done" }], evaluateRules(silent(false), NOW))).toEqual([]);
    expect(reconcile([{ ...row, status: "done" }], found)).toMatchObject([{ kind: "reopen", id: "r1" }]);
  });

  it("accepted and risk-accepted ones clear too; a dismissed one is left alone", () => {
    const f = evaluateRules(facts({ endpoints: { deployed: 2, licensed: 1 } }), NOW);
    const row = (status: "accepted" | "risk_accepted" | "dismissed") => ({ id: "r1", status, ...f[0]! });
    expect(reconcile([row("accepted")], [])).toMatchObject([{ kind: "resolve" }]);
    expect(reconcile([row("risk_accepted")], [])).toMatchObject([{ kind: "resolve" }]);
    expect(reconcile([row("dismissed")], [])).toEqual([]);
    expect(reconcile([row("dismissed")], f)).toEqual([]);
    expect(reconcile([row("risk_accepted")], f)).toEqual([]);
  });

  it("EDR coverage moves its severity under the same dedup key", () => {
    const high = evaluateRules(facts({ edr: edr(10, 7) }), NOW);
    const row = { id: "e", status: "open" as const, ...high[0]!, severity: "medium" as const };
    expect(reconcile([row], high)).toMatchObject([{ kind: "severity", id: "e", from: "medium" }]);
    expect(reconcile([{ ...row, severity: "high" }], high)).toEqual([]);
    expect(reconcile([{ ...row, severity: "high" }], evaluateRules(facts({ edr: edr(10, 9) }), NOW))).toMatchObject([
      { kind: "severity", from: "high", finding: { severity: "medium" } },
    ]);
  });

  it("every rule raises, clears and reopens through its own dedup key", () => {
    const incs = ["1", "2", "3"].map((id) => ({
      id,
      reference: `HAL-${id}`,
      severity: "high" as const,
      truePositive: true,
      openedAt: ago(D),
      techniques: ["T1566.001"],
      visibleToCustomer: true,
    }));
    const cases: Partial<CustomerFacts>[] = [
      { contractedClasses: [{ sensorClass: "ndr", state: "missing" }] },
      { sensors: [sensor({ state: "silent", silentSince: ago(3 * D) })] },
      { edr: edr(10, 7) },
      { edr: { ...edr(1, 1), crownJewelsUncovered: [{ id: "cj", name: "erp" }] } },
      { endpoints: { deployed: 5, licensed: 4 } },
      { waitingActions: [{ id: "ra", incidentId: "i", reference: "HAL-1", label: "Isolate", since: ago(2 * D) }] },
      { incidents: incs },
      { sensors: [sensor({ unsupported: true })] },
    ];
    const rules = new Set<string>();
    for (const c of cases) {
      const found = evaluateRules(facts(c), NOW);
      expect(found).toHaveLength(1);
      const f = found[0]!;
      rules.add(f.rule);
      expect(reconcile([], found)).toEqual([{ kind: "raise", finding: f }]);
      const row = { id: "r", status: "open" as const, ...f };
      expect(reconcile([row], found)).toEqual([]);
      expect(reconcile([row], [])).toEqual([{ kind: "resolve", id: "r", dedupKey: f.dedupKey }]);
      expect(reconcile([{ ...row, status: "done" }], found)).toEqual([{ kind: "reopen", id: "r", finding: f }]);
      // While it holds, the stored text follows the finding (jsonb's key order does not count as a change).
      const stored = { ...row, evidence: row.evidence.map(({ label, id, kind }) => ({ id, label, kind })) };
      expect(reconcile([stored], found)).toEqual([]);
      expect(reconcile([{ ...row, body: "old" }], found)).toEqual([{ kind: "retext", id: "r", finding: f }]);
    }
    expect(rules.size).toBe(8);
  });
});

describe("while a condition holds, the history records changes of substance only", () => {
  // 90 of 100 known assets covered, the same ten uncovered: then an hour later 91 known (one more covered asset seen).
  const before = evaluateRules(facts({ edr: edr(100, 90) }), NOW)[0]!;
  const row = { id: "e", status: "open" as const, ...before };

  it("a figure that moves with time rewrites the text silently, hour after hour", () => {
    const later = evaluateRules(facts({ edr: { ...edr(100, 90), known: 101, covered: 91 } }), NOW)[0]!;
    expect(later.body).not.toBe(before.body); // "90.0 % of your 100" → "90.0 % of your 101"…
    expect(later.evidence).toEqual(before.evidence);
    expect(reconcile([row], [later])).toEqual([{ kind: "retext", id: "e", finding: later }]);
    expect(reconcile([{ ...row, body: later.body }], [later])).toEqual([]);
  });

  it("the evidence in another order or with another label is not a change of substance", () => {
    const reordered = { ...row, evidence: [...row.evidence].reverse() };
    expect(reconcile([reordered], [before])).toMatchObject([{ kind: "retext" }]);
    const relabelled = { ...row, evidence: row.evidence.map((e, i) => (i ? e : { ...e, label: "old name" })) };
    expect(reconcile([relabelled], [before])).toMatchObject([{ kind: "retext" }]);
  });

  it("a new or a dropped evidence link is (an incident joins the repeated technique, an asset is covered)", () => {
    const fewer = evaluateRules(facts({ edr: edr(100, 91) }), NOW)[0]!;
    expect(reconcile([row], [fewer])).toEqual([{ kind: "refresh", id: "e", finding: fewer }]);
    const more = evaluateRules(facts({ edr: edr(100, 89) }), NOW)[0]!;
    expect(reconcile([row], [more])).toEqual([{ kind: "refresh", id: "e", finding: more }]);
  });
});
