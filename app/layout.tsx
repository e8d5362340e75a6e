import type { Metadata, Viewport } from "next";
import { OfflineSupport } from "@/components/offline-support";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gloss", template: "%s · Gloss" },
  description: "Read one essay together and annotate it live, in the margin.",
};

export const viewport: Viewport = { themeColor: "#fbfaf6" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded focus:bg-card focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <SiteHeader />
        {/* flow-root: a page's first top margin stays inside, so this box starts under the header on every page and
            does not move when a loading skeleton (first margin 56 px) gives way to the page (bench/reader-paint.ts). */}
        <div id="main" className="flow-root">
          {children}
        </div>
        <OfflineSupport />
      </body>
    </html>
  );
}
