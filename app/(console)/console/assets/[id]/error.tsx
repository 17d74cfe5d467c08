"use client";

import { SegmentError } from "../../_components/segment-error";

export default function AssetError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Assets" error={error} retry={retry} />;
}
