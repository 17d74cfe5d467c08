-- One heartbeat (issue 14): the raw row (kept 48 h), the sensor's hourly row (first/last beat, count, and a gap when
-- the previous beat is more than 3 × the sensor's interval before this one) and the sensor's latest facts. A function
-- so that its statements' plans are cached per connection: heartbeats arrive by the thousand a second, sent in groups
-- as one simple-protocol query (which has no prepared statements of its own). SECURITY INVOKER: the caller's role and
-- tenant scope bind every statement (row-level security), exactly as the statements did when sent one by one.
CREATE OR REPLACE FUNCTION wk_heartbeat(p_customer uuid, p_sensor uuid, p_at timestamptz, p_version text,
  p_eps real, p_hosts integer) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER AS $$
BEGIN
  INSERT INTO sensor_heartbeats (customer_id, sensor_id, at, version, events_per_second, host_count)
  VALUES (p_customer, p_sensor, p_at, p_version, p_eps, p_hosts);
  INSERT INTO sensor_heartbeat_hours AS h (customer_id, sensor_id, hour, first_at, last_at, beats, gaps)
  VALUES (p_customer, p_sensor, date_trunc('hour', p_at, 'UTC'), p_at, p_at, 1, '[]'::jsonb)
  ON CONFLICT (sensor_id, hour) DO UPDATE SET
    first_at = least(h.first_at, excluded.first_at),
    last_at = greatest(h.last_at, excluded.last_at),
    beats = h.beats + 1,
    gaps = CASE
      WHEN excluded.last_at - h.last_at > make_interval(secs => 3 * (
        SELECT s.heartbeat_interval_seconds FROM sensors s WHERE s.id = p_sensor))
      THEN h.gaps || jsonb_build_array(jsonb_build_array(
        (extract(epoch FROM h.last_at) * 1000)::bigint, (extract(epoch FROM excluded.last_at) * 1000)::bigint))
      ELSE h.gaps END;
  UPDATE sensors SET
    last_heartbeat_at = greatest(last_heartbeat_at, p_at),
    agent_version = coalesce(p_version, agent_version),
    events_per_second = coalesce(p_eps, events_per_second),
    host_count = coalesce(p_hosts, host_count),
    updated_at = now()
  WHERE customer_id = p_customer AND id = p_sensor;
END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION wk_heartbeat(uuid, uuid, timestamptz, text, real, integer) TO wk_app;
