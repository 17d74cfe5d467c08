"use client";

import { useEffect } from "react";
import { Card } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { ErrorState } from "@/app/_components/ui/states";

export default function CoverageError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <>
      <PageHeader title="Coverage" />
      <Card>
        <ErrorState
          title="Your coverage could not be loaded"
          message={`Something went wrong on our side or the connection dropped. Try again; if it keeps happening, contact your security provider${error.digest ? ` and mention reference ${error.digest}` : ""}.`}
          onRetry={retry}
        />
      </Card>
    </>
  );
}
