/** A demo story's plan, step by step: what history.ts replays through the services and bulk-stories.ts writes in bulk. */
import type { IncidentStatus } from "@/db/schema/incidents";
import type { StaffRole } from "@/db/schema/tenancy";
import { targetsFor } from "@/server/incidents/targets";
import type { IntakeAuth } from "@/server/ingest/auth";

export type Staff = { id: string; name: string; email: string; role: StaffRole };

/** One story's progress while it is replayed: the alerts waiting to be escalated or attached, and its incident. */
export type Story = { ids: string[]; incidentId: string | null };

/** What a story does, step by step: through the services (`runStoryStep`) or in bulk (`writeBulkStories`). */
export type StoryOp =
  | { op: "ingest"; auth: IntakeAuth; payload: Record<string, unknown> }
  | { op: "escalate"; who: Staff; title: string }
  | { op: "attach"; who: Staff }
  | { op: "acknowledge"; who: Staff }
  | { op: "status"; who: Staff; to: IncidentStatus; note?: string }
  /** The analyst's verdict on every alert of the story's incident (as the console records it on the selected alerts). */
  | { op: "verdict"; who: Staff; verdict: FalseAlarmVerdict; reason: string }
  | { op: "open"; who: Staff; message: string }
  | { op: "note"; who: Staff; body: string }
  | { op: "ask"; who: Staff; question: string }
  | { op: "answer"; body: string }
  | { op: "isolate"; who: Staff; host: string; reason: string }
  | { op: "approve"; who: Staff; note: string }
  | { op: "execute"; who: Staff };
/** The verdicts that make an incident a false alarm (every alert judged one of them): it is no threat. */
export type FalseAlarmVerdict = "benign" | "false_positive";
export type StoryStep = { at: number; kind: string; story: Story; op: StoryOp };

export const LATE_DUPLICATE = "Same activity as the incident's alerts";

/** The host an isolation names: the story's host as the console offers it, else the incident's first host. */
export function isolationTarget(
  observables: readonly Parameters<typeof targetsFor>[1][number][],
  host: string,
): string | undefined {
  const hosts = targetsFor("isolate_host", observables);
  return hosts.find((h) => h.toLowerCase() === host.toLowerCase()) ?? hosts[0];
}
