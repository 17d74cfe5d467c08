"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { useTRPC } from "@/app/_lib/trpc/client";
import { errorMessage } from "../../_components/errors";
import { SectionCard } from "./section-card";

/** A new secret feed URL on demand (the old one stops working); shown once, since only its hash is stored. */
export function CalendarLink() {
  const trpc = useTRPC();
  const rotate = useMutation(trpc.roster.rotateCalendar.mutationOptions());
  return (
    <SectionCard
      title="Calendar feed"
      description="Subscribe to your shifts in your calendar app (iCal, times in UTC)."
    >
      {rotate.data ? (
        <>
          <Input readOnly aria-label="Your calendar URL" value={rotate.data.url} onFocus={(e) => e.target.select()} />
          {rotate.data.providerUrl ? (
            <Input
              readOnly
              aria-label="Everyone's shifts (managers)"
              value={rotate.data.providerUrl}
              onFocus={(e) => e.target.select()}
            />
          ) : null}
          <p className="text-xs text-muted-foreground">
            Copy it now: it is shown once. Any earlier link no longer works.
          </p>
        </>
      ) : null}
      {rotate.error ? <Alert tone="danger">{errorMessage(rotate.error)}</Alert> : null}
      <Button variant="outline" disabled={rotate.isPending} onClick={() => rotate.mutate()}>
        {rotate.data ? "Make another link" : "Get a calendar link"}
      </Button>
    </SectionCard>
  );
}
