import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";

/** The "Your password" field that re-confirms the user before a two-factor change. */
export function PasswordConfirm({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error: string | null;
}) {
  return (
    <Field label="Your password" error={error}>
      <Input
        type="password"
        name="password"
        autoComplete="current-password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus
      />
    </Field>
  );
}
