"use client";

import { useEffect } from "react";
import { Card } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { ErrorState } from "@/app/_components/ui/states";

/** The body of each console section's error.tsx. */
export function SegmentError({ title, error, retry }: { title: string; error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <ErrorState
          title="This page could not be loaded"
          message={
            <>
              Something went wrong on our side. Try again; if it keeps happening, tell the platform team
              {digest ? (
                <>
                  {" "}
                  and quote <span className="font-mono text-foreground">{digest}</span>
                </>
              ) : null}
              .
            </>
          }
          onRetry={retry}
        />
      </Card>
    </>
  );
}
