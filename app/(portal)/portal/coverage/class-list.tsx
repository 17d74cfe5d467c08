import { Card } from "@/app/_components/ui/card";
import type { CellState, MatrixClass } from "@/server/coverage/matrix";
import { SectionHeader } from "../_components/section-header";
import { CellBadge } from "./cell-badge";
import { CLASS_NAMES, classSentence } from "./explain";

type Cls = { cls: MatrixClass; state: CellState; contracted: boolean };

/** Each contracted class (and any connected beyond the contract) with its state in plain words. */
export function ClassList({ classes, providerName }: { classes: Cls[]; providerName: string }) {
  const sorted = [...classes].sort((a, b) => Number(b.contracted) - Number(a.contracted));
  return (
    <Card>
      <SectionHeader
        title="What your contract covers"
        description="Each area of monitoring you pay for, and whether it is working now."
      />
      <ul className="divide-y divide-border border-t border-border">
        {sorted.map((c) => (
          <li
            key={c.cls}
            className="grid gap-1 px-5 py-3 sm:grid-cols-[10rem_minmax(0,1fr)_auto] sm:items-center sm:gap-4"
          >
            <span className="text-sm font-medium">{CLASS_NAMES[c.cls]}</span>
            <span className="text-sm text-muted-foreground">{classSentence(c.cls, c.state, providerName)}</span>
            <CellBadge state={c.state} className="justify-self-start sm:justify-self-end" />
          </li>
        ))}
      </ul>
    </Card>
  );
}
