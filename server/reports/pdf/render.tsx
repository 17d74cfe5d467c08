import { renderToBuffer } from "@react-pdf/renderer";
import type { MonthlyReportModel } from "@/server/reports/model/assemble";
import { ReportDocument } from "./document";
import { registerFonts } from "./fonts";

/** Page objects of a PDF (`/Type /Page`, not the `/Pages` tree nodes). react-pdf writes page dictionaries uncompressed. */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** Renders one customer's monthly report. `generatedAt` is printed on the cover (default: now). */
export async function renderReportPdf(
  model: MonthlyReportModel,
  options: { generatedAt?: Date } = {},
): Promise<{ pdf: Buffer; pages: number }> {
  registerFonts();
  const pdf = await renderToBuffer(<ReportDocument model={model} generatedAt={options.generatedAt ?? new Date()} />);
  return { pdf, pages: countPdfPages(pdf) };
}
