import { z } from "zod";
import { createTRPCRouter, customerProcedure, staffCustomerProcedure, staffProcedure } from "@/server/trpc/init";
import { sensorFields, updateSensorFields } from "./schema";
import * as service from "./service";

const bySensor = z.object({ sensorId: z.uuid() });

/** Staff: sensors of any customer, keys shown once. */
export const sensorsRouter = createTRPCRouter({
  all: staffProcedure.query(({ ctx }) => service.getAllSensors(ctx)),
  list: staffCustomerProcedure.query(({ ctx }) => service.getSensors(ctx)),
  byId: staffCustomerProcedure.input(bySensor).query(({ ctx, input }) => service.getSensor(ctx, input.sensorId)),
  create: staffCustomerProcedure
    .input(z.object({ sensor: sensorFields }))
    .mutation(({ ctx, input }) => service.createSensor(ctx, input.sensor)),
  update: staffCustomerProcedure
    .input(bySensor.extend({ patch: updateSensorFields }))
    .mutation(({ ctx, input }) => service.updateSensor(ctx, input.sensorId, input.patch)),
  rotateKey: staffCustomerProcedure
    .input(bySensor)
    .mutation(({ ctx, input }) => service.rotateKey(ctx, input.sensorId)),
  revokeKeys: staffCustomerProcedure
    .input(bySensor)
    .mutation(({ ctx, input }) => service.revokeKeys(ctx, input.sensorId)),
  setStatus: staffCustomerProcedure
    .input(bySensor.extend({ status: z.enum(["active", "retired"]) }))
    .mutation(({ ctx, input }) => service.setSensorStatus(ctx, input.sensorId, input.status)),
});

/** Customers: their own sensors, read-only, no keys. */
export const mySensorsRouter = createTRPCRouter({
  list: customerProcedure.query(({ ctx }) => service.getSensors(ctx)),
  byId: customerProcedure.input(bySensor).query(({ ctx, input }) => service.getSensor(ctx, input.sensorId)),
});
