import Link from "@/app/_components/ui/link";
import type { RouterOutputs } from "../_components/types";
import { Figure, Tile } from "./tile";

type Data = RouterOutputs["operations"]["home"]["decisions"];

/** What needs a decision now: SLA clocks overdue or at risk, customers' answers on approvals, customers waiting. */
export function DecisionsTile({ data }: { data: Data }) {
  const approved = data.approvals.filter((a) => a.status === "approved");
  const declined = data.approvals.filter((a) => a.status === "declined");
  const list = [
    ...approved.map((a) => ({
      key: a.id,
      href: `/console/incidents/${a.incidentId}`,
      ref: a.reference,
      text: `Approved, to carry out: ${a.what}`,
    })),
    ...declined.map((a) => ({
      key: a.id,
      href: `/console/incidents/${a.incidentId}`,
      ref: a.reference,
      text: `Declined: ${a.what}`,
    })),
    ...data.waiting.map((w) => ({
      key: w.incidentId,
      href: `/console/incidents/${w.incidentId}`,
      ref: w.reference,
      text: `${w.customerName} is waiting on us: ${w.title}`,
    })),
  ];
  return (
    <Tile
      title="Needs a decision now"
      description="SLA clocks past due or at risk, approvals the customer answered, customers whose last word waits on us."
      href="/console/sla#risk"
      linkText="SLA page"
      className="lg:col-span-2"
    >
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Figure value={data.sla.overdue} label="SLA overdue" href="/console/sla#risk" tone="danger" />
        <Figure value={data.sla.at_risk} label="SLA at risk" href="/console/sla#risk" tone="warning" />
        <Figure value={approved.length + declined.length} label="Approvals answered" href="/console/incidents" />
        <Figure value={data.waitingTotal} label="Customers waiting" href="/console/incidents" />
      </div>
      {list.length ? (
        <ul className="mt-3 grid gap-1 text-sm">
          {list.slice(0, 6).map((i) => (
            <li key={i.key} className="min-w-0 truncate">
              <Link href={i.href} className="hover:underline">
                <span className="font-mono text-xs font-semibold">{i.ref}</span> · {i.text}
              </Link>
            </li>
          ))}
          {list.length > 6 ? <li className="text-xs text-muted-foreground">and {list.length - 6} more</li> : null}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-muted-foreground">No approval answer or customer message waits on us.</p>
      )}
    </Tile>
  );
}
