"use client";

import { Ellipsis, UserMinus } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/app/_components/ui/dropdown-menu";
import type { RoleOption } from "../roles";
import type { TeamMember } from "./types";

/** Per-row menu: the role as a radio group, then "Remove…". */
export function MemberActions({
  member,
  roles,
  noun,
  busy,
  onChangeRole,
  onRemove,
}: {
  member: TeamMember;
  roles: readonly RoleOption[];
  noun: string;
  busy: boolean;
  onChangeRole: (role: string) => void;
  onRemove: () => void;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" loading={busy} aria-label={`Actions for ${member.name}`}>
          <Ellipsis aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-56">
        <DropdownMenuLabel>Role</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={member.role}
          onValueChange={(role) => {
            if (role !== member.role) onChangeRole(role);
          }}
        >
          {roles.map((r) => (
            <DropdownMenuRadioItem key={r.value} value={r.value}>
              {r.label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem destructive onSelect={onRemove}>
          <UserMinus aria-hidden="true" />
          Remove {noun}…
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
