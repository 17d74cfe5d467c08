"use client";

import { useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/app/_components/ui/dropdown-menu";
import Link from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_lib/trpc/client";
import { DateTime } from "./date-time";
import { useViewTimeZone } from "./view-time-zone";

/** "On duty now and next" in the console header: a count, and on click who is on which shift until when. */
export function OnDutyNow() {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.roster.onDuty.queryOptions(), refetchInterval: 60_000 });
  const zone = useViewTimeZone();
  const now = q.data?.now ?? [];
  const people = new Set(now.flatMap((s) => s.people.map((p) => p.id)));
  const label = q.isPending ? "On duty: …" : q.isError ? "On duty: unavailable" : `On duty now: ${people.size}`;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" className="gap-1.5 px-2" title={label}>
          <Users className="size-4" aria-hidden />
          {/* The accessible name is the visible text ("On duty 3"); on narrow screens only the count shows. */}
          <span className="sr-only sm:not-sr-only">On duty</span>
          <span className="tabular-nums font-semibold">{q.isPending || q.isError ? "–" : people.size}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80 max-w-[calc(100vw-1rem)]">
        <DropdownMenuLabel>
          On duty now
          {zone ? (
            <span className="block text-xs font-normal text-muted-foreground">
              Times in {zone.replaceAll("_", " ")}
            </span>
          ) : null}
        </DropdownMenuLabel>
        {now.length === 0 ? (
          <p className="px-2 pb-2 text-sm text-muted-foreground">
            {q.isError ? "Could not load the roster." : "Nobody is on shift."}
          </p>
        ) : (
          <ShiftList items={now.map((s) => ({ ...s, at: s.end, word: "until" }))} />
        )}
        <DropdownMenuSeparator />
        <DropdownMenuLabel>Next</DropdownMenuLabel>
        {(q.data?.next ?? []).length === 0 ? (
          <p className="px-2 pb-2 text-sm text-muted-foreground">No shift starts within a day.</p>
        ) : (
          <ShiftList items={(q.data?.next ?? []).map((s) => ({ ...s, at: s.start, word: "from" }))} />
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/console/roster">Open the roster</Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/console/roster/me">My shifts</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

type Item = {
  roster: string;
  slot: string;
  timeZone: string;
  at: Date;
  word: string;
  people: { id: string; name: string }[];
};

function ShiftList({ items }: { items: Item[] }) {
  return (
    <ul className="grid gap-1.5 px-2 pb-2 text-sm">
      {items.map((s) => (
        <li key={`${s.roster}-${s.slot}-${s.at.toString()}`}>
          <div className="font-medium">
            {s.roster} · {s.slot}{" "}
            <span className="font-normal text-muted-foreground">
              {s.word} <DateTime value={s.at} mode="time" />
            </span>
          </div>
          <div className="text-muted-foreground">{s.people.map((p) => p.name).join(", ") || "Nobody"}</div>
        </li>
      ))}
    </ul>
  );
}
