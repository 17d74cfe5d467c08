"use client";

import { ImageOff, Trash2 } from "lucide-react";
import { type ChangeEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { cn } from "@/app/_lib/cn";
import { formatBytes } from "@/lib/format";
import { logoSvg } from "@/server/provider/schema";
import { svgDataUrl } from "./branding-colors";

const MAX_BYTES = 100_000;

/** The logo as an uploaded .svg file, read as text in the browser and checked with the server's own rules. */
export function LogoField({
  value,
  error,
  readOnly,
  onChange,
}: {
  value: string | null;
  error?: string;
  readOnly: boolean;
  onChange: (svg: string | null) => void;
}) {
  const [file, setFile] = useState<string | null>(null);
  // A rejected file never reaches the form's values, so its reason lives here until the next pick.
  const [pickError, setPickError] = useState<string | null>(null);
  const onError = (message: string) => {
    setFile(null);
    setPickError(message);
  };

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const chosen = input.files?.[0];
    input.value = "";
    if (!chosen) return;
    if (chosen.size > MAX_BYTES)
      return onError(`${chosen.name} is ${formatBytes(chosen.size)}; the logo may be at most 100 KB.`);
    const text = await chosen.text();
    const parsed = logoSvg.safeParse(text);
    if (!parsed.success) return onError(parsed.error.issues[0]?.message ?? "This file is not a usable SVG logo.");
    setPickError(null);
    setFile(`${chosen.name} (${formatBytes(chosen.size)})`);
    onChange(parsed.data);
  }

  return (
    <Field
      label="Logo"
      error={pickError ?? error}
      hint="An .svg file up to 100 KB, without scripts or external links. The report cover shows it on a white panel; without a logo it shows your initials."
    >
      {(control) => (
        <div className="grid gap-3">
          <div
            className={cn(
              "flex h-24 items-center justify-center rounded-md border border-dashed border-border p-3",
              value ? "bg-white" : "bg-muted/40",
            )}
          >
            {value ? (
              // biome-ignore lint/performance/noImgElement: a data: URL of the user's own SVG; next/image adds nothing here.
              <img src={svgDataUrl(value)} alt="Current logo" className="max-h-16 max-w-full object-contain" />
            ) : (
              <span className="flex items-center gap-2 text-xs text-muted-foreground">
                <ImageOff aria-hidden="true" className="size-4" />
                No logo
              </span>
            )}
          </div>
          {readOnly ? null : (
            <div className="flex flex-wrap items-center gap-2">
              <Input
                {...control}
                type="file"
                accept=".svg,image/svg+xml"
                onChange={pick}
                className="w-auto max-w-full flex-1 basis-56 read-only:bg-card"
              />
              {value ? (
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => {
                    setFile(null);
                    setPickError(null);
                    onChange(null);
                  }}
                >
                  <Trash2 aria-hidden="true" />
                  Remove logo
                </Button>
              ) : null}
            </div>
          )}
          {file && value ? <p className="text-xs text-muted-foreground">Chosen: {file}. Save to use it.</p> : null}
        </div>
      )}
    </Field>
  );
}
