import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";
import { themeInitScript } from "@/app/_components/theme-toggle";
import { TRPCReactProvider } from "@/app/_lib/trpc/client";

export const metadata: Metadata = {
  title: { default: "Watchkeeper", template: "%s · Watchkeeper" },
  description: "Managed detection and response: operations console and client portal",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The CSP nonce proxy.ts made for this response; Next adds it to its own scripts, we add it to ours.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script that applies the saved theme before paint */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body className="min-h-screen">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
