import { TriangleAlert } from "lucide-react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import Link from "@/app/_components/ui/link";
import { AuthCard, authLinkClass } from "../_components/auth-card";
import { firstParam } from "../_lib/auth-errors";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata = { title: "Choose a new password" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = firstParam(params.token);
  const error = firstParam(params.error);

  if (error || !token) {
    return (
      <AuthCard
        title="This reset link does not work"
        footer={
          <Link href="/sign-in" className={authLinkClass}>
            Back to sign in
          </Link>
        }
      >
        <div className="grid gap-5">
          <Alert tone="warning" icon={TriangleAlert} title="The link has expired or is not valid">
            Reset links work once, for 60 minutes. Ask for a new one and use the most recent e-mail.
          </Alert>
          <Button asChild className="w-full">
            <Link href="/forgot-password">Ask for a new link</Link>
          </Button>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Choose a new password" description="Use at least 10 characters. A short phrase works well.">
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
