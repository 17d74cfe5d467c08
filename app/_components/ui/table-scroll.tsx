"use client";

import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { cn } from "@/app/_lib/cn";

type Edges = { overflows: boolean; left: boolean; right: boolean };

/** Whether the container scrolls sideways, and whether there is more to either side of what is shown. */
function useScrollEdges() {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>({ overflows: false, left: false, right: false });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const max = el.scrollWidth - el.clientWidth;
    const next = { overflows: max > 1, left: el.scrollLeft > 1, right: el.scrollLeft < max - 1 };
    setEdges((e) => (e.overflows === next.overflows && e.left === next.left && e.right === next.right ? e : next));
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      ro.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, [measure]);
  return { ref, edges };
}

/**
 * A horizontal scroll container for a wide table, so the table scrolls instead of widening the page. When it does
 * scroll, the hidden side is shaded, a line under it says so, and the container is a named, focusable region
 * (keyboard users scroll it with the arrow keys).
 */
export function TableScroll({
  className,
  label,
  children,
}: {
  className?: string;
  label?: string;
  children: ReactNode;
}) {
  const { ref, edges } = useScrollEdges();
  return (
    <div className={cn("w-full max-w-full min-w-0", className)}>
      <div className="relative rounded-[inherit]">
        {/* Positioned, so visually hidden (absolute) text in the cells is clipped with the table, not the page. */}
        <div
          ref={ref}
          className="relative w-full max-w-full min-w-0 overflow-x-auto rounded-[inherit] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          {...(edges.overflows
            ? { tabIndex: 0, role: "region", "aria-label": `${label ?? "Table"}, scrolls sideways` }
            : {})}
        >
          {children}
        </div>
        <span
          aria-hidden="true"
          className={cn(
            "pointer-events-none absolute inset-y-0 left-0 w-8 rounded-l-[inherit] bg-gradient-to-r from-foreground/20 to-transparent transition-opacity",
            edges.left ? "opacity-100" : "opacity-0",
          )}
        />
        <span
          aria-hidden="true"
          className={cn(
            "pointer-events-none absolute inset-y-0 right-0 w-8 rounded-r-[inherit] bg-gradient-to-l from-foreground/20 to-transparent transition-opacity",
            edges.right ? "opacity-100" : "opacity-0",
          )}
        />
      </div>
      {edges.overflows ? (
        <p aria-hidden="true" className="border-t border-border px-3 py-1 text-right text-xs text-muted-foreground">
          {edges.right ? "Scroll sideways for more columns →" : "← Scroll back for the first columns"}
        </p>
      ) : null}
    </div>
  );
}
