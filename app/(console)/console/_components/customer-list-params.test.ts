import { describe, expect, it } from "vitest";
import { readCustomerListParams, toolbarChange } from "./customer-list-params";

describe("toolbarChange", () => {
  it("sets a search and a sort, leaves the default sort and an emptied search out of the URL, back to page 1", () => {
    expect(toolbarChange({ q: "kestrel" }, "score")).toEqual({ q: "kestrel", page: null });
    expect(toolbarChange({ q: "" }, "score")).toEqual({ q: null, page: null });
    expect(toolbarChange({ sort: "name" }, "score")).toEqual({ sort: "name", page: null });
    expect(toolbarChange({ sort: "score" }, "score")).toEqual({ sort: null, page: null });
  });

  it("gives back the params it was read from once applied to the URL", () => {
    const url = new URLSearchParams("q=old&sort=drop&page=3");
    for (const [k, v] of Object.entries(toolbarChange({ q: "new", sort: "score" }, "score")))
      if (v === null) url.delete(k);
      else url.set(k, String(v));
    expect(readCustomerListParams((k) => url.get(k), ["score", "drop", "name"] as const)).toEqual({
      q: "new",
      sort: "score",
      page: 1,
    });
  });
});
