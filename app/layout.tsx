import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Concord", template: "%s · Concord" },
  description: "An editorial workspace for stories that every source tells differently.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
