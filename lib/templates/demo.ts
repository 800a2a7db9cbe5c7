// The three demo decisions. Figures for the broker come from the product brief; the team ratings are chosen so that
// the team vector (mean of the two strongest members) is AMQP 8, JMS 5, Streaming 6 — see lib/scoring tests.
import type { DecisionTemplate, TemplateSkill, TemplateTeam } from "./types";

export const DEMO_SKILLS: TemplateSkill[] = [
  {
    key: "amqp",
    name: "AMQP",
    category: "Messaging",
    description: "AMQP 0-9-1 brokers: exchanges, queues, acknowledgements.",
  },
  { key: "jms", name: "JMS", category: "Messaging", description: "Java Message Service clients and semantics." },
  {
    key: "streaming",
    name: "Streaming",
    category: "Messaging",
    description: "Partitioned logs, consumer groups, stream processing.",
  },
  {
    key: "kubernetes",
    name: "Kubernetes",
    category: "Operations",
    description: "Running stateful services on Kubernetes.",
  },
  { key: "go", name: "Go", category: "Languages", description: "Production Go services." },
  {
    key: "python",
    name: "Python",
    category: "Languages",
    description: "Production Python services (asyncio, WSGI/ASGI).",
  },
  {
    key: "jvm-tuning",
    name: "JVM tuning",
    category: "Runtime",
    description: "Heap sizing, JIT and GC flags for HotSpot.",
  },
  {
    key: "gc-logs",
    name: "GC log analysis",
    category: "Runtime",
    description: "Reading unified GC logs and JFR recordings.",
  },
];

export const DEMO_TEAMS: TemplateTeam[] = [
  {
    key: "orders",
    name: "Order platform",
    description: "Owns order intake and the event pipeline.",
    members: [
      { name: "Mei Chen", ratings: { amqp: 10, jms: 6, streaming: 7, kubernetes: 5 } },
      { name: "Tomás Silva", ratings: { amqp: 6, jms: 4, streaming: 5, kubernetes: 8 } },
      { name: "Lina Park", ratings: { amqp: 4, jms: 2, streaming: 3, kubernetes: 6 } },
    ],
  },
  {
    key: "gateway",
    name: "API gateway",
    description: "Owns the public API edge: routing, auth, rate limits.",
    members: [
      { name: "Ravi Kumar", ratings: { go: 8, python: 6, kubernetes: 7 } },
      { name: "Sofia Rossi", ratings: { go: 5, python: 9, kubernetes: 4 } },
      { name: "Jun Wang", ratings: { go: 3, python: 7, kubernetes: 6 } },
    ],
  },
  {
    key: "payments",
    name: "Payments",
    description: "Owns the JVM payments service and its latency budget.",
    members: [
      { name: "Anna Novak", ratings: { "jvm-tuning": 8, "gc-logs": 7 } },
      { name: "Omar Haddad", ratings: { "jvm-tuning": 6, "gc-logs": 8 } },
      { name: "Li Na", ratings: { "jvm-tuning": 4, "gc-logs": 3 } },
    ],
  },
];

const RATING_0_10 = { kind: "RATING", direction: "BENEFIT", scaleMin: 0, scaleMax: 10 } as const;

