"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { SafeText } from "@/app/_components/ui/safe-text";
import { Select } from "@/app/_components/ui/select";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { DateTime } from "../../_components/date-time";
import { describeError, type FieldErrors } from "../../_components/errors";
import { useNow } from "../../_components/use-now";
import { type SectionProps, useRefreshIncident } from "./shared";

/** A yyyy-mm-dd day as the end of that day in the browser's time zone. */
function endOfDay(day: string): Date | null {
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return null;
  return new Date(y, m - 1, d, 23, 59, 0);
}

export function TasksCard({ detail, canManage, selfId, staff, notify }: SectionProps) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const now = useNow(60_000);
  const [title, setTitle] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [due, setDue] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const incidentId = detail.incident.id;
  const open = detail.tasks.filter((t) => t.task.status === "open").length;

  const add = useMutation(
    trpc.incidents.addTask.mutationOptions({
      onSuccess: async () => {
        setTitle("");
        setDue("");
        setOwnerId("");
        await refresh();
        notify({ tone: "success", message: "Task added." });
      },
      onError: (e) => {
        const d = describeError(e, ["title", "ownerId", "dueAt"]);
        setErrors(d.fields);
        setFormError(d.message);
      },
    }),
  );
  const update = useMutation(
    trpc.incidents.updateTask.mutationOptions({
      onSuccess: async (row) => {
        await refresh();
        notify({ tone: "success", message: row.status === "done" ? "Task done." : "Task reopened." });
      },
      onError: (e) => notify({ tone: "danger", message: describeError(e, []).message ?? "Could not update the task." }),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    if (!title.trim()) return setErrors({ title: "Name the task" });
    const dueAt = due ? endOfDay(due) : null;
    add.mutate({ incidentId, title: title.trim(), ownerId: ownerId || null, dueAt });
  }

  return (
    <Card id="tasks">
      <CardHeader>
        <CardTitle>Tasks</CardTitle>
        <CardDescription>
          {detail.tasks.length ? `${open} open of ${detail.tasks.length}` : "Who does what, by when."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {detail.tasks.length ? (
          <ul className="grid gap-1">
            {detail.tasks.map(({ task, ownerName }) => {
              // While the change is on its way, show where the box is going.
              const pending = update.isPending && update.variables?.taskId === task.id;
              const done = pending ? update.variables?.status === "done" : task.status === "done";
              const overdue = !done && task.dueAt && now !== null && task.dueAt.getTime() < now;
              return (
                <li key={task.id} className="flex items-start gap-2.5 rounded-md px-1 py-1.5 hover:bg-muted/40">
                  <input
                    id={`task-${task.id}`}
                    type="checkbox"
                    className="mt-0.5 size-4 shrink-0 accent-primary"
                    checked={done}
                    disabled={!canManage || pending}
                    onChange={(e) =>
                      update.mutate({ incidentId, taskId: task.id, status: e.target.checked ? "done" : "open" })
                    }
                  />
                  <label htmlFor={`task-${task.id}`} className="grid min-w-0 flex-1 gap-0.5 text-sm">
                    <span className={cn("break-words", done && "text-muted-foreground line-through")}>
                      <SafeText text={task.title} />
                    </span>
                    <span className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
                      <span>{ownerName ?? "No owner"}</span>
                      {task.dueAt ? (
                        <span className={cn(overdue && "font-medium text-destructive")}>
                          {overdue ? "Overdue · " : "Due "}
                          <DateTime value={task.dueAt} mode="date" />
                        </span>
                      ) : null}
                      {done && task.doneAt ? (
                        <span>
                          Done <DateTime value={task.doneAt} mode="relative" />
                        </span>
                      ) : null}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">No tasks yet.</p>
        )}
        {canManage ? (
          <form noValidate onSubmit={submit} className="grid gap-2 border-t border-border pt-3">
            <label htmlFor="task-title" className="text-sm font-medium">
              New task
            </label>
            <Input
              id="task-title"
              value={title}
              maxLength={300}
              placeholder="e.g. Collect triage package from FIN-WS-0142"
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={errors.title ? "task-title-error" : undefined}
              onChange={(e) => {
                setTitle(e.target.value);
                setErrors({});
              }}
            />
            {errors.title ? (
              <p id="task-title-error" role="alert" className="text-xs font-medium text-destructive">
                {errors.title}
              </p>
            ) : null}
            <div className="grid grid-cols-2 gap-2">
              <Select aria-label="Owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
                <option value="">No owner</option>
                <option value={selfId}>Me</option>
                {staff
                  .filter((s) => s.userId !== selfId)
                  .map((s) => (
                    <option key={s.userId} value={s.userId}>
                      {s.name}
                    </option>
                  ))}
              </Select>
              <Input
                type="date"
                aria-label="Due date"
                value={due}
                aria-invalid={errors.dueAt ? true : undefined}
                onChange={(e) => setDue(e.target.value)}
              />
            </div>
            {errors.dueAt || errors.ownerId || formError ? (
              <p role="alert" className="text-xs font-medium text-destructive">
                {errors.dueAt ?? errors.ownerId ?? formError}
              </p>
            ) : null}
            <Button type="submit" size="sm" variant="outline" loading={add.isPending} className="justify-self-start">
              <Plus aria-hidden="true" />
              Add task
            </Button>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
