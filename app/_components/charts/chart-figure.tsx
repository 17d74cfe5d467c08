"use client";

import { type ReactNode, useId } from "react";
import { cn } from "@/app/_lib/cn";

export type ChartTable = { columns: string[]; rows: (string | number)[][] };

/**
 * A chart with its text alternative (WCAG 1.1.1): a <figure> named by the chart's title and described by a one-
 * or two-sentence summary of what it shows, with the plotted numbers in a visually hidden table, so a screen reader
 * gets the same facts as the picture. The chart itself stays as it is (recharts' keyboard layer included).
 */
export function ChartFigure({
  title,
  summary,
  table,
  children,
  className,
}: {
  title: string;
  summary: string;
  table: ChartTable;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} className={cn("m-0 min-w-0", className)}>
      <figcaption className="sr-only">
        <span id={`${id}-title`}>{title}</span> <span id={`${id}-summary`}>{summary}</span>
      </figcaption>
      {children}
      {/* The wrapper is what hides it: a table ignores width: 1px and would widen a narrow page. */}
      <div className="sr-only">
        <table>
          <caption>{title}: the data</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={`${r}-${row[0]}`}>
                {row.map((cell, c) =>
                  c === 0 ? (
                    <th key={table.columns[c]} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={table.columns[c]}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
