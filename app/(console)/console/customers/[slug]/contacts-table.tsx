"use client";

import { Check, Pencil, Trash2 } from "lucide-react";
import { Badge, SeverityBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import type { Contact } from "../../_components/types";
import { inCardTable } from "../../_components/ui-classes";
import { CHANNEL_LABELS } from "./channels";

export function ContactsTable({
  contacts,
  canManage,
  onEdit,
  onRemove,
}: {
  contacts: readonly Contact[];
  canManage: boolean;
  onEdit: (contact: Contact) => void;
  onRemove: (contact: Contact) => void;
}) {
  const none = <span className="text-muted-foreground">—</span>;
  return (
    <Table className={inCardTable}>
      <THead>
        <TR>
          <TH>Name and role</TH>
          <TH>Reach</TH>
          <TH>Escalate for</TH>
          <TH>Channels</TH>
          <TH>Reports</TH>
          {canManage ? (
            <TH className="w-20">
              <span className="sr-only">Actions</span>
            </TH>
          ) : null}
        </TR>
      </THead>
      <TBody>
        {contacts.map((c) => (
          <TR key={c.id}>
            <TD className="max-w-56">
              <div className="truncate font-medium">{c.name}</div>
              <div className="truncate text-xs text-muted-foreground">{c.role ?? "No role given"}</div>
            </TD>
            <TD className="max-w-80">
              <a
                href={`mailto:${c.email}`}
                title={c.email}
                className="block truncate text-sm hover:text-primary hover:underline"
              >
                {c.email}
              </a>
              {c.phone ? (
                <a
                  href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}
                  className="block truncate text-xs text-muted-foreground tabular-nums hover:text-primary hover:underline"
                >
                  {c.phone}
                </a>
              ) : (
                <div className="text-xs text-muted-foreground">No phone</div>
              )}
            </TD>
            <TD className="min-w-40">
              {c.severities.length ? (
                <ul className="flex flex-wrap gap-1" aria-label="Severities">
                  {c.severities.map((s) => (
                    <li key={s}>
                      <SeverityBadge severity={s} />
                    </li>
                  ))}
                </ul>
              ) : (
                none
              )}
            </TD>
            <TD className="min-w-36">
              {c.channels.length ? (
                <ul className="flex flex-wrap gap-1" aria-label="Channels">
                  {c.channels.map((ch) => (
                    <li key={ch}>
                      <Badge>{CHANNEL_LABELS[ch]}</Badge>
                    </li>
                  ))}
                </ul>
              ) : (
                none
              )}
            </TD>
            <TD>
              {c.receivesReports ? (
                <span className="inline-flex items-center gap-1 text-success">
                  <Check aria-hidden="true" className="size-4" />
                  <span className="text-sm">Yes</span>
                </span>
              ) : (
                <span className="text-sm text-muted-foreground">No</span>
              )}
            </TD>
            {canManage ? (
              <TD className="whitespace-nowrap text-right">
                <Button variant="ghost" size="icon-sm" aria-label={`Edit ${c.name}`} onClick={() => onEdit(c)}>
                  <Pencil aria-hidden="true" />
                </Button>
                <Button variant="ghost" size="icon-sm" aria-label={`Remove ${c.name}`} onClick={() => onRemove(c)}>
                  <Trash2 aria-hidden="true" />
                </Button>
              </TD>
            ) : null}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
