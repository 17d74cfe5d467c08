ALTER TABLE "alerts" DROP CONSTRAINT "alerts_sensor_id_sensors_id_fk";
