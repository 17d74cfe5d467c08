import { describe, expect, it } from "vitest";
import { type Technique, techniques } from "@/server/attack/attack";
import dataset from "@/server/attack/data/enterprise-attack-18.1.json";
import { detectedCells, heatMap, providerHeatMap } from "./heatmap";
import { dataComponents, VISIBILITY_CLASSES } from "./mapping";
import {
  assessAll,
  bandOf,
  tacticVisibility,
  techniqueVisibility,
  visibleComponents,
  whatWouldRaise,
} from "./visibility";

const tech = (id: string, dataComponents: string[], tactics = ["execution"]): Technique => ({
  id,
  name: id,
  tactics,
  dataComponents,
  platforms: ["Windows"],
  isSubtechnique: id.includes("."),
});

describe("the shipped mapping", () => {
  it("has all 106 data components of ATT&CK v18.1, each with known classes and a reason", () => {
    expect(dataComponents).toHaveLength(106);
    expect(new Set(dataComponents.map((c) => c.name))).toEqual(new Set(dataset.dataComponents.map((c) => c.name)));
    for (const c of dataComponents) {
      expect(c.reason.length).toBeGreaterThan(10);
      for (const k of c.classes) expect(VISIBILITY_CLASSES).toContain(k);
    }
    expect(dataComponents.find((c) => c.name === "Firmware Modification")!.classes).toEqual([]);
    expect(dataComponents.find((c) => c.name === "Social Media")!.classes).toEqual([]);
  });

  it("knows every component a technique references", () => {
    const names = new Set(dataComponents.map((c) => c.name));
    for (const t of techniques) for (const c of t.dataComponents) expect(names.has(c), `${t.id}: ${c}`).toBe(true);
  });
});

describe("bands", () => {
  it("cuts at 0, 0.34 and 0.67 on the unrounded ratio", () => {
    expect(bandOf(0)).toBe("none");
    expect(bandOf(0.0001)).toBe("low");
    expect(bandOf(1 / 3)).toBe("low");
    expect(bandOf(0.3399)).toBe("low");
    expect(bandOf(0.34)).toBe("partial");
    expect(bandOf(2 / 3)).toBe("partial");
    expect(bandOf(0.67)).toBe("high");
    expect(bandOf(1)).toBe("high");
  });
});

describe("technique and tactic visibility", () => {
  it("visible components come from the classes present", () => {
    const v = visibleComponents(["ndr"]);
    expect(v.has("Network Traffic Flow")).toBe(true);
    expect(v.has("Process Creation")).toBe(false);
    expect(visibleComponents([]).size).toBe(0);
  });

  it("ratio = visible ÷ components: 1 of 3 is low, 2 of 3 partial", () => {
    const t = tech("T9001", ["Process Creation", "Network Traffic Flow", "Cloud Service Metadata"]);
    expect(techniqueVisibility(t, visibleComponents(["edr"]))).toEqual({
      ratio: 1 / 3,
      band: "low",
      seen: ["Process Creation"],
      missing: ["Network Traffic Flow", "Cloud Service Metadata"],
    });
    expect(techniqueVisibility(t, visibleComponents(["edr", "ndr"]))!.band).toBe("partial");
    expect(techniqueVisibility(t, visibleComponents(["edr", "ndr", "cloud"]))!.band).toBe("high");
  });

  it("a technique without data components is left out of every ratio", () => {
    const list = [tech("T9001", ["Process Creation"]), tech("T9002", [])];
    expect(techniqueVisibility(list[1]!, visibleComponents(VISIBILITY_CLASSES))).toBeNull();
    const assessed = assessAll(["edr"], list);
    expect([...assessed.keys()]).toEqual(["T9001"]);
    const exec = tacticVisibility(assessed, list).find((t) => t.tactic.shortname === "execution")!;
    expect(exec).toMatchObject({ ratio: 1, techniques: 1 });
    expect(tacticVisibility(assessed, list).find((t) => t.tactic.shortname === "impact")!.ratio).toBeNull();
  });

  it("a tactic is the mean of unrounded technique ratios, sub-techniques included", () => {
    const list = [
      tech("T9001", ["Process Creation", "Network Traffic Flow", "Cloud Service Metadata"]),
      tech("T9001.001", ["Process Creation", "Network Traffic Flow", "Cloud Service Metadata"]),
      tech("T9002", ["Network Traffic Flow"]),
    ];
    const exec = tacticVisibility(assessAll(["edr"], list), list).find((t) => t.tactic.shortname === "execution")!;
    expect(exec.ratio).toBeCloseTo((1 / 3 + 1 / 3 + 0) / 3, 12);
    expect(exec.techniques).toBe(3);
  });

  it("what would raise visibility most counts techniques whose band rises, per missing class", () => {
    const list = [
      tech("T9001", ["Process Creation", "Network Traffic Flow", "Cloud Service Metadata"]),
      tech("T9002", ["Network Traffic Flow"]),
      tech("T9003", ["Process Creation", "Module Load"]),
    ];
    const raise = whatWouldRaise(["edr"], list);
    expect(raise[0]).toEqual({ sensorClass: "ndr", techniques: 2 }); // T9001 low → partial, T9002 none → high
    expect(raise.find((r) => r.sensorClass === "cloud")).toEqual({ sensorClass: "cloud", techniques: 1 });
    expect(raise.find((r) => r.sensorClass === "email")).toEqual({ sensorClass: "email", techniques: 0 });
    expect(raise.map((r) => r.sensorClass)).not.toContain("edr");
  });
});

describe("heat map", () => {
  it("has 14 tactic columns, marks detections on the parent, and leaves PRE techniques unobservable", () => {
    const m = heatMap(["edr"], ["T1059.001"]);
    expect(m.columns).toHaveLength(14);
    const exec = m.columns.find((c) => c.tactic.shortname === "execution")!;
    const t1059 = exec.cells.find((c) => c.id === "T1059")!;
    expect(t1059.detected).toBe(true);
    expect(t1059.subtechniques).toBeGreaterThan(5);
    const recon = m.columns[0]!;
    expect(recon.cells.find((c) => c.id === "T1593")!.band).toBeNull(); // Search Open Websites/Domains: no component
    expect(recon.cells.find((c) => c.id === "T1595")!.band).not.toBeNull();
    expect(detectedCells(["T1059.001", "T1003"])).toEqual(new Set(["T1059", "T1003"]));
  });

  it("counts customers seeing each technique provider-wide", () => {
    const cols = providerHeatMap([["edr"], ["ndr"], []]);
    const t1046 = cols.flatMap((c) => c.cells).find((c) => c.id === "T1046")!; // Network Service Discovery
    expect(t1046.of).toBe(3);
    expect(t1046.seeing).toBe(2);
    expect(t1046.band).toBe("partial");
    expect(providerHeatMap([])[2]!.cells[0]!.band).toBeNull();
  });
});