export const BROKER_TEMPLATE: DecisionTemplate = {
  key: "broker",
  title: "Message broker for order events",
  context:
    "Order events (created, paid, shipped) must reach billing, fulfilment and analytics. Today a cron job polls the " +
    "orders table. We need a broker that the order platform team can run on our Kubernetes cluster with at-least-once " +
    "delivery and replay for analytics.",
  team: "orders",
  criteria: [
    {
      key: "learning",
      name: "Learning cost",
      description: "How quickly the team becomes productive.",
      lowMeaning: "Months of study before production use",
      highMeaning: "Productive within a week",
      weight: 20,
      ...RATING_0_10,
    },
    {
      key: "ops",
      name: "Operational complexity",
      description: "Effort to run, upgrade and monitor it.",
      lowMeaning: "Needs a dedicated operator",
      highMeaning: "Runs itself with standard tooling",
      weight: 25,
      ...RATING_0_10,
    },
    {
      key: "community",
      name: "Community activity",
      description: "Releases, answered questions, maintained clients.",
      lowMeaning: "Few releases, unanswered issues",
      highMeaning: "Very active, many maintainers",
      weight: 15,
      ...RATING_0_10,
    },
    {
      key: "familiarity",
      name: "Team familiarity",
      description: "How well the team knows it today.",
      lowMeaning: "Nobody has used it",
      highMeaning: "Several people ran it in production",
      weight: 30,
      ...RATING_0_10,
    },
    {
      key: "ecosystem",
      name: "Ecosystem compatibility",
      description: "Fit with our connectors, monitoring and cloud.",
      lowMeaning: "Needs custom glue everywhere",
      highMeaning: "First-class integrations",
      weight: 10,
      ...RATING_0_10,
    },
  ],
  candidates: [
    {
      key: "kafka",
      name: "Kafka",
      description: "Apache Kafka, partitioned commit log.",
      link: "https://kafka.apache.org/",
      requirements: [
        { skill: "streaming", weight: 0.9 },
        { skill: "jms", weight: 0.1 },
      ],
    },
    {
      key: "rabbitmq",
      name: "RabbitMQ",
      description: "RabbitMQ, AMQP message broker.",
      link: "https://www.rabbitmq.com/",
      requirements: [
        { skill: "amqp", weight: 0.7 },
        { skill: "jms", weight: 0.3 },
      ],
    },
    {
      key: "pulsar",
      name: "Pulsar",
      description: "Apache Pulsar, segmented streams on BookKeeper.",
      link: "https://pulsar.apache.org/",
      requirements: [
        { skill: "streaming", weight: 0.6 },
        { skill: "kubernetes", weight: 0.4 },
      ],
    },
  ],
  // Two architects; each cell's mean is the brief's figure (Kafka 6/5/9/7/8, RabbitMQ 8/7/7/9/6, Pulsar 5/4/8/5/9).
  scores: [
    {
      criterion: "learning",
      candidate: "kafka",
      values: [6, 6],
      rationale: "Partitions and consumer groups take a while to get right.",
    },
    {
      criterion: "ops",
      candidate: "kafka",
      values: [4, 6],
      rationale: "KRaft removed ZooKeeper but rebalancing and retention still need care.",
      laterRationales: ["With the Strimzi operator on our cluster, upgrades and rebalancing are routine."],
    },
    {
      criterion: "community",
      candidate: "kafka",
      values: [9, 9],
      rationale: "The largest streaming community.",
      evidenceUrl: "https://github.com/apache/kafka",
    },
    { criterion: "familiarity", candidate: "kafka", values: [7, 7] },
    { criterion: "ecosystem", candidate: "kafka", values: [7, 9], rationale: "Kafka Connect covers our sinks." },
    {
      criterion: "learning",
      candidate: "rabbitmq",
      values: [8, 8],
      rationale: "Queues and exchanges map to what we do today.",
    },
    {
      criterion: "ops",
      candidate: "rabbitmq",
      values: [6, 8],
      rationale: "Cluster operator available; quorum queues are simple.",
    },
    { criterion: "community", candidate: "rabbitmq", values: [7, 7] },
    {
      criterion: "familiarity",
      candidate: "rabbitmq",
      values: [9, 9],
      rationale: "Mei ran RabbitMQ in production for three years.",
    },
    { criterion: "ecosystem", candidate: "rabbitmq", values: [5, 7] },
    {
      criterion: "learning",
      candidate: "pulsar",
      values: [2, 8],
      rationale: "Tiered storage and BookKeeper are new to all of us; expect a quarter before we run it calmly.",
      laterRationales: ["The client API is close to Kafka's, which we know; the team would be productive in a sprint."],
    },
    { criterion: "ops", candidate: "pulsar", values: [4, 4], rationale: "Brokers, bookies and ZooKeeper to run." },
    { criterion: "community", candidate: "pulsar", values: [8, 8] },
    { criterion: "familiarity", candidate: "pulsar", values: [5, 5] },
    {
      criterion: "ecosystem",
      candidate: "pulsar",
      values: [9, 9],
      rationale: "Kafka-compatible protocol handler and IO connectors.",
    },
  ],
};

