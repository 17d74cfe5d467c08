"use client";

import { ErrorState } from "@/app/_components/ui/states";
import { errorMessage } from "./errors";

/** A failed query inside a page or card: the server's message and a retry button. */
export function QueryError({
  error,
  onRetry,
  title = "Could not load this",
  className,
}: {
  error: unknown;
  onRetry: () => void;
  title?: string;
  className?: string;
}) {
  return <ErrorState title={title} message={errorMessage(error)} onRetry={onRetry} className={className} />;
}
