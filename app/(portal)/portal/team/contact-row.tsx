"use client";

import { FileText, Mail, Pencil, Phone, Trash2 } from "lucide-react";
import { Badge, SEVERITIES, SeverityBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { CHANNEL_LABELS, CHANNELS } from "../_lib/labels";
import type { Contact } from "./contact-form";

/** One escalation contact: how to reach them, for which severities, and (for managers) Edit / Remove. */
export function ContactRow({
  contact: c,
  canManage,
  onEdit,
  onRemove,
}: {
  contact: Contact;
  canManage: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <li className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start">
      <div className="grid min-w-0 flex-1 gap-2">
        <div className="grid gap-0.5">
          <p className="text-sm font-medium break-words">
            {c.name}
            {c.role ? <span className="font-normal text-muted-foreground"> · {c.role}</span> : null}
          </p>
          <p className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-muted-foreground">
            <a
              href={`mailto:${c.email}`}
              className="inline-flex min-w-0 items-center gap-1 break-all hover:text-foreground hover:underline"
            >
              <Mail aria-hidden="true" className="size-3.5 shrink-0" />
              {c.email}
            </a>
            {c.phone ? (
              <a
                href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}
                className="inline-flex items-center gap-1 hover:text-foreground hover:underline"
              >
                <Phone aria-hidden="true" className="size-3.5 shrink-0" />
                {c.phone}
              </a>
            ) : null}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          {c.severities.length === 0 ? (
            <span className="text-xs text-muted-foreground">No incident escalations</span>
          ) : (
            SEVERITIES.filter((s) => c.severities.includes(s)).map((s) => <SeverityBadge key={s} severity={s} />)
          )}
        </div>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
          <span>
            Reached by:{" "}
            {c.channels.length === 0
              ? "no channel chosen"
              : CHANNELS.filter((ch) => c.channels.includes(ch))
                  .map((ch) => CHANNEL_LABELS[ch])
                  .join(", ")}
          </span>
          {c.receivesReports ? (
            <Badge tone="neutral">
              <FileText aria-hidden="true" />
              Receives reports
            </Badge>
          ) : null}
        </p>
      </div>
      {canManage ? (
        <div className="-ml-3 flex shrink-0 gap-1 sm:-mt-1 sm:ml-0">
          <Button variant="ghost" size="sm" onClick={onEdit} aria-label={`Edit ${c.name}`}>
            <Pencil aria-hidden="true" />
            Edit
          </Button>
          <Button
            variant="ghost"
            size="sm"
            className="text-destructive hover:bg-destructive/10 hover:text-destructive"
            onClick={onRemove}
            aria-label={`Remove ${c.name}`}
          >
            <Trash2 aria-hidden="true" />
            Remove
          </Button>
        </div>
      ) : null}
    </li>
  );
}
