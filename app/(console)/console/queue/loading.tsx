import { PageSkeleton } from "../_components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the alert queue…" rows={10} withFilters />;
}
