"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronsUpDown, X } from "lucide-react";
import { type KeyboardEvent, type ReactNode, useEffect, useId, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { CUSTOMER_OPTIONS_LIMIT } from "@/server/customers/schema";

type Option = { id: string | null; name: string; slug?: string };
/** A customer as the picker found it: its name comes with the pick, for callers that list what was picked. */
export type PickedCustomer = { id: string; name: string; slug?: string };
const ALL: Option = { id: null, name: "All customers" };

/** What is typed, settled: one search per pause, not per key. */
function useSettled(value: string, delayMs = 150) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * Search-as-you-type customer filter (the WAI-ARIA combobox with a list box): a bounded server search
 * (`customers.options`, ≤ 20 matches by name or slug) instead of every customer in the page. The picked customer's
 * name is read by id, so a URL carrying it shows the name. `value`: the picked id, or none for all customers.
 * `choice`: a form's choice rather than a filter — no "All customers" and no clearing; `required` marks it so, and
 * the form's `error` shows under it. `activeOnly` offers active customers only (the picked one is named whatever its
 * status).
 */
export function CustomerPicker({
  value,
  onChange,
  label = "Customer",
  className,
  choice = false,
  required = false,
  activeOnly = false,
  error,
  placeholder,
  autoFocus,
}: {
  value: string | undefined;
  onChange: (id: string | null, customer: PickedCustomer | null) => void;
  label?: string;
  className?: string;
  choice?: boolean;
  required?: boolean;
  activeOnly?: boolean;
  error?: ReactNode;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const trpc = useTRPC();
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | null>(null); // null: not editing, show the picked name
  const [active, setActive] = useState(0);
  const q = useSettled(text ?? "");
  const picked = useQuery({ ...trpc.customers.options.queryOptions({ id: value }), enabled: Boolean(value) });
  const found = useQuery({
    ...trpc.customers.options.queryOptions({ q: q || undefined, ...(activeOnly ? { active: true } : {}) }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const pickedName = value ? (picked.data?.[0]?.name ?? (picked.isPending ? "" : "Unknown customer")) : "";
  const options: Option[] = [...(q || choice ? [] : [ALL]), ...(found.data ?? [])];
  const shown = Math.min(active, Math.max(options.length - 1, 0));
  const optionId = (i: number) => `${id}-option-${i}`;

  const close = () => {
    setOpen(false);
    setText(null);
  };
  const choose = (o: Option) => {
    close();
    if (o.id !== (value ?? null)) onChange(o.id, o.id ? { id: o.id, name: o.name, slug: o.slug } : null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((shown + step + options.length) % Math.max(options.length, 1));
    } else if (e.key === "Enter" && open && options[shown]) {
      e.preventDefault();
      choose(options[shown]);
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        close();
      } else if (value && !choice) onChange(null, null);
    }
  };

  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      <div className="relative">
        <Input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options.length ? optionId(shown) : undefined}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          autoComplete="off"
          autoFocus={autoFocus}
          spellCheck={false}
          placeholder={placeholder ?? (choice ? "Type to search customers" : "All customers — type to search")}
          value={text ?? pickedName}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={(e) => e.currentTarget.select()}
          onClick={() => setOpen(true)}
          onBlur={close}
          onKeyDown={onKeyDown}
          className={cn("text-ellipsis", choice ? "pr-9" : "pr-16")}
        />
        {value && !choice ? (
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={`Clear the customer filter (${pickedName || "picked customer"}): show all customers`}
            onClick={() => choose(ALL)}
            className="absolute top-1/2 right-7 size-7 -translate-y-1/2"
          >
            <X aria-hidden="true" />
          </Button>
        ) : null}
        <ChevronsUpDown
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <div
          hidden={!open}
          className="absolute top-full right-0 left-0 z-50 mt-1 max-h-72 overflow-y-auto rounded-md border border-border bg-popover p-1 text-popover-foreground shadow-lg"
        >
          <div id={listId} role="listbox" aria-label={`${label} choices`}>
            {options.map((o, i) => (
              <div
                key={o.id ?? "all"}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={(o.id ?? null) === (value ?? null)}
                // Keep the focus in the input: chosen on mouse down, before the input's blur closes the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
                onMouseMove={() => setActive(i)}
                className={cn(
                  "grid cursor-default rounded-sm px-2 py-1.5 text-sm select-none aria-selected:font-semibold",
                  i === shown && "bg-accent text-accent-foreground",
                )}
              >
                <span className="truncate">{o.name}</span>
                {o.slug ? <span className="truncate text-xs text-muted-foreground">{o.slug}</span> : null}
              </div>
            ))}
          </div>
          {found.isError ? (
            <p className="px-2 py-1.5 text-sm text-destructive">Could not search the customers. Type again to retry.</p>
          ) : found.isFetched && !found.data?.length && (q || choice) ? (
            <p className="px-2 py-1.5 text-sm text-muted-foreground">
              {q ? `No customer matches “${q}”` : activeOnly ? "No active customers" : "No customers"}
            </p>
          ) : null}
        </div>
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {open && found.data
          ? `${found.data.length}${found.data.length === CUSTOMER_OPTIONS_LIMIT ? " or more" : ""} customers found${q ? ` for ${q}` : ""}`
          : ""}
      </p>
    </div>
  );
}
