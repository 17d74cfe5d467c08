import { describe, expect, it } from "vitest";
import { dataComponents } from "@/server/visibility/mapping";
import { canonicalComponent, checkDataSources } from "./sources";

describe("a hunt's data sources against a customer's visibility", () => {
  it("a component is visible when a class that observes it sees at the customer", () => {
    const r = checkDataSources(["Process Creation", "Network Traffic Content", "Firmware Modification"], ["edr"]);
    expect(r).toMatchObject({ visible: 1, of: 3 });
    const [proc, traffic, firmware] = r.checks;
    expect(proc!.seenBy).toEqual(["edr"]);
    expect(traffic!.seenBy).toEqual([]);
    expect(traffic!.observableBy).toContain("ndr");
    expect(firmware!.observableBy).toEqual([]); // no sensor class can see it, whatever the customer has
  });

  it("a customer with nothing visible sees none; a hunt needing nothing is 0 of 0", () => {
    expect(checkDataSources(["Process Creation"], [])).toMatchObject({ visible: 0, of: 1 });
    expect(checkDataSources([], ["edr", "ndr"])).toEqual({ visible: 0, of: 0, checks: [] });
  });

  it("names come back in the mapping's spelling; unknown names are refused", () => {
    expect(canonicalComponent("  process   creation ")).toBe("Process Creation");
    expect(canonicalComponent("Process Creations")).toBeNull();
    for (const c of dataComponents) expect(canonicalComponent(c.name)).toBe(c.name);
  });
});
