import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { cn } from "@/app/_lib/cn";

/** One tile of the home: a title, what it counts, a link to the list behind it. */
export function Tile({
  title,
  description,
  href,
  linkText,
  className,
  children,
}: {
  title: string;
  description: string;
  href: string;
  linkText: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card className={cn("flex flex-col", className)}>
      <CardHeader
        actions={
          <Link href={href} className="text-xs text-primary underline underline-offset-4">
            {linkText}
          </Link>
        }
      >
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="min-w-0 flex-1">{children}</CardContent>
    </Card>
  );
}

/** A big number with its label, linking to the list it counts. */
export function Figure({
  value,
  label,
  href,
  tone,
}: {
  value: number;
  label: string;
  href: string;
  tone?: "danger" | "warning";
}) {
  return (
    <Link href={href} className="grid min-w-0 gap-0.5 rounded-md border border-border px-3 py-2 hover:bg-muted">
      <span
        className={cn(
          "text-2xl font-semibold tabular-nums",
          tone === "danger" && value > 0 && "text-destructive",
          tone === "warning" && value > 0 && "text-warning",
        )}
      >
        {value}
      </span>
      <span className="text-xs text-muted-foreground">{label}</span>
    </Link>
  );
}
