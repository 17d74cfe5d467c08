import { CircleAlert, CircleCheck, Info, type LucideIcon, TriangleAlert } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/app/_lib/cn";

export type AlertTone = "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, { box: string; icon: string; Icon: LucideIcon }> = {
  info: { box: "border-info/30 bg-info/5", icon: "text-info", Icon: Info },
  success: { box: "border-success/30 bg-success/5", icon: "text-success", Icon: CircleCheck },
  warning: { box: "border-warning/30 bg-warning/5", icon: "text-warning", Icon: TriangleAlert },
  danger: { box: "border-destructive/30 bg-destructive/5", icon: "text-destructive", Icon: CircleAlert },
};

export interface AlertProps extends Omit<ComponentProps<"div">, "title"> {
  tone?: AlertTone;
  title?: ReactNode;
  /** Override the tone's default icon (a lucide icon component), or `null` for none. */
  icon?: LucideIcon | null;
  /** Right-aligned slot, e.g. a small Button. */
  action?: ReactNode;
}

/** Inline callout. Tone "danger" gets role="alert" (announced when it appears). */
export function Alert({ tone = "info", title, icon, action, className, children, ...props }: AlertProps) {
  const t = tones[tone];
  const Icon = icon === undefined ? t.Icon : icon;
  return (
    <div
      role={tone === "danger" ? "alert" : undefined}
      className={cn("flex items-start gap-3 rounded-lg border px-4 py-3 text-sm text-foreground", t.box, className)}
      {...props}
    >
      {Icon ? <Icon aria-hidden="true" className={cn("mt-0.5 size-4 shrink-0", t.icon)} /> : null}
      <div className="grid min-w-0 flex-1 gap-1">
        {title ? <p className="font-medium leading-5">{title}</p> : null}
        {children ? (
          <div className="text-muted-foreground [&_a]:underline [&_a]:underline-offset-2">{children}</div>
        ) : null}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
