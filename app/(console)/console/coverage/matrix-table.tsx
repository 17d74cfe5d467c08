"use client";

import { ShieldCheck } from "lucide-react";
import Link from "@/app/_components/ui/link";
import { EmptyState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { formatShare } from "@/lib/format";
import type { CellState, MatrixClass } from "@/server/coverage/matrix";
import type { RouterOutputs } from "../_components/types";
import { SENSOR_CLASS_LABELS } from "../sensors/sensor-labels";
import type { OpenCell } from "./cell-dialog";
import { CELL_HINTS, CELL_LABELS, CellStateLabel } from "./cell-state";

type Matrix = RouterOutputs["coverage"]["matrix"];

const percent = (r: number | null) => (r === null ? "No data" : formatShare(r));

export function MatrixTable({ data, onOpen }: { data: Matrix; onOpen: (c: OpenCell) => void }) {
  if (data.rows.length === 0) {
    return (
      <EmptyState
        icon={ShieldCheck}
        title={data.summary.customers ? "Nothing needs action" : "No customers yet"}
        description={
          data.summary.customers
            ? "Every contracted class of every customer matching the filter has a healthy sensor."
            : "Customers appear here with their contract and sensors."
        }
        className="m-4"
      />
    );
  }
  return (
    <Table wrapperClassName="max-h-[70vh]">
      <caption className="sr-only">Coverage by customer and sensor class</caption>
      <THead className="sticky top-0 z-10 bg-card">
        <TR>
          <TH className="sticky left-0 z-10 min-w-36 bg-card">Customer</TH>
          <TH className="text-right">Coverage</TH>
          {data.classes.map((c) => (
            <TH key={c} className="whitespace-nowrap">
              {SENSOR_CLASS_LABELS[c]}
            </TH>
          ))}
        </TR>
      </THead>
      <TBody>
        {data.rows.map((r) => (
          <TR key={r.id}>
            <TH scope="row" className="sticky left-0 z-[1] bg-card font-medium">
              <Link href={`/console/customers/${r.slug}`} className="rounded-sm hover:underline">
                {r.name}
              </Link>
              {r.tier ? null : <span className="block text-xs font-normal text-muted-foreground">No contract</span>}
            </TH>
            <TD className="text-right tabular-nums">
              {percent(r.row.coverage)}
              <span className="sr-only"> of {r.row.contracted.length} contracted classes OK</span>
            </TD>
            {data.classes.map((c) => (
              <TD key={c}>
                <Cell
                  state={r.row.cells[c].state}
                  onOpen={() => onOpen({ customerId: r.id, customerName: r.name, cls: c })}
                  label={`${r.name}, ${SENSOR_CLASS_LABELS[c]}`}
                />
              </TD>
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

function Cell({ state, onOpen, label }: { state: CellState; onOpen: () => void; label: string }) {
  if (state === "none") return <CellStateLabel state="none" />;
  return (
    <button
      type="button"
      onClick={onOpen}
      title={CELL_HINTS[state]}
      aria-label={`${CELL_LABELS[state]}: ${label} — show sensors`}
      className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring hover:opacity-80"
    >
      <CellStateLabel state={state} />
    </button>
  );
}

export type { MatrixClass };
