-- Vendors' raw payloads (2–4 KB of JSON per alert) are compressed as each row is written: lz4 costs a fraction of
-- pglz's CPU on the intake's hot path. Only where the server was built with lz4 (the Debian and official packages are);
-- the embedded database (PGlite) is not, and keeps pglz. Existing rows keep their compression until rewritten.
DO $$
BEGIN
  IF 'lz4' = ANY (SELECT unnest(enumvals) FROM pg_settings WHERE name = 'default_toast_compression') THEN
    ALTER TABLE alerts ALTER COLUMN raw SET COMPRESSION lz4;
  END IF;
END $$;
