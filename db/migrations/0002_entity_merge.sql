-- Union of two entity documents ({ key: [values…] }): each key's arrays merged without duplicates.
-- Used when the same vendor alert arrives again, so its evidence accumulates (contract: "evidence merged").
CREATE OR REPLACE FUNCTION wk_jsonb_union(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(k, v), '{}'::jsonb) FROM (
    SELECT keys.k, (
      SELECT coalesce(jsonb_agg(DISTINCT e), '[]'::jsonb) FROM (
        SELECT jsonb_array_elements(CASE WHEN jsonb_typeof(a -> keys.k) = 'array' THEN a -> keys.k ELSE '[]'::jsonb END) AS e
        UNION
        SELECT jsonb_array_elements(CASE WHEN jsonb_typeof(b -> keys.k) = 'array' THEN b -> keys.k ELSE '[]'::jsonb END)
      ) elems
    ) AS v
    FROM (SELECT jsonb_object_keys(a) AS k UNION SELECT jsonb_object_keys(b)) keys
  ) merged
$$;
