-- A vendor's raw payload is kept as the JSON text it came in, verbatim (evidence byte for byte), instead of jsonb: the
-- intake never asks the database to look inside it, and parsing 500 payloads into jsonb cost the alert upsert as much
-- again as the rest of the batch's rows. The column keeps its lz4 compression where the server has it (0026).
ALTER TABLE "alerts" ALTER COLUMN "raw" SET DATA TYPE text;--> statement-breakpoint
DO $$
BEGIN
  IF 'lz4' = ANY (SELECT unnest(enumvals) FROM pg_settings WHERE name = 'default_toast_compression') THEN
    ALTER TABLE alerts ALTER COLUMN raw SET COMPRESSION lz4;
  END IF;
END $$;
