"use client";

import { Pencil } from "lucide-react";
import { type ReactNode, useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { formatTime } from "@/lib/format";
import { CustomerStatusBadge } from "../../_components/badges";
import { DateTime } from "../../_components/date-time";
import type { Customer } from "../../_components/types";
import { countryName } from "../customer-fields";
import { EditProfileDialog } from "./edit-profile-dialog";

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid min-w-0 content-start gap-1">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

/** The customer's wall-clock time, ticking; rendered after mount (the server's clock and zone differ). */
function LocalTime({ timeZone }: { timeZone: string }) {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now ? (
    <span className="block text-xs text-muted-foreground">{formatTime(now, timeZone)} local time</span>
  ) : null;
}

export function ProfileCard({ customer, canUpdate }: { customer: Customer; canUpdate: boolean }) {
  const [editing, setEditing] = useState(false);
  const country = countryName(customer.country);
  return (
    <Card>
      <CardHeader
        actions={
          canUpdate ? (
            <Button variant="outline" size="sm" onClick={() => setEditing(true)}>
              <Pencil aria-hidden="true" />
              Edit profile
            </Button>
          ) : null
        }
      >
        <CardTitle>Profile</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 lg:grid-cols-4">
          <Item label="Name">{customer.name}</Item>
          <Item label="Slug">
            <span className="font-mono">{customer.slug}</span>
          </Item>
          <Item label="Industry">{customer.industry}</Item>
          <Item label="Country">{country ? `${country} (${customer.country})` : customer.country}</Item>
          <Item label="Time zone">
            {customer.timezone.replaceAll("_", " ")}
            <LocalTime timeZone={customer.timezone} />
          </Item>
          <Item label="Status">
            <CustomerStatusBadge status={customer.status} />
          </Item>
          <Item label="Customer since">
            <DateTime value={customer.createdAt} mode="date" />
          </Item>
          <Item label="Last updated">
            <DateTime value={customer.updatedAt} mode="relative" />
          </Item>
        </dl>
      </CardContent>
      {canUpdate ? <EditProfileDialog customer={customer} open={editing} onOpenChange={setEditing} /> : null}
    </Card>
  );
}
