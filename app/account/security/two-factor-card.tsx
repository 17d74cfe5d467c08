"use client";

import { ShieldCheck, ShieldOff } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { BackupCodesDialog } from "./backup-codes-dialog";
import { DisableTwoFactorDialog } from "./disable-two-factor-dialog";

export function TwoFactorCard({
  enabled,
  email,
  staffMustUse2fa,
}: {
  enabled: boolean;
  email: string;
  staffMustUse2fa: boolean;
}) {
  return (
    <Card>
      <CardHeader
        actions={
          enabled ? (
            <Badge tone="success">
              <ShieldCheck aria-hidden="true" />
              On
            </Badge>
          ) : (
            <Badge tone="warning">
              <ShieldOff aria-hidden="true" />
              Off
            </Badge>
          )
        }
      >
        <CardTitle>Two-factor authentication</CardTitle>
        <CardDescription>
          {enabled
            ? "When you sign in, you enter a code from your authenticator app after your password."
            : "Add a second step to signing in: a code from an authenticator app on your phone. Strongly recommended."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {enabled ? (
          <div className="flex flex-wrap gap-2">
            <BackupCodesDialog email={email} />
            <DisableTwoFactorDialog staffMustUse2fa={staffMustUse2fa} />
          </div>
        ) : (
          <Button asChild>
            <Link href="/two-factor/setup">
              <ShieldCheck aria-hidden="true" />
              Set up two-factor
            </Link>
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
