export * from "./audit";
export * from "./auth";
export * from "./contracts";
export * from "./email";
export * from "./incidents";
export * from "./sensors";
export * from "./tenancy";
export * from "./reports";
