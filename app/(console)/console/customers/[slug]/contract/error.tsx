"use client";

import { SegmentError } from "../../../_components/segment-error";

export default function ContractError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Contract" error={error} retry={retry} />;
}
