import type { RouterOutputs } from "../../_components/types";

export type Profile = RouterOutputs["roster"]["profiles"][number];

/** Analyst levels as the roster rules name them. */
export const LEVELS: Record<number, string> = { 1: "L1 analyst", 2: "L2 senior", 3: "L3 lead" };
