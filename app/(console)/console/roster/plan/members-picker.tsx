"use client";

import { useState } from "react";
import { Input } from "@/app/_components/ui/input";

type Person = { userId: string; name: string; level: number; skills: string[] };

/** Tick the analysts in the team; a filter narrows the list by name or skill. */
export function MembersPicker({
  staff,
  members,
  onChange,
  error,
  loading = false,
}: {
  staff: Person[];
  members: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  loading?: boolean;
}) {
  const [filter, setFilter] = useState("");
  const f = filter.trim().toLowerCase();
  const shown = staff.filter((s) => !f || s.name.toLowerCase().includes(f) || s.skills.some((k) => k.includes(f)));
  return (
    <fieldset className="m-0 grid min-w-0 gap-2 border-0 p-0">
      <legend className="mb-1.5 text-sm font-medium">Members ({members.length})</legend>
      <Input
        aria-label="Filter analysts by name or skill"
        placeholder="Filter by name or skill"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="grid max-h-56 gap-0.5 overflow-y-auto rounded-md border border-border p-1 sm:grid-cols-2">
        {shown.map((s) => (
          <li key={s.userId}>
            <label className="flex min-w-0 items-start gap-2 rounded px-1.5 py-1 text-sm hover:bg-muted">
              <input
                type="checkbox"
                className="mt-0.5 size-4 shrink-0 accent-primary"
                checked={members.includes(s.userId)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...members, s.userId] : members.filter((m) => m !== s.userId))
                }
              />
              <span className="min-w-0">
                <span className="block truncate">{s.name}</span>
                <span className="block truncate text-xs text-muted-foreground">
                  L{s.level} · {s.skills.join(", ") || "no skills"}
                </span>
              </span>
            </label>
          </li>
        ))}
        {shown.length === 0 ? (
          <li className="px-1.5 py-1 text-sm text-muted-foreground">
            {loading ? "Loading analysts…" : staff.length === 0 ? "No analysts yet." : "Nobody matches."}
          </li>
        ) : null}
      </ul>
      {error ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
