"use client";

import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Input, Textarea } from "@/app/_components/ui/input";

/** Reason and review date for accepting a risk; the recommendation reopens on that date. */
export function RiskForm({
  pending,
  onSubmit,
}: {
  pending: boolean;
  onSubmit: (reason: string, reviewOn: Date) => void;
}) {
  const [reason, setReason] = useState("");
  const [date, setDate] = useState("");
  return (
    <form
      className="grid gap-2 rounded-md border border-border p-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim() && date) onSubmit(reason, new Date(`${date}T00:00:00`));
      }}
    >
      <label htmlFor="risk-reason" className="text-xs font-medium">
        Why you accept the risk
      </label>
      <Textarea
        id="risk-reason"
        rows={2}
        required
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <label htmlFor="risk-review" className="text-xs font-medium">
        Review on (it reopens that day)
      </label>
      <Input id="risk-review" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      <div>
        <Button size="sm" variant="secondary" type="submit" loading={pending}>
          Accept the risk
        </Button>
      </div>
    </form>
  );
}
