"use client";

import { Ellipsis, ShieldCheck, UserMinus } from "lucide-react";
import type { TeamMember } from "@/app/_components/team/types";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/app/_components/ui/dropdown-menu";
import { formatDate, initials } from "@/lib/format";
import type { CustomerRole } from "../_lib/labels";
import { RoleBadge, TwoFactorBadge } from "./member-badges";

/** One portal user: initials, name, e-mail, badges, join date and (for managers) the actions menu. */
export function MemberRow({
  member: m,
  isSelf,
  timeZone,
  canManage,
  busy,
  onChangeRole,
  onRemove,
}: {
  member: TeamMember;
  isSelf: boolean;
  timeZone: string;
  canManage: boolean;
  busy: boolean;
  onChangeRole: (role: CustomerRole) => void;
  onRemove: () => void;
}) {
  return (
    <li className="flex items-center gap-3 px-4 py-3">
      <span
        aria-hidden="true"
        className="hidden size-8 shrink-0 items-center justify-center rounded-full bg-muted text-xs font-semibold text-muted-foreground sm:flex"
      >
        {initials(m.name)}
      </span>
      <div className="grid min-w-0 flex-1 gap-1">
        <p className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium">
          <span className="min-w-0 truncate">{m.name}</span>
          {isSelf ? <Badge tone="primary">You</Badge> : null}
        </p>
        <p className="truncate text-xs text-muted-foreground">{m.email}</p>
        <div className="flex flex-wrap items-center gap-1.5 sm:hidden">
          <RoleBadge role={m.role} />
          <TwoFactorBadge on={m.twoFactorEnabled} />
        </div>
      </div>
      <div className="hidden shrink-0 items-center gap-2 sm:flex">
        <TwoFactorBadge on={m.twoFactorEnabled} />
        <RoleBadge role={m.role} />
        <span className="w-32 text-right text-xs whitespace-nowrap text-muted-foreground">
          Joined {formatDate(m.joinedAt, timeZone)}
        </span>
      </div>
      {canManage ? (
        isSelf ? (
          <span className="size-8 shrink-0" />
        ) : (
          <MemberMenu member={m} busy={busy} onChangeRole={onChangeRole} onRemove={onRemove} />
        )
      ) : null}
    </li>
  );
}

/** Per-row menu: switch between admin and viewer, then "Remove…". */
function MemberMenu({
  member,
  busy,
  onChangeRole,
  onRemove,
}: {
  member: TeamMember;
  busy: boolean;
  onChangeRole: (role: CustomerRole) => void;
  onRemove: () => void;
}) {
  const nextRole: CustomerRole = member.role === "admin" ? "viewer" : "admin";
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${member.name}`} loading={busy}>
          <Ellipsis aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel className="truncate">{member.name}</DropdownMenuLabel>
        <DropdownMenuItem onSelect={() => onChangeRole(nextRole)}>
          <ShieldCheck aria-hidden="true" />
          {nextRole === "admin" ? "Make admin" : "Make viewer"}
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem destructive onSelect={onRemove}>
          <UserMinus aria-hidden="true" />
          Remove…
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
