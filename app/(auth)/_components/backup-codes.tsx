"use client";

import { Download } from "lucide-react";
import { buttonVariants } from "@/app/_components/ui/button";
import { CopyButton } from "./copy-button";

/** The one-time backup codes, with copy and download. Shown once: the server keeps them encrypted. */
export function BackupCodes({ codes, email }: { codes: string[]; email: string }) {
  const text = [
    `Watchkeeper backup codes for ${email}`,
    `Created ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "Each code signs you in once if you cannot use your authenticator app. Keep them somewhere safe.",
    "",
    ...codes,
    "",
  ].join("\n");
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <div className="grid gap-3">
      <ul
        aria-label="Backup codes"
        className="grid grid-cols-2 gap-x-4 gap-y-1.5 rounded-lg border border-border bg-muted/50 p-4 font-mono text-sm"
      >
        {codes.map((code) => (
          <li key={code} className="truncate text-center select-all">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <CopyButton text={codes.join("\n")} label="Copy codes" />
        <a
          href={href}
          download="watchkeeper-backup-codes.txt"
          className={buttonVariants({ variant: "outline", size: "sm" })}
        >
          <Download aria-hidden="true" />
          Download .txt
        </a>
      </div>
    </div>
  );
}
