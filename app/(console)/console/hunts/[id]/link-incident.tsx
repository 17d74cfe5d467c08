"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { useTRPC } from "@/app/_lib/trpc/client";
import { errorMessage } from "../../_components/errors";

/** Links the incident the hunt opened (its id, from the incident's URL). */
export function LinkIncident({ huntId }: { huntId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [id, setId] = useState("");
  const link = useMutation(
    trpc.hunts.linkIncident.mutationOptions({
      onSuccess: () => {
        setId("");
        return qc.invalidateQueries();
      },
    }),
  );
  const incidentId = id.trim().split("/").pop() ?? "";
  return (
    <form
      className="grid gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        link.mutate({ huntId, incidentId });
      }}
    >
      <label htmlFor="link-incident" className="text-xs font-medium">
        Link an incident the hunt opened (id or URL)
      </label>
      <Input id="link-incident" value={id} onChange={(e) => setId(e.target.value)} />
      {link.error ? <Alert tone="danger">{errorMessage(link.error)}</Alert> : null}
      <div>
        <Button size="sm" variant="outline" type="submit" loading={link.isPending}>
          Link incident
        </Button>
      </div>
    </form>
  );
}
