import Link from "@/app/_components/ui/link";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { AGE_BUCKETS } from "@/server/operations/ageing";
import type { RouterOutputs } from "../_components/types";
import { Tile } from "./tile";

type Data = RouterOutputs["operations"]["home"]["ageing"];

/** Untriaged alerts by severity and how long they have waited; each number opens the queue filtered to it. */
export function AgeingTile({ data }: { data: Data }) {
  return (
    <Tile
      title="Alert ageing"
      description={`${data.total} untriaged alerts by severity and how long they have waited.`}
      href="/console/queue?status=new"
      linkText="Untriaged alerts"
    >
      <div className="-mx-5 overflow-x-auto">
        <Table className="[&_tr>*:first-child]:pl-5 [&_tr>*:last-child]:pr-5">
          <THead>
            <TR>
              <TH scope="col">Severity</TH>
              {AGE_BUCKETS.map((b) => (
                <TH key={b.key} scope="col" className="text-right whitespace-nowrap">
                  {b.label}
                </TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {data.rows.map((r) => (
              <TR key={r.severity}>
                <TH scope="row" className="font-medium">
                  {r.label}
                </TH>
                {AGE_BUCKETS.map((b) => (
                  <TD key={b.key} className="text-right tabular-nums">
                    {r.buckets[b.key] ? (
                      <Link
                        href={`/console/queue?status=new&severity=${r.severity}&age=${b.key}`}
                        className="underline underline-offset-4"
                      >
                        {r.buckets[b.key]}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">0</span>
                    )}
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </Tile>
  );
}
