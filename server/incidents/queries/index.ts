// The incidents domain's queries, one idea per file; import them from here.
export * from "./create";
export * from "./detail";
export * from "./incidents";
