import { Field } from "@/app/_components/ui/field";
import { Select } from "@/app/_components/ui/select";

/** Queue filter: only customers whose contracted coverage calendar is open now (24x7 always). */
export function CoverageField({
  value,
  onChange,
  className,
}: {
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <Field label="Coverage" className={className}>
      <Select placeholder="Any coverage" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="now">In coverage now</option>
      </Select>
    </Field>
  );
}
