import { afterAll, describe, expect, it } from "vitest";
import { apiDetection } from "./normalize/fixtures/crowdstrike";
import { IntakeError } from "./parse";
import { closeIntakePool, POOL_MIN_BYTES, prepareOnThread, preparesOnThread } from "./pool";
import { prepareBody, type RowContext } from "./prepare";

const ctx: RowContext = {
  tenant: "00000000-0000-4000-8000-000000000001",
  sensorId: "00000000-0000-4000-8000-000000000002",
  keyId: "00000000-0000-4000-8000-000000000003",
  sourceFormat: "crowdstrike",
};
const receivedAt = new Date("2026-11-01T12:00:00Z");
const batch = (n: number) =>
  new TextEncoder().encode(
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({ ...apiDetection(), composite_id: `cid:pool:${i % (n - 3)}`, timestamp: "2026-11-01T11:59:00Z" }),
    )
      .concat(["{not json"])
      .join("\n"),
  );

afterAll(closeIntakePool);

describe("intake preparing threads", () => {
  it("prepares a large batch on a thread exactly as in-process", async () => {
    const bytes = batch(60);
    expect(bytes.byteLength).toBeGreaterThan(POOL_MIN_BYTES);
    expect(preparesOnThread(bytes, 1)).toBe(true);
    expect(preparesOnThread(bytes.slice(0, 1000), 1)).toBe(false);
    expect(preparesOnThread(bytes, 0)).toBe(false);
    const local = prepareBody(bytes, "application/x-ndjson", ctx, receivedAt);
    const threaded = await prepareOnThread(bytes, "application/x-ndjson", ctx, receivedAt, 1);
    expect(threaded).toEqual(local);
    expect(threaded.prepared.count).toBe(61);
    expect(threaded.prepared.unique).toHaveLength(57);
    expect(threaded.prepared.early.map((e) => e.result.status)).toEqual(["rejected"]);
  }, 60_000);

  it("relays a bad body as the same IntakeError", async () => {
    const bytes = new Uint8Array(POOL_MIN_BYTES + 10).fill(0x20);
    const err = await prepareOnThread(bytes, "application/json", ctx, receivedAt, 1).catch((e) => e);
    expect(err).toBeInstanceOf(IntakeError);
    expect(err).toMatchObject({ status: 400, code: "empty_body" });
  }, 60_000);
});
