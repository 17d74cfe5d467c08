"use client";

import { SegmentError } from "../_components/segment-error";

export default function ContractsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Contracts" error={error} retry={retry} />;
}
