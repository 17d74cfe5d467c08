import { AuthCard } from "../_components/auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Reset your password"
      description="Enter the e-mail address of your account. We will send you a link to choose a new password."
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
