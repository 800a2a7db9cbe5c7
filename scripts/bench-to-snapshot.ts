// Turns wrk / k6 / autocannon output into a metric snapshot and (optionally) posts it to a decision.
//
//   autocannon -c 64 -d 30 --json http://127.0.0.1:8080/orders > gin.json
//   npx tsx scripts/bench-to-snapshot.ts --tool autocannon --run Gin=gin.json --run Echo=echo.json \
//     --source https://ci.example.com/run/4711 --out snapshot.json
//   STACKWISE_TOKEN=sw_pat_… npx tsx scripts/bench-to-snapshot.ts --tool autocannon --run Gin=gin.json \
//     --post http://127.0.0.1:3000 --decision <decision id>
//
// Options: --throughput-criterion (default "Throughput"), --latency-criterion (default "P99 latency"). The same
// snapshot.json can be imported on the decision's Scores → Measured facts page.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseBench, snapshotRows, type BenchTool } from "./lib/bench-parse";

const { values } = parseArgs({
  options: {
    tool: { type: "string" },
    run: { type: "string", multiple: true },
    source: { type: "string", default: "" },
    "throughput-criterion": { type: "string", default: "Throughput" },
    "latency-criterion": { type: "string", default: "P99 latency" },
    out: { type: "string" },
    post: { type: "string" },
    decision: { type: "string" },
  },
});

const tool = values.tool as BenchTool;
if (!["wrk", "k6", "autocannon"].includes(tool) || !values.run?.length) {
  console.error(
    "usage: bench-to-snapshot --tool wrk|k6|autocannon --run <candidate>=<file> [...] [--out f] [--post url --decision id]",
  );
  process.exit(2);
}

const now = new Date();
const rows = values.run.flatMap((spec) => {
  const eq = spec.indexOf("=");
  const candidate = spec.slice(0, eq);
  const file = spec.slice(eq + 1);
  return snapshotRows(candidate, parseBench(tool, readFileSync(file, "utf8")), {
    throughputCriterion: values["throughput-criterion"]!,
    latencyCriterion: values["latency-criterion"]!,
    source: values.source!,
    now,
  });
});
const snapshot = { rows };
if (values.out) writeFileSync(values.out, JSON.stringify(snapshot, null, 2) + "\n");
else if (!values.post) console.log(JSON.stringify(snapshot, null, 2));

if (values.post) {
  const token = process.env.STACKWISE_TOKEN;
  if (!token || !values.decision) {
    console.error("--post needs --decision and STACKWISE_TOKEN");
    process.exit(2);
  }
  const res = await fetch(new URL(`/api/v1/decisions/${encodeURIComponent(values.decision)}/facts/bulk`, values.post), {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      // A retried CI step replays the first answer instead of writing twice.
      "Idempotency-Key": `bench-${now.toISOString()}`,
    },
    body: JSON.stringify(snapshot),
  });
  const body = await res.text();
  console.log(res.status, body);
  if (!res.ok) process.exit(1);
}
