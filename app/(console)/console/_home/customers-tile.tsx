import Link from "@/app/_components/ui/link";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";
import { formatShare } from "@/lib/format";
import type { RouterOutputs } from "../_components/types";
import { Tile } from "./tile";

type Row = RouterOutputs["operations"]["home"]["customers"][number];

const pct = (a: number | null) => formatShare(a);

/**
 * The customers needing attention most (open criticals, then SLA breaches this month, silent sensors, the lowest
 * attainment): SLA attainment this month (the SLA page's figure), open criticals, silent sensors.
 */
export function CustomersTile({ rows, total }: { rows: Row[]; total: number }) {
  return (
    <Tile
      title="Customer health"
      description={
        rows.length < total
          ? `The ${rows.length} of ${total.toLocaleString("en-GB")} customers needing attention most: open critical incidents, SLA breaches this month, silent sensors.`
          : "SLA attainment this month, open critical incidents and silent sensors; those needing attention first."
      }
      href="/console/customers"
      linkText="Customers"
      className="lg:col-span-2"
    >
      <div className="-mx-5 overflow-x-auto">
        <Table className="[&_tr>*:first-child]:pl-5 [&_tr>*:last-child]:pr-5">
          <THead>
            <TR>
              <TH>Customer</TH>
              <TH className="text-right">SLA this month</TH>
              <TH className="text-right">Open critical</TH>
              <TH className="text-right">Silent sensors</TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((c) => (
              <TR key={c.customerId}>
                <TH scope="row" className="font-medium">
                  <Link href={`/console/customers/${c.slug}`} className="underline underline-offset-4">
                    {c.name}
                  </Link>
                </TH>
                <TD className="text-right tabular-nums">
                  <Link
                    href={`/console/sla?customer=${c.customerId}`}
                    className={cn("underline underline-offset-4", c.breached ? "text-destructive" : "")}
                  >
                    {pct(c.attainment)}
                  </Link>
                </TD>
                <TD className={cn("text-right tabular-nums", c.openCritical ? "font-semibold text-destructive" : "")}>
                  {c.openCritical}
                </TD>
                <TD className="text-right tabular-nums">
                  {c.silentSensors ? (
                    <Link
                      href="/console/sensors"
                      className="font-semibold text-destructive underline underline-offset-4"
                    >
                      {c.silentSensors} of {c.sensors}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">0 of {c.sensors}</span>
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </Tile>
  );
}
