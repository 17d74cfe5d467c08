"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Dialog, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input, Textarea } from "@/app/_components/ui/input";
import { useTRPC } from "@/app/_lib/trpc/client";
import { CustomerPicker, type PickedCustomer } from "../_components/customer-picker";
import { errorMessage } from "../_components/errors";

const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

/** Plans a hunt: hypothesis, techniques, data components, scope (all customers, or those picked one by one), period. */
export function NewHunt() {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({
    title: "",
    hypothesis: "",
    techniques: "",
    components: "",
    from: "",
    to: "",
    hours: "0",
  });
  const [all, setAll] = useState(false);
  const [scope, setScope] = useState<PickedCustomer[]>([]);
  const add = (c: PickedCustomer | null) => {
    if (c) setScope((s) => (s.some((x) => x.id === c.id) ? s : [...s, c]));
  };
  const create = useMutation(
    trpc.hunts.create.mutationOptions({ onSuccess: (h) => router.push(`/console/hunts/${h.id}`) }),
  );
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        <Plus aria-hidden="true" />
        Plan a hunt
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent title="Plan a hunt" size="lg">
          <form
            className="grid gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({
                title: f.title,
                hypothesis: f.hypothesis,
                techniques: list(f.techniques),
                dataComponents: list(f.components),
                allCustomers: all,
                customerIds: all ? [] : scope.map((c) => c.id),
                periodFrom: new Date(`${f.from}T00:00:00`),
                periodTo: new Date(`${f.to}T00:00:00`),
                analystId: null,
                effortHours: Number(f.hours) || 0,
              });
            }}
          >
            <Field label="Title" required>
              <Input maxLength={200} value={f.title} onChange={set("title")} />
            </Field>
            <Field label="Hypothesis" required>
              <Textarea rows={3} maxLength={5000} value={f.hypothesis} onChange={set("hypothesis")} />
            </Field>
            <Field label="ATT&CK techniques" hint="Comma-separated ids, e.g. T1558.003, T1021.002">
              <Input value={f.techniques} onChange={set("techniques")} />
            </Field>
            <Field label="Data components needed" hint="Comma-separated, e.g. Process Creation, Logon Session Creation">
              <Input value={f.components} onChange={set("components")} />
            </Field>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              <Field label="From" required>
                <Input type="date" value={f.from} onChange={set("from")} />
              </Field>
              <Field label="To" required>
                <Input type="date" value={f.to} onChange={set("to")} />
              </Field>
              <Field label="Effort (hours)">
                <Input type="number" min={0} step={0.5} value={f.hours} onChange={set("hours")} />
              </Field>
            </div>
            <fieldset className="grid gap-1.5">
              <legend className="mb-1 text-sm font-medium">Customers in scope</legend>
              <Checkbox label="All customers" checked={all} onChange={(e) => setAll(e.target.checked)} />
              {all ? null : (
                <>
                  <CustomerPicker
                    choice
                    label="Add a customer"
                    className="mt-1 sm:max-w-sm"
                    value={undefined}
                    onChange={(_, c) => add(c)}
                  />
                  {scope.length ? (
                    <ul aria-label="Customers picked" className="flex flex-wrap gap-1.5">
                      {scope.map((c) => (
                        <li
                          key={c.id}
                          className="inline-flex max-w-full items-center gap-1 rounded-md border border-border bg-muted py-0.5 pr-0.5 pl-2 text-sm"
                        >
                          <span className="truncate">{c.name}</span>
                          <Button
                            variant="ghost"
                            size="icon-sm"
                            className="size-6"
                            aria-label={`Remove ${c.name} from the scope`}
                            onClick={() => setScope((s) => s.filter((x) => x.id !== c.id))}
                          >
                            <X aria-hidden="true" />
                          </Button>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-xs text-muted-foreground">
                      No customer yet: add each one to hunt in, or tick all.
                    </p>
                  )}
                </>
              )}
            </fieldset>
            {create.error ? <Alert tone="danger">{errorMessage(create.error)}</Alert> : null}
            <DialogFooter>
              <Button type="submit" loading={create.isPending}>
                Plan the hunt
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
