import type { SensorState } from "@/server/coverage/health";
import type { CellState, MatrixClass } from "@/server/coverage/matrix";

/** Plain-language texts of the customer's coverage page. Pure. */
export const CLASS_NAMES: Record<MatrixClass, string> = {
  edr: "Endpoints",
  ndr: "Network",
  siem: "Logs (SIEM)",
  cloud: "Cloud",
  identity: "Identities",
  email: "E-mail",
};

export const CLASS_WHAT: Record<MatrixClass, string> = {
  edr: "the agents on your computers and servers",
  ndr: "the sensors that watch your network traffic",
  siem: "the logs collected from your systems",
  cloud: "your cloud platforms and accounts",
  identity: "sign-ins and your identity systems",
  email: "your e-mail security",
};

export function classSentence(cls: MatrixClass, state: CellState, provider: string): string {
  const what = CLASS_WHAT[cls];
  switch (state) {
    case "ok":
      return `Monitored: ${provider} receives data from ${what}.`;
    case "degraded":
      return `Monitored with problems: data from ${what} arrives, but not all of it can be trusted right now.`;
    case "silent":
      return `Not reporting: nothing is arriving from ${what}, so threats there may go unseen.`;
    case "missing":
      return `In your contract, but not connected: ${provider} cannot see ${what} yet.`;
    case "extra":
      return `Connected, though not part of your contract: ${provider} receives it but does not promise to watch it.`;
    case "none":
      return "Not part of your service.";
  }
}

export const SENSOR_STATE_LABELS: Record<SensorState, string> = {
  healthy: "Reporting",
  degraded: "Reporting with problems",
  silent: "Not reporting",
  pending: "Not connected yet",
  retired: "Retired",
};

type FixSensor = { name: string; state: SensorState; reasons: readonly string[]; agentVersion: string | null };

/** What the customer could do, most urgent first. */
export function fixes(classes: { cls: MatrixClass; state: CellState }[], sensors: FixSensor[], provider: string) {
  const out: string[] = [];
  for (const s of sensors.filter((x) => x.state === "silent")) {
    out.push(
      `${s.name} is not reporting. Check that it is switched on and can reach the internet; if it was replaced or removed, tell ${provider}.`,
    );
  }
  for (const c of classes.filter((x) => x.state === "missing")) {
    out.push(`Connect ${CLASS_WHAT[c.cls]}: it is in your contract but nothing is connected. ${provider} can help.`);
  }
  for (const s of sensors.filter((x) => x.state === "degraded")) {
    if (s.reasons.includes("unsupported_version")) {
      out.push(`Update ${s.name}: its version${s.agentVersion ? ` (${s.agentVersion})` : ""} is no longer supported.`);
    }
    if (s.reasons.includes("health_event")) {
      out.push(
        `${s.name} reported a problem in the last hour (for example dropped network traffic). Check its capacity and connection.`,
      );
    }
  }
  for (const s of sensors.filter((x) => x.state === "pending")) {
    out.push(`Finish setting up ${s.name}: it has not sent anything yet.`);
  }
  return out;
}
