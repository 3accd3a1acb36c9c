// Reference peer for the P1 benchmark (docs/BENCHMARKS.md): the webhook ingest path as an app on
// Shopify's own Node stack would write it. Each POST /webhooks is validated with the library's
// shopify.webhooks.validate (HMAC of the raw body + required headers), then the same row our
// backend writes (InboxRepository.store) is inserted into webhook_inbox with `pg`, autocommit,
// under the server's durability (fsync and synchronous_commit on), and only then answered 200.
// A wrong HMAC gets 401, a missing header 400. GET /actuator/health answers UP so that bench's
// IngestWebhooks can drive this server exactly like the backend (-Dserver=node).
//
// Env: PORT, SHOPIFY_API_SECRET, DATABASE_URL (postgres://user@host:port/db; a jdbc:postgresql://
// URL is accepted too), PEER_WORKERS (node:cluster processes, default: number of CPUs),
// PEER_POOL (connections in total, default 10, the backend's Hikari default).
import '@shopify/shopify-api/adapters/node';
import { shopifyApi, ApiVersion, LogSeverity } from '@shopify/shopify-api';
import cluster from 'node:cluster';
import http from 'node:http';
import os from 'node:os';
import pg from 'pg';

const workers = Number(process.env.PEER_WORKERS || os.availableParallelism());
const poolTotal = Number(process.env.PEER_POOL || 10);

function connectionString(url) {
  if (!url) throw new Error('DATABASE_URL is required');
  if (!url.startsWith('jdbc:')) return url;
  const u = new URL(url.slice(5));
  const user = u.searchParams.get('user') || 'postgres';
  return `postgres://${encodeURIComponent(user)}@${u.hostname}:${u.port || 5432}${u.pathname}`;
}

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (w, code) => {
    console.error(`worker ${w.process.pid} exited with ${code}`);
    process.exit(1);
  });
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers)) w.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const shopify = shopifyApi({
    apiKey: 'bench-peer',
    apiSecretKey: process.env.SHOPIFY_API_SECRET,
    scopes: ['read_orders'],
    hostName: 'localhost',
    apiVersion: ApiVersion.July25,
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Error },
  });
  const pool = new pg.Pool({
    connectionString: connectionString(process.env.DATABASE_URL),
    max: Math.max(1, Math.round(poolTotal / workers)),
  });
  // The same columns and values as InboxRepository.store: one row per delivery, a duplicate
  // delivery (same shop, topic, event id) inserts nothing.
  const insert = {
    name: 'store-delivery',
    text: `insert into webhook_inbox (shop_domain, topic, event_id, webhook_id, api_version, triggered_at,
             received_at, payload, status, next_attempt_at)
           values ($1, $2, $3, $4, $5, $6, now(), $7, 'PENDING', now())
           on conflict do nothing`,
  };

  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/actuator/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"UP"}');
      return;
    }
    if (req.method !== 'POST' || req.url !== '/webhooks') {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      try {
        const check = await shopify.webhooks.validate({ rawBody, rawRequest: req, rawResponse: res });
        if (!check.valid) {
          res.writeHead(check.reason === 'invalid_hmac' ? 401 : 400).end();
          return;
        }
        await pool.query(insert, [
          check.domain,
          // The header as sent ("orders/create"), as the backend stores it; the library's
          // check.topic is its storage form ("ORDERS_CREATE").
          req.headers['x-shopify-topic'],
          check.eventId ?? check.webhookId,
          check.webhookId,
          check.apiVersion,
          check.triggeredAt ?? null,
          rawBody,
        ]);
        res.writeHead(200, { 'content-length': '0' }).end();
      } catch (e) {
        console.error(e);
        res.writeHead(500).end();
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT || 3000), '127.0.0.1');
}
