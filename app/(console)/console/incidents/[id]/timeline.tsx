"use client";

import { useMutation } from "@tanstack/react-query";
import {
  ArrowRightLeft,
  Bell,
  CircleDot,
  Crosshair,
  Eye,
  Fingerprint,
  Gauge,
  ListChecks,
  Mail,
  MessageCircleQuestion,
  MessageSquare,
  MessageSquareReply,
  Shield,
  ShieldAlert,
  StickyNote,
  UserRound,
} from "lucide-react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Textarea } from "@/app/_components/ui/input";
import Link from "@/app/_components/ui/link";
import { SafeText } from "@/app/_components/ui/safe-text";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { DateTime } from "../../_components/date-time";
import { describeError } from "../../_components/errors";
import { type SectionProps, useRefreshIncident } from "./shared";

type Event = SectionProps["detail"]["timeline"][number];

const KINDS: Record<Event["kind"], { label: string; Icon: typeof Bell }> = {
  opened: { label: "Opened", Icon: CircleDot },
  status: { label: "Status", Icon: ArrowRightLeft },
  alert_added: { label: "Alerts added", Icon: Bell },
  note: { label: "Note", Icon: StickyNote },
  comment: { label: "Comment", Icon: MessageSquare },
  severity: { label: "Severity", Icon: Gauge },
  assigned: { label: "Assignment", Icon: UserRound },
  task: { label: "Task", Icon: ListChecks },
  observable: { label: "Observable", Icon: Fingerprint },
  technique: { label: "Technique", Icon: Crosshair },
  action_requested: { label: "Action requested", Icon: ShieldAlert },
  action_decided: { label: "Action update", Icon: Shield },
  question: { label: "Question to the customer", Icon: MessageCircleQuestion },
  answer: { label: "Customer answer", Icon: MessageSquareReply },
  notified: { label: "E-mail sent", Icon: Mail },
  visibility: { label: "Opened to the customer", Icon: Eye },
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

function EventBody({ event, staffName }: { event: Event; staffName: (id: unknown) => string | null }) {
  if (event.kind === "assigned") {
    const to = staffName(event.data.to);
    return <p>{event.data.to ? `Assigned to ${to ?? "a staff member"}` : "Unassigned"}</p>;
  }
  if (event.kind === "alert_added") {
    const ids = strings(event.data.alertIds);
    const titles = strings(event.data.titles);
    if (ids.length > 1 && titles.length) {
      return (
        <div className="grid gap-1">
          <p>{ids.length} alerts added</p>
          <ul className="grid gap-0.5 text-[13px]">
            {titles.map((t, i) => (
              <li key={i} className="min-w-0 truncate">
                {ids[i] ? (
                  <Link href={`/console/alerts/${ids[i]}`} className="text-primary hover:underline">
                    <SafeText text={t} />
                  </Link>
                ) : (
                  <SafeText text={t} />
                )}
              </li>
            ))}
            {ids.length > titles.length ? (
              <li className="text-muted-foreground">and {ids.length - titles.length} more</li>
            ) : null}
          </ul>
        </div>
      );
    }
    if (ids[0]) {
      return (
        <p>
          <Link href={`/console/alerts/${ids[0]}`} className="text-primary hover:underline">
            <SafeText text={event.body ?? "Alert added"} />
          </Link>
        </p>
      );
    }
  }
  if (!event.body) return null;
  return (
    <p className="break-words whitespace-pre-wrap">
      <SafeText text={event.body} />
    </p>
  );
}

/** Every change and message, oldest first, with the composer at the end. */
export function Timeline({ detail, canManage, staff, notify }: SectionProps) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const visible = detail.incident.visibleToCustomer;
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<"internal" | "customer">("internal");
  const [error, setError] = useState<string | null>(null);
  const [show, setShow] = useState<"all" | "customer">("all");
  const staffName = (id: unknown) => staff.find((s) => s.userId === id)?.name ?? null;
  const effectiveVisibility = visible ? visibility : "internal";

  const add = useMutation(
    trpc.incidents.addNote.mutationOptions({
      onSuccess: async (_r, input) => {
        setBody("");
        await refresh();
        notify({
          tone: "success",
          message: input.visibility === "customer" ? "Message sent to the customer." : "Internal note added.",
        });
      },
      onError: (e) => setError(describeError(e, []).message),
    }),
  );

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!body.trim()) return setError("Write something first.");
    setError(null);
    add.mutate({ incidentId: detail.incident.id, body, visibility: effectiveVisibility });
  }

  const events = show === "all" ? detail.timeline : detail.timeline.filter((e) => e.visibility === "customer");

  return (
    <Card id="timeline">
      <CardHeader
        actions={
          <fieldset className="flex rounded-md border border-border p-0.5 text-xs">
            <legend className="sr-only">Show entries</legend>
            {(["all", "customer"] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={show === v}
                onClick={() => setShow(v)}
                className={cn(
                  "rounded px-2 py-1 font-medium text-muted-foreground",
                  show === v && "bg-muted text-foreground",
                )}
              >
                {v === "all" ? "All" : "Customer-visible"}
              </button>
            ))}
          </fieldset>
        }
      >
        <CardTitle>Timeline</CardTitle>
        <CardDescription>Oldest first. {plural(detail.timeline.length)}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {events.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing the customer can see yet.</p>
        ) : (
          <ol className="grid">
            {events.map((e, i) => {
              const k = KINDS[e.kind] ?? KINDS.note;
              const fromCustomer = e.actorSide === "customer";
              if (e.kind === "notified") {
                // E-mail receipts are bookkeeping: one quiet line.
                return (
                  <li key={e.id} className="relative grid grid-cols-[1.75rem_minmax(0,1fr)] gap-3 pb-3 last:pb-0">
                    {i < events.length - 1 ? (
                      <span aria-hidden="true" className="absolute top-0 bottom-0 left-[0.8125rem] w-px bg-border" />
                    ) : null}
                    <span aria-hidden="true" className="z-10 flex justify-center pt-0.5 text-muted-foreground">
                      <Mail className="size-3.5 bg-card" />
                    </span>
                    <p className="min-w-0 text-xs break-words text-muted-foreground">
                      <SafeText text={e.body ?? "E-mail sent"} /> · <DateTime value={e.at} /> · Internal
                    </p>
                  </li>
                );
              }
              return (
                <li key={e.id} className="relative grid grid-cols-[1.75rem_minmax(0,1fr)] gap-3 pb-4 last:pb-0">
                  {i < events.length - 1 ? (
                    <span aria-hidden="true" className="absolute top-7 bottom-0 left-[0.8125rem] w-px bg-border" />
                  ) : null}
                  <span
                    aria-hidden="true"
                    className={cn(
                      "z-10 flex size-7 items-center justify-center rounded-full border bg-card",
                      fromCustomer ? "border-info/40 text-info" : "border-border text-muted-foreground",
                    )}
                  >
                    <k.Icon className="size-3.5" />
                  </span>
                  <div
                    className={cn(
                      "grid min-w-0 gap-1 text-sm",
                      fromCustomer && "rounded-md border border-info/30 bg-info/5 px-3 py-2",
                    )}
                  >
                    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
                      <span className="font-medium text-foreground">{e.actorLabel}</span>
                      {fromCustomer ? <span>(customer)</span> : e.actorSide === "system" ? <span>(system)</span> : null}
                      <span>· {k.label} ·</span>
                      <DateTime value={e.at} />
                      {e.visibility === "customer" ? (
                        <Badge tone="primary">Customer-visible</Badge>
                      ) : (
                        <Badge>Internal</Badge>
                      )}
                    </div>
                    <EventBody event={e} staffName={staffName} />
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {canManage ? (
          <form noValidate onSubmit={submit} className="grid gap-2 border-t border-border pt-4">
            <label htmlFor="timeline-note" className="text-sm font-medium">
              {effectiveVisibility === "customer" ? "Message to the customer" : "Internal note"}
            </label>
            <Textarea
              id="timeline-note"
              rows={3}
              maxLength={20_000}
              value={body}
              placeholder={
                effectiveVisibility === "customer"
                  ? "The customer sees this in their portal and their contacts are e-mailed."
                  : "Findings, hypotheses, hand-over notes. Only staff see this."
              }
              aria-invalid={error ? true : undefined}
              aria-describedby="timeline-note-help"
              onChange={(e) => {
                setBody(e.target.value);
                setError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit();
              }}
              className={cn(effectiveVisibility === "customer" && "border-primary/50")}
            />
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <div className="flex flex-wrap items-center justify-between gap-3">
              <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
                <legend className="sr-only">Who sees it</legend>
                <label className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name="visibility"
                    className="accent-primary"
                    checked={effectiveVisibility === "internal"}
                    onChange={() => setVisibility("internal")}
                  />
                  Internal
                </label>
                <label className={cn("flex items-center gap-1.5", !visible && "text-muted-foreground")}>
                  <input
                    type="radio"
                    name="visibility"
                    className="accent-primary"
                    disabled={!visible}
                    checked={effectiveVisibility === "customer"}
                    onChange={() => setVisibility("customer")}
                  />
                  Customer-visible
                </label>
              </fieldset>
              <Button type="submit" size="sm" loading={add.isPending}>
                {effectiveVisibility === "customer" ? "Send to customer" : "Add note"}
              </Button>
            </div>
            <p id="timeline-note-help" className="text-xs text-muted-foreground">
              {visible
                ? "Ctrl+Enter to send. Customer-visible entries appear in the portal and e-mail the customer's contacts."
                : "Ctrl+Enter to send. The customer does not see this incident yet: open it to them to write to them."}
            </p>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}

function plural(n: number) {
  return `${n} ${n === 1 ? "entry" : "entries"}.`;
}