export const BACKEND_TEMPLATE: DecisionTemplate = {
  key: "backend-language",
  title: "Backend language for the API gateway",
  context:
    "The API gateway handles authentication, routing and rate limits for every public request. The prototype exists " +
    "in Go and in Python (FastAPI); both were load-tested on the same 2-vCPU node with the same scenario.",
  team: "gateway",
  criteria: [
    {
      key: "qps",
      name: "Throughput",
      description: "Requests per second at the target error budget.",
      weight: 20,
      kind: "METRIC",
      direction: "BENEFIT",
      unit: "QPS",
    },
    {
      key: "latency",
      name: "Average latency",
      description: "Mean response time under load.",
      weight: 20,
      kind: "METRIC",
      direction: "COST",
      unit: "ms",
      worst: 150,
      best: 30,
    },
    {
      key: "errors",
      name: "Error rate",
      description: "Share of failed requests under load.",
      weight: 10,
      kind: "METRIC",
      direction: "COST",
      unit: "%",
    },
    {
      key: "memory",
      name: "Memory",
      description: "Resident memory per instance under load.",
      weight: 10,
      kind: "METRIC",
      direction: "COST",
      unit: "MB",
    },
    {
      key: "package",
      name: "Deploy package size",
      description: "Container image size.",
      weight: 5,
      kind: "METRIC",
      direction: "COST",
      unit: "MB",
    },
    {
      key: "learning",
      name: "Learning curve",
      description: "How fast a new hire ships a change.",
      lowMeaning: "Months",
      highMeaning: "Days",
      weight: 10,
      ...RATING_0_10,
    },
    {
      key: "libraries",
      name: "Library ecosystem",
      description: "Maintained libraries for auth, tracing, rate limiting.",
      lowMeaning: "We would write them",
      highMeaning: "Mature options for everything",
      weight: 15,
      ...RATING_0_10,
    },
    {
      key: "skills",
      name: "Team skill fit",
      description: "Skill match of the gateway team (from the team's ratings).",
      weight: 10,
      kind: "SKILL_MATCH",
      direction: "BENEFIT",
      scaleMin: 0,
      scaleMax: 10,
    },
  ],
  candidates: [
    {
      key: "go",
      name: "Go",
      description: "Go 1.23 with net/http and chi.",
      link: "https://go.dev/",
      requirements: [
        { skill: "go", weight: 0.8 },
        { skill: "kubernetes", weight: 0.2 },
      ],
    },
    {
      key: "python",
      name: "Python",
      description: "Python 3.12 with FastAPI and uvicorn.",
      link: "https://fastapi.tiangolo.com/",
      requirements: [
        { skill: "python", weight: 0.8 },
        { skill: "kubernetes", weight: 0.2 },
      ],
    },
  ],
  scores: [
    { criterion: "learning", candidate: "go", values: [8, 7] },
    { criterion: "learning", candidate: "python", values: [9, 9] },
    { criterion: "libraries", candidate: "go", values: [7, 8] },
    { criterion: "libraries", candidate: "python", values: [9, 8] },
  ],
  // One load test on the same 2-vCPU node for both prototypes; the figures are the run's own report.
  facts: [
    {
      criterion: "qps",
      candidate: "go",
      value: 9842,
      measuredOn: "2024-11-12",
      sourceUrl: "https://github.com/wg/wrk",
      note: "wrk, 64 connections, 5 min.",
    },
    {
      criterion: "qps",
      candidate: "python",
      value: 6135,
      measuredOn: "2024-11-12",
      sourceUrl: "https://github.com/wg/wrk",
      note: "wrk, 64 connections, 5 min, 4 uvicorn workers.",
    },
    { criterion: "latency", candidate: "go", value: 50.7, measuredOn: "2024-11-12", note: "wrk latency mean." },
    { criterion: "latency", candidate: "python", value: 81.3, measuredOn: "2024-11-12", note: "wrk latency mean." },
    { criterion: "errors", candidate: "go", value: 0, measuredOn: "2024-11-12", note: "Non-2xx responses / requests." },
    {
      criterion: "errors",
      candidate: "python",
      value: 0.12,
      measuredOn: "2024-11-12",
      note: "Timeouts at the upstream pool limit.",
    },
    {
      criterion: "memory",
      candidate: "go",
      value: 96,
      measuredOn: "2024-11-12",
      sourceUrl: "https://kubernetes.io/docs/reference/kubectl/generated/kubectl_top/kubectl_top_pod/",
      note: "Peak RSS per pod (kubectl top pod).",
    },
    {
      criterion: "memory",
      candidate: "python",
      value: 512,
      measuredOn: "2024-11-12",
      sourceUrl: "https://kubernetes.io/docs/reference/kubectl/generated/kubectl_top/kubectl_top_pod/",
      note: "Peak RSS per pod (kubectl top pod).",
    },
    {
      criterion: "package",
      candidate: "go",
      value: 15,
      measuredOn: "2024-11-12",
      sourceUrl: "https://docs.docker.com/reference/cli/docker/image/ls/",
      note: "Static binary on distroless.",
    },
    {
      criterion: "package",
      candidate: "python",
      value: 300,
      measuredOn: "2024-11-12",
      sourceUrl: "https://docs.docker.com/reference/cli/docker/image/ls/",
      note: "python:3.12-slim plus dependencies.",
    },
  ],
};

