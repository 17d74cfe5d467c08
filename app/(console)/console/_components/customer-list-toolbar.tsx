"use client";

import { useState } from "react";
import { Field } from "@/app/_components/ui/field";
import { Select } from "@/app/_components/ui/select";
import { FilterInput } from "./filter-input";

/** Search and sort of a paged customer list; both go to the URL and back to the first page. */
export function CustomerListToolbar<S extends string>({
  q,
  sort,
  sorts,
  onChange,
}: {
  q: string;
  sort: S;
  sorts: readonly { value: S; label: string }[];
  onChange: (next: { q?: string; sort?: S }) => void;
}) {
  // The box keeps what was typed (spaces included); the URL and the query get the trimmed term.
  const [text, setText] = useState(q);
  // The search changed elsewhere (a "Clear search" button, the back button): show it.
  const [shown, setShown] = useState(q);
  if (q !== shown) {
    setShown(q);
    if (q !== text.trim()) setText(q);
  }
  return (
    <div className="flex flex-wrap items-end gap-3">
      <FilterInput
        label="Search customers"
        placeholder="Search customers by name…"
        value={text}
        onChange={(value) => {
          setText(value);
          onChange({ q: value.trim() });
        }}
      />
      <Field label="Sort customers" className="w-full sm:w-60">
        <Select value={sort} onChange={(e) => onChange({ sort: e.target.value as S })}>
          {sorts.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
