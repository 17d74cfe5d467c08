"use client";

import { Download, ExternalLink } from "lucide-react";
import { type SyntheticEvent, useRef } from "react";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent } from "@/app/_components/ui/dialog";
import { reportPdfUrl } from "./links";
import { refocus } from "./refocus";

export type PreviewTarget = {
  versionId: string;
  title: string;
  description?: string;
  /** Where focus goes on close when the opener is gone (e.g. a menu item); by default, back to the opener. */
  returnFocus?: HTMLElement | null;
};

/** A report PDF in the browser's own viewer, with the same file a click away in a new tab or as a download. */
export function PdfPreviewDialog({ target, onClose }: { target: PreviewTarget | null; onClose: () => void }) {
  const first = useRef<HTMLAnchorElement>(null);
  // A loading PDF viewer can take focus, and keys (Escape) then never reach the dialog: hand it back once.
  const keepFocus = (e: SyntheticEvent<HTMLIFrameElement>) => {
    if (document.activeElement === e.currentTarget) first.current?.focus({ preventScroll: true });
  };
  return (
    <Dialog open={target !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {target ? (
        <DialogContent
          title={target.title}
          description={target.description}
          className="max-w-5xl gap-3 p-4 sm:p-6"
          onCloseAutoFocus={(e) => refocus(e, target.returnFocus)}
        >
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="outline" size="sm">
              <a ref={first} href={reportPdfUrl(target.versionId)} target="_blank" rel="noopener">
                <ExternalLink aria-hidden="true" />
                Open in new tab
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={reportPdfUrl(target.versionId, true)} download>
                <Download aria-hidden="true" />
                Download
              </a>
            </Button>
          </div>
          <iframe
            src={reportPdfUrl(target.versionId)}
            title={`${target.title} (PDF)`}
            onLoad={keepFocus}
            className="h-[70dvh] w-full rounded-md border border-border bg-muted"
          />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
