"use client";

import { SegmentError } from "../_components/segment-error";

export default function CustomersError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Customers" error={error} retry={retry} />;
}
