import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "./button";

/** "x–y of N" with Previous / Next, for every paged list. `onPage` gets the page to show. */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
  label = "Pages",
  noun,
  nouns = noun ? `${noun}s` : undefined,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label?: string;
  /** Singular noun for the count ("incident"); without it the count reads "1–25 of 130". */
  noun?: string;
  /** Its plural, when not the noun + "s" ("breaches"). */
  nouns?: string;
}) {
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const n = (v: number) => v.toLocaleString("en-GB");
  const count = noun && total === 1 ? `1 ${noun}` : `${n(from)}–${n(to)} of ${n(total)}${nouns ? ` ${nouns}` : ""}`;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <span className="text-muted-foreground tabular-nums" aria-live="polite">
        {count}
      </span>
      {total > pageSize ? (
        <div className="flex gap-2">
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            <ChevronLeft aria-hidden="true" />
            Previous
          </Button>
          <Button variant="outline" size="sm" disabled={to >= total} onClick={() => onPage(page + 1)}>
            Next
            <ChevronRight aria-hidden="true" />
          </Button>
        </div>
      ) : null}
    </nav>
  );
}
