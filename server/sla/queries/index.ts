// The SLA domain's queries, one idea per file; import them from here.
export * from "./banner";
export * from "./breaches";
export * from "./clocks";
export * from "./monthly";
export * from "./reads";
