"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * `next/link` that prefetches when the reader reaches for a link (hover, focus, touch) rather than when it scrolls
 * into view. A console page shows dozens of links — the sidebar, a queue of alerts, a matrix of customers — and
 * viewport prefetching made every page view ask the server to render each of their routes: twenty to sixty requests
 * nobody had asked for, on a server that 150 analysts share. A link reached for is still instant. Every link of the
 * app goes through here (`next/link` is a restricted import elsewhere, biome.json).
 */
export default function Link({
  href,
  prefetch,
  onMouseEnter,
  onFocus,
  onTouchStart,
  ...props
}: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const url = typeof href === "string" ? href : null;
  const onIntent = () => {
    if (prefetch !== false && url?.startsWith("/")) router.prefetch(url);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(e) => {
        onIntent();
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        onIntent();
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        onIntent();
        onTouchStart?.(e);
      }}
    />
  );
}
