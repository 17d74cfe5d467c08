import type { RouterOutputs } from "../../_components/types";

export type Sensor = RouterOutputs["sensors"]["byId"];

/** Which confirmation dialog of the sensor detail page is open. */
export type Confirm = "rotate" | "revoke" | "retire" | "reactivate" | null;
