import { formatMonth } from "@/lib/format";
import { isHex, monogram, svgDataUrl, textOn } from "./branding-colors";

export type BrandingPreviewValues = {
  name: string;
  legalName: string;
  supportEmail: string;
  primaryColor: string;
  accentColor: string;
  logoSvg: string | null;
};

const colour = (value: string, fallback: string) => (isHex(value) ? value.trim() : fallback);

/** A miniature of the report cover and of an e-mail, drawn from the unsaved values (paper stays white in dark mode). */
export function BrandingPreview({ values, month }: { values: BrandingPreviewValues; month: string }) {
  const primary = colour(values.primaryColor, "#0f766e");
  const accent = colour(values.accentColor, "#f59e0b");
  const name = values.name.trim() || "Your company";
  const legal = values.legalName.trim();
  const onPrimary = textOn(primary);
  const email = values.supportEmail.trim();
  return (
    <div className="grid gap-5">
      <figure className="grid gap-2">
        <figcaption className="text-xs font-medium text-muted-foreground">Report cover</figcaption>
        <div
          aria-hidden="true"
          className="mx-auto flex aspect-[210/297] w-full max-w-72 flex-col overflow-hidden rounded-sm border border-border bg-white text-slate-900 shadow-md"
        >
          <div
            className="flex h-[37%] flex-col justify-between px-5 pt-6 pb-4"
            style={{ backgroundColor: primary, color: onPrimary }}
          >
            <div className="flex min-w-0 items-center gap-2.5">
              {values.logoSvg ? (
                <span className="flex h-9 w-24 shrink-0 items-center rounded bg-white p-1">
                  {/* biome-ignore lint/performance/noImgElement: a data: URL of the user's own SVG. */}
                  <img src={svgDataUrl(values.logoSvg)} alt="" className="size-full object-contain" />
                </span>
              ) : (
                <span
                  className="flex size-9 shrink-0 items-center justify-center rounded-full text-xs font-bold"
                  style={{ backgroundColor: accent, color: textOn(accent) }}
                >
                  {monogram(name)}
                </span>
              )}
              <span className="grid min-w-0">
                <span className="truncate text-[11px] font-bold leading-tight">{name}</span>
                {legal ? <span className="truncate text-[7px] leading-tight opacity-90">{legal}</span> : null}
              </span>
            </div>
            <span className="text-[6px] tracking-wider">MONTHLY SECURITY-POSTURE REPORT</span>
          </div>
          <div className="h-1" style={{ backgroundColor: accent }} />
          <div className="grid flex-1 content-start gap-1 px-5 pt-5">
            <span className="text-[7px] text-slate-500">Monthly security-posture report for</span>
            <span className="text-sm font-bold leading-tight">Example Customer Ltd</span>
            <span className="text-[11px]" style={{ color: onPrimary === "#ffffff" ? primary : "#0f172a" }}>
              {formatMonth(month)}
            </span>
            <div className="mt-3 grid gap-1.5 border-t border-slate-200 pt-1.5">
              {[0, 1, 2, 3].map((i) => (
                <div key={i} className="flex gap-3 border-b border-slate-200 pb-1.5">
                  <span className="h-1 w-10 rounded bg-slate-300" />
                  <span className="h-1 w-16 rounded bg-slate-200" />
                </div>
              ))}
            </div>
          </div>
          <div className="px-5 pb-3 text-[6px] leading-snug text-slate-500">
            <p className="truncate">Confidential — prepared for Example Customer Ltd by {legal || name}.</p>
            {email ? <p className="truncate">Questions about this report: {email}</p> : null}
          </div>
        </div>
      </figure>
      <figure className="grid gap-2">
        <figcaption className="text-xs font-medium text-muted-foreground">E-mail</figcaption>
        <div
          aria-hidden="true"
          className="overflow-hidden rounded-md border border-border bg-white text-slate-900 shadow-sm"
        >
          <div className="truncate px-4 py-2.5 text-sm font-bold text-white" style={{ backgroundColor: primary }}>
            {name}
          </div>
          <div className="grid gap-2 px-4 py-3 text-xs">
            <p>Your security report for {formatMonth(month)} is ready.</p>
            <span
              className="w-fit rounded px-3 py-1.5 text-xs font-semibold"
              style={{ backgroundColor: primary, color: "#ffffff" }}
            >
              View the report
            </span>
          </div>
          <p className="border-t border-slate-200 px-4 py-2 text-[10px] leading-snug text-slate-500">
            You received this e-mail from {name} via Watchkeeper.{email ? ` Questions: ${email}.` : ""}
          </p>
        </div>
      </figure>
    </div>
  );
}