const GC_RUN = {
  measuredOn: "2024-10-28",
  sourceUrl: "https://docs.oracle.com/en/java/javase/21/gctuning/introduction-garbage-collection-tuning.html",
  note: "Production replay in staging, unified GC log.",
};

export const GC_TEMPLATE: DecisionTemplate = {
  key: "gc",
  title: "Garbage collector for the payments service",
  context:
    "The payments service (JDK 21, 16 GB heap) must answer within 250 ms at p99. GC pauses are the largest " +
    "contributor to tail latency today. Candidates were measured with the production replay in staging.",
  team: "payments",
  criteria: [
    {
      key: "pause",
      name: "p99 GC pause",
      description: "99th percentile stop-the-world pause.",
      weight: 30,
      kind: "METRIC",
      direction: "COST",
      unit: "ms",
      threshold: 200,
    },
    {
      key: "throughput",
      name: "Application throughput",
      description: "Share of wall time spent outside GC.",
      weight: 25,
      kind: "METRIC",
      direction: "BENEFIT",
      unit: "%",
    },
    {
      key: "overhead",
      name: "Heap overhead",
      description: "Extra heap needed for the same live set.",
      weight: 15,
      kind: "METRIC",
      direction: "COST",
      unit: "%",
    },
    {
      key: "tuning",
      name: "Tuning effort",
      description: "How much tuning the defaults need.",
      lowMeaning: "Weeks of flag tuning",
      highMeaning: "Defaults just work",
      weight: 15,
      ...RATING_0_10,
    },
    {
      key: "experience",
      name: "Team experience",
      description: "Skill match of the payments team.",
      weight: 15,
      kind: "SKILL_MATCH",
      direction: "BENEFIT",
      scaleMin: 0,
      scaleMax: 10,
    },
  ],
  candidates: [
    {
      key: "g1",
      name: "G1",
      description: "Garbage-First, the JDK default.",
      link: "https://docs.oracle.com/en/java/javase/21/gctuning/garbage-first-g1-garbage-collector1.html",
      requirements: [
        { skill: "jvm-tuning", weight: 0.5 },
        { skill: "gc-logs", weight: 0.5 },
      ],
    },
    {
      key: "zgc",
      name: "ZGC",
      description: "Generational ZGC, concurrent and low-pause.",
      link: "https://wiki.openjdk.org/display/zgc",
      requirements: [
        { skill: "jvm-tuning", weight: 0.4 },
        { skill: "gc-logs", weight: 0.6, minLevel: 8 },
      ],
    },
    {
      key: "parallel",
      name: "Parallel GC",
      description: "Throughput collector with stop-the-world pauses.",
      link: "https://docs.oracle.com/en/java/javase/21/gctuning/parallel-collector1.html",
      requirements: [
        { skill: "jvm-tuning", weight: 0.6 },
        { skill: "gc-logs", weight: 0.4 },
      ],
    },
  ],
  scores: [
    { criterion: "tuning", candidate: "g1", values: [8, 8] },
    { criterion: "tuning", candidate: "zgc", values: [7, 8] },
    { criterion: "tuning", candidate: "parallel", values: [6, 6] },
  ],
  // Production replay in staging, one run per collector, read from the unified GC logs (-Xlog:gc*).
  facts: [
    { criterion: "pause", candidate: "g1", value: 85, ...GC_RUN },
    { criterion: "pause", candidate: "zgc", value: 1.2, ...GC_RUN },
    {
      criterion: "pause",
      candidate: "parallel",
      value: 420,
      ...GC_RUN,
      note: "Full collections of the old generation.",
    },
    { criterion: "throughput", candidate: "g1", value: 96.5, ...GC_RUN },
    { criterion: "throughput", candidate: "zgc", value: 94.8, ...GC_RUN },
    { criterion: "throughput", candidate: "parallel", value: 98.9, ...GC_RUN },
    { criterion: "overhead", candidate: "g1", value: 10, ...GC_RUN },
    { criterion: "overhead", candidate: "zgc", value: 18, ...GC_RUN },
    { criterion: "overhead", candidate: "parallel", value: 5, ...GC_RUN },
  ],
};

export const DEMO_TEMPLATES: DecisionTemplate[] = [BROKER_TEMPLATE, BACKEND_TEMPLATE, GC_TEMPLATE];
