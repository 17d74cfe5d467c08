export * from "./audit";
export * from "./auth";
export * from "./contracts";
export * from "./email";
export * from "./incidents";
export * from "./reports";
export * from "./sensors";
export * from "./tenancy";
