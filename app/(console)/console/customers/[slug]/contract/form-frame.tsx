"use client";

import { type FormEvent, type ReactNode, type RefObject, useEffect, useRef } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/app/_components/ui/card";

function focusFirstInvalid(form: RefObject<HTMLFormElement | null>) {
  setTimeout(() => {
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    invalid?.scrollIntoView({ block: "center" });
  }, 50);
}

/** The card around the create and change forms: title, the fields, the form's message and its buttons. */
export function FormFrame({
  title,
  description,
  error,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  description: ReactNode;
  error: string | null;
  submitLabel: string;
  pending: boolean;
  /** Returns false when client-side checks failed: the first invalid control then gets focus. */
  onSubmit: () => boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  const form = useRef<HTMLFormElement>(null);
  // A rejected submission (the server's field errors arrive with a new message) shows the first field it named.
  useEffect(() => {
    if (error) focusFirstInvalid(form);
  }, [error]);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!onSubmit()) focusFirstInvalid(form);
  }
  return (
    <Card>
      <form ref={form} noValidate onSubmit={submit} aria-label={title}>
        <CardHeader>
          <CardTitle>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">{children}</CardContent>
        <CardFooter className="flex-wrap">
          {error ? (
            <Alert tone="danger" className="mr-auto w-full">
              {error}
            </Alert>
          ) : null}
          <Button variant="outline" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
