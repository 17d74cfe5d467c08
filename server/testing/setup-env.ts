// Runs in every test worker before the test file: nothing here may open a database.
process.env.TZ = "Asia/Kathmandu";
