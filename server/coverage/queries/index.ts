// The coverage domain's reads and writes: sensor state and the matrix's facts, heartbeat history, the minute sweep's
// transitions and the banner.
export * from "./heartbeats";
export * from "./state";
export * from "./transitions";
