"use client";

import { Crosshair } from "lucide-react";
import { Tooltip } from "@/app/_components/ui/tooltip";
import { cn } from "@/app/_lib/cn";
import type { HeatCell as Cell } from "@/server/visibility/heatmap";
import { BAND_CLASSES, BAND_LABELS, percent } from "./bands";

/** One technique: its id and name on the band's colour; the tooltip (hover or keyboard focus) lists its data sources. */
export function HeatCell({ cell }: { cell: Cell }) {
  const band = cell.band ?? "na";
  const total = cell.seen.length + cell.missing.length;
  // The accessible name is the visible text (WCAG 2.5.3 label in name) followed by what the colour says.
  const more = `: ${BAND_LABELS[band].toLowerCase()}${
    cell.band
      ? `${cell.band === "none" ? "" : " visibility"}, ${cell.seen.length} of ${total} data sources watched`
      : ""
  }${cell.detected ? ", detected in the last 90 days" : ""}`;
  return (
    <Tooltip content={<CellDetail cell={cell} />} side="right">
      <button
        type="button"
        className={cn(
          "relative grid w-full gap-0.5 rounded-md border px-1.5 py-1 text-left text-[11px] leading-tight",
          "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1",
          BAND_CLASSES[band],
        )}
      >
        <span className="flex items-center justify-between gap-1 font-mono font-semibold">
          {cell.id}
          {cell.detected ? <Crosshair aria-hidden="true" className="size-3 shrink-0" /> : null}
        </span>{" "}
        <span className="line-clamp-2 break-words">{cell.name}</span>
        <span className="sr-only">{more}</span>
      </button>
    </Tooltip>
  );
}

function CellDetail({ cell }: { cell: Cell }) {
  return (
    <div className="grid gap-1.5">
      <p className="font-semibold">
        {cell.id} {cell.name}
      </p>
      {cell.band === null ? (
        <p>Not observable by sensors: it happens outside your estate.</p>
      ) : (
        <>
          <p>
            {cell.band === "none" ? "No visibility" : `${BAND_LABELS[cell.band]} visibility`} ({percent(cell.ratio)})
            {cell.subtechniques ? `, ${cell.subtechniques} sub-techniques` : ""}
            {cell.detected ? ". Detected in the last 90 days." : "."}
          </p>
          {cell.seen.length ? <List title="Watched" items={cell.seen} /> : null}
          {cell.missing.length ? <List title="Not watched" items={cell.missing} /> : null}
        </>
      )}
    </div>
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  return (
    <div>
      <p className="font-medium">{title}</p>
      <p>{items.join(", ")}</p>
    </div>
  );
}
