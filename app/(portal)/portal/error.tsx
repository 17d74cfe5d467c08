"use client";

import { useEffect } from "react";
import { Card } from "@/app/_components/ui/card";
import { ErrorState } from "@/app/_components/ui/states";

export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <Card>
      <ErrorState
        title="This page could not be loaded"
        message={
          <>
            Something went wrong on our side or the connection dropped. Try again; if it keeps happening, contact your
            security provider{error.digest ? ` and mention reference ${error.digest}` : ""}.
          </>
        }
        onRetry={reset}
      />
    </Card>
  );
}
