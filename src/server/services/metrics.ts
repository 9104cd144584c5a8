/**
 * What an operator's Prometheus scrapes from each node (GET /metrics, token from METRICS_TOKEN):
 * requests per route with their latency, check-in batch sizes, database pool use, job runs, and the
 * process's own figures. Each node counts its own; Prometheus adds the nodes up, so nothing here is
 * state another node needs.
 */
import type { PoolUse } from '../db/db.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Request latency buckets (seconds): check-ins answer in milliseconds, reports in seconds. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10];
/** Batch sizes up to the batcher's maximum (64). */
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64];
const JOB_BUCKETS = [0.01, 0.1, 0.5, 1, 5, 15, 60, 300];

export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code, with their duration',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly batches = new Histogram({
    name: 'db_batch_size',
    help: 'Items per database round trip of a batcher (check_in_write: check-ins, scan_read: scanner reads)',
    labelNames: ['batcher'] as const,
    buckets: BATCH_BUCKETS,
    registers: [this.registry],
  });
  private readonly jobRuns = new Counter({
    name: 'job_runs_total',
    help: 'Background job runs on this node by outcome (ok, failed)',
    labelNames: ['job', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly jobDurations = new Histogram({
    name: 'job_duration_seconds',
    help: 'How long background job runs took',
    labelNames: ['job'] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });
  private readonly jobLastSuccess = new Gauge({
    name: 'job_last_success_timestamp_seconds',
    help: 'When each background job last ended without an error (Unix time)',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  /** `poolUse` is read at each scrape; `processFigures` adds CPU, memory and event-loop delay. */
  constructor(opts: { poolUse?: () => PoolUse | null; processFigures?: boolean } = {}) {
    const poolUse = opts.poolUse;
    if (poolUse) {
      new Gauge({
        name: 'db_pool_connections',
        help: 'Database pool connections by state (total, idle, waiting = requests queued for one, max)',
        labelNames: ['state'] as const,
        registers: [this.registry],
        collect() {
          const use = poolUse();
          if (!use) return;
          for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, use[state]);
        },
      });
    }
    if (opts.processFigures) collectDefaultMetrics({ register: this.registry });
  }

  request(method: string, route: string, status: number, seconds: number) {
    this.requests.observe({ method, route, status: String(status) }, seconds);
  }

  batch(batcher: string, size: number) {
    this.batches.observe({ batcher }, size);
  }

  /** Runs a background job, counting the run, its outcome and its duration; errors pass through. */
  async job<T>(name: string, run: () => Promise<T>): Promise<T> {
    const end = this.jobDurations.startTimer({ job: name });
    try {
      const result = await run();
      this.jobRuns.inc({ job: name, outcome: 'ok' });
      this.jobLastSuccess.set({ job: name }, Date.now() / 1000);
      return result;
    } catch (err) {
      this.jobRuns.inc({ job: name, outcome: 'failed' });
      throw err;
    } finally {
      end();
    }
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
