import { PageSkeleton } from "../_components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the audit log…" rows={8} withFilters />;
}
