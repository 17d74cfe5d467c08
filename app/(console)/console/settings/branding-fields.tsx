"use client";

import { TriangleAlert } from "lucide-react";
import { Alert } from "@/app/_components/ui/alert";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import type { FieldErrors } from "../_components/errors";
import { contrastWithWhite, isHex } from "./branding-colors";
import type { BrandingPreviewValues } from "./branding-preview";
import { ColourField } from "./colour-field";

/** Name, legal name, support e-mail and the two colours (with a warning when white text would not read). */
export function BrandingFields({
  values,
  errors,
  readOnly,
  onChange: change,
}: {
  values: BrandingPreviewValues;
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (patch: Partial<BrandingPreviewValues>) => void;
}) {
  const lowContrast = isHex(values.primaryColor) ? contrastWithWhite(values.primaryColor.trim()) : 21;
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Name" required error={errors.name} hint="As customers know you.">
          <Input
            value={values.name}
            readOnly={readOnly}
            autoComplete="organization"
            onChange={(e) => change({ name: e.target.value })}
          />
        </Field>
        <Field label="Legal name" error={errors.legalName} hint="Optional; under the name on the report cover.">
          <Input
            value={values.legalName}
            readOnly={readOnly}
            autoComplete="off"
            onChange={(e) => change({ legalName: e.target.value })}
          />
        </Field>
      </div>
      <Field
        label="Support e-mail"
        error={errors.supportEmail}
        hint="Optional; where customers send questions. Printed on reports and in e-mail footers."
      >
        <Input
          type="email"
          value={values.supportEmail}
          readOnly={readOnly}
          autoComplete="email"
          placeholder="soc@example.com"
          onChange={(e) => change({ supportEmail: e.target.value })}
        />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <ColourField
          label="Primary colour"
          hint="The cover band, e-mail headers and buttons."
          value={values.primaryColor}
          error={errors.primaryColor}
          readOnly={readOnly}
          onChange={(primaryColor) => change({ primaryColor })}
        />
        <ColourField
          label="Accent colour"
          hint="The stripe under the cover band and the initials badge."
          value={values.accentColor}
          error={errors.accentColor}
          readOnly={readOnly}
          onChange={(accentColor) => change({ accentColor })}
        />
      </div>
      {lowContrast < 3 ? (
        <Alert tone="warning" icon={TriangleAlert} title="White text is hard to read on this primary colour">
          E-mail headers and buttons put white text on it (contrast {lowContrast.toFixed(1)}:1; aim for at least 3:1). A
          darker primary colour reads better.
        </Alert>
      ) : null}
    </>
  );
}
