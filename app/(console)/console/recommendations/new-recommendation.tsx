"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input, Textarea } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { useTRPC } from "@/app/_lib/trpc/client";
import { REC_CATEGORIES, REC_SEVERITIES, type RecCategory, type RecSeverity } from "@/server/recommendations/facts";
import { CATEGORY_LABELS, SEVERITY_LABELS } from "@/server/recommendations/labels";
import { CustomerPicker } from "../_components/customer-picker";
import { errorMessage } from "../_components/errors";

export type Origin =
  | { origin: "incident"; incidentId: string }
  | { origin: "hunt"; huntId: string }
  | { origin: "manual" };

/** An analyst-written recommendation: manual, or from an incident at closure, or from a hunt. */
export function NewRecommendation({
  fixedCustomerId,
  origin = { origin: "manual" },
  label = "New recommendation",
  defaults,
}: {
  fixedCustomerId?: string;
  origin?: Origin;
  label?: string;
  defaults?: { title?: string; body?: string };
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [customerId, setCustomerId] = useState(fixedCustomerId ?? "");
  const [title, setTitle] = useState(defaults?.title ?? "");
  const [body, setBody] = useState(defaults?.body ?? "");
  const [severity, setSeverity] = useState<RecSeverity>("medium");
  const [category, setCategory] = useState<RecCategory>("hardening");
  const create = useMutation(
    trpc.recommendations.create.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        return qc.invalidateQueries();
      },
    }),
  );
  return (
    <>
      <Button size="sm" variant={origin.origin === "manual" ? "primary" : "outline"} onClick={() => setOpen(true)}>
        <Plus aria-hidden="true" />
        {label}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent
          title={label}
          description="The customer sees it with its evidence; critical and high ones are e-mailed to their report contacts."
        >
          <form
            className="grid gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({ customerId, title, body, severity, category, evidence: [], ...origin });
            }}
          >
            {fixedCustomerId ? null : (
              <CustomerPicker
                choice
                required
                activeOnly
                autoFocus
                value={customerId || undefined}
                onChange={(id) => setCustomerId(id ?? "")}
              />
            )}
            <Field label="Title" required>
              <Input maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
            </Field>
            <Field label="What to do, and why" required>
              <Textarea rows={4} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} />
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label="Severity">
                <Select value={severity} onChange={(e) => setSeverity(e.target.value as RecSeverity)}>
                  {REC_SEVERITIES.map((s) => (
                    <option key={s} value={s}>
                      {SEVERITY_LABELS[s]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Category">
                <Select value={category} onChange={(e) => setCategory(e.target.value as RecCategory)}>
                  {REC_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {CATEGORY_LABELS[c]}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            {create.error ? <Alert tone="danger">{errorMessage(create.error)}</Alert> : null}
            <DialogFooter>
              <Button type="submit" loading={create.isPending}>
                Recommend to customer
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
