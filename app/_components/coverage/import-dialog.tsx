"use client";

import { Download, Upload } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/app/_components/ui/dialog";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_TEMPLATE } from "@/server/assets/import-rows";

export type ImportResult =
  | { ok: true; rows: number; created: number; updated: number }
  | { ok: false; errors: { row: number; column: string | null; message: string }[]; truncated: boolean };

const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(IMPORT_TEMPLATE)}`;

/** CSV import: pick a file, send it, and see either what was imported or every bad row (nothing is written then). */
export function ImportDialog({
  onImport,
  pending,
}: {
  onImport: (csv: string) => Promise<ImportResult>;
  pending: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const reset = () => {
    setFile(null);
    setProblem(null);
    setResult(null);
  };
  async function submit() {
    if (!file) return setProblem("Choose a CSV file first.");
    if (file.size > IMPORT_MAX_BYTES)
      return setProblem("The file is larger than 1 MiB; split it into several imports.");
    setProblem(null);
    try {
      setResult(await onImport(await file.text()));
    } catch (e) {
      setProblem(e instanceof Error ? e.message : "The import failed; nothing was written.");
    }
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <Upload aria-hidden="true" />
          Import CSV
        </Button>
      </DialogTrigger>
      <DialogContent
        size="lg"
        title="Import assets from a CSV file"
        description={`Columns: hostname (required), ip, os, owner, criticality (low, medium, high or crown-jewel). Up to ${IMPORT_MAX_ROWS.toLocaleString("en-GB")} rows and 1 MiB. If any row is wrong, nothing is imported.`}
      >
        <div className="grid gap-3">
          <a
            href={templateHref}
            download="assets-template.csv"
            className="inline-flex w-fit items-center gap-1.5 text-sm font-medium text-primary underline-offset-2 hover:underline"
          >
            <Download aria-hidden="true" className="size-4" />
            Download the template
          </a>
          <label className="grid gap-1.5 text-sm font-medium">
            CSV file
            <input
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setResult(null);
                setProblem(null);
              }}
              className="block w-full min-w-0 text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-muted file:px-3 file:py-1.5 file:text-foreground"
            />
          </label>
          {problem ? <Alert tone="danger">{problem}</Alert> : null}
          {result?.ok ? (
            <Alert tone="success" title="Imported">
              {result.rows} rows: {result.created} new assets, {result.updated} updated.
            </Alert>
          ) : null}
          {result && !result.ok ? <ErrorReport errors={result.errors} truncated={result.truncated} /> : null}
        </div>
        <DialogFooter>
          <Button variant="ghost" onClick={() => setOpen(false)}>
            {result?.ok ? "Close" : "Cancel"}
          </Button>
          {result?.ok ? null : (
            <Button onClick={submit} loading={pending}>
              Import
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function ErrorReport({
  errors,
  truncated,
}: {
  errors: { row: number; column: string | null; message: string }[];
  truncated: boolean;
}) {
  return (
    <div className="grid gap-2">
      <Alert tone="danger" title="Nothing was imported">
        Fix {errors.length === 1 ? "this row" : `these ${errors.length}${truncated ? "+" : ""} problems`} and import the
        file again.
      </Alert>
      <Table framed wrapperClassName="max-h-64 overflow-y-auto">
        <THead>
          <TR>
            <TH>Line</TH>
            <TH>Column</TH>
            <TH>Problem</TH>
          </TR>
        </THead>
        <TBody>
          {errors.map((e) => (
            <TR key={`${e.row}-${e.column}-${e.message}`}>
              <TD className="tabular-nums">{e.row === 0 ? "File" : e.row}</TD>
              <TD>{e.column ?? "—"}</TD>
              <TD>{e.message}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
