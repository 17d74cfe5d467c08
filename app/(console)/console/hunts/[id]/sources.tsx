import { Badge } from "@/app/_components/ui/badge";
import type { RouterOutputs } from "../../_components/types";

type Hunt = RouterOutputs["hunts"]["byId"];
type Sources = Hunt["scope"][number]["sources"];

const CLASS: Record<string, string> = {
  edr: "EDR",
  ndr: "NDR",
  siem: "SIEM",
  cloud: "cloud",
  identity: "identity",
  email: "e-mail",
};
const classes = (list: readonly string[]) => list.map((c) => CLASS[c] ?? c).join(" or ");

/** The data components the hunt needs, each with the sensor classes that can observe it. */
export function DataComponents({ hunt }: { hunt: Hunt }) {
  if (!hunt.needs.length) return <p className="text-xs text-muted-foreground">No data components named.</p>;
  return (
    <div className="grid gap-1">
      <p className="text-xs font-medium text-muted-foreground">Data sources needed</p>
      <ul className="grid gap-1 text-xs">
        {hunt.needs.map((n) => (
          <li key={n.name} className="break-words">
            <span className="font-medium">{n.name}</span>{" "}
            <span className="text-muted-foreground">
              {n.observableBy.length ? `seen by ${classes(n.observableBy)}` : "no sensor class can see it"}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One customer in scope: how many of the needed data sources its sensors see now, and which they do not. */
export function ScopeSources({ sources }: { sources: Sources }) {
  if (sources.of === 0) return null;
  const missing = sources.checks.filter((c) => c.seenBy.length === 0);
  const tone = missing.length === 0 ? "success" : sources.visible === 0 ? "danger" : "warning";
  return (
    <div className="grid gap-1">
      <span>
        <Badge tone={tone}>
          Sees {sources.visible} of {sources.of} data source{sources.of === 1 ? "" : "s"}
        </Badge>
      </span>
      {missing.length ? (
        <ul className="grid gap-0.5 text-xs text-muted-foreground" aria-label="Data sources not visible">
          {missing.map((m) => (
            <li key={m.name} className="break-words">
              Not visible: {m.name}
              {m.observableBy.length ? ` (needs ${classes(m.observableBy)})` : " (no sensor class can see it)"}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
