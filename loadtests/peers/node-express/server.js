'use strict';
// The Node/Express CORS gateway, as CorsLab's contract describes it (docs/DESIGN.md, "The contract every
// engine honours"): ?url= forwarding with CORS headers, streamed both ways with pipe(). A black-box peer for
// `corslab diagnose --target http://127.0.0.1:PORT/?url={url}`; --buffer reads the whole upstream body before
// answering (the response-buffering fault, the way a Node gateway typically gets it wrong).
//   node server.js --port P [--buffer]      (listens on 127.0.0.1 only)

const express = require('express');
const http = require('node:http');
const https = require('node:https');

function parseArgs(argv) {
  const options = { port: 8080, buffer: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        fail(`--port: '${argv[i]}' is not a port (0-65535)`);
      }
      options.port = port;
    } else if (arg === '--buffer') {
      options.buffer = true;
    } else {
      fail(`unknown option '${arg}'; valid: --port P, --buffer`);
    }
  }
  return options;
}

function fail(message) {
  process.stderr.write(`node-express: ${message}\n`);
  process.exit(2);
}

const options = parseArgs(process.argv.slice(2));

// Hop-by-hop headers (RFC 9110 7.6.1, RFC 9112): never forwarded, in either direction.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

// Keep-alive pools per scheme, as any production Node gateway configures them: one upstream connection per
// request would be the connection-churn fault.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

function corsHeaders(req) {
  const headers = {
    'access-control-allow-credentials': 'true',
    'access-control-allow-headers': 'authorization',
    'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
  };
  if (req.headers.origin !== undefined) {
    headers['access-control-allow-origin'] = req.headers.origin;
    headers.vary = 'Origin';
  }
  return headers;
}

function plain(req, res, status, body) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const payload = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...corsHeaders(req), 'content-type': 'text/plain; charset=utf-8', 'content-length': payload.length });
  res.end(payload);
}

// Names listed in Connection are hop-by-hop for this message too.
function nominated(headers) {
  const names = new Set();
  const connection = headers.connection;
  for (const value of Array.isArray(connection) ? connection : connection ? [connection] : []) {
    for (const token of value.split(',')) {
      const name = token.trim().toLowerCase();
      if (name) names.add(name);
    }
  }
  return names;
}

function requestHeaders(req, target) {
  const drop = nominated(req.headers);
  const headers = {};
  // rawHeaders keeps repeated headers apart.
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    if (HOP_BY_HOP.has(name) || drop.has(name) || name === 'host') continue;
    const value = req.rawHeaders[i + 1];
    if (headers[name] === undefined) headers[name] = value;
    else headers[name] = [].concat(headers[name], value);
  }
  headers.host = target.host;
  return headers;
}

function responseHeaders(upstream, req) {
  const drop = nominated(upstream.headers);
  const headers = {};
  for (let i = 0; i < upstream.rawHeaders.length; i += 2) {
    const name = upstream.rawHeaders[i].toLowerCase();
    if (HOP_BY_HOP.has(name) || drop.has(name) || name.startsWith('access-control-')) continue;
    const value = upstream.rawHeaders[i + 1];
    if (headers[name] === undefined) headers[name] = value;
    else headers[name] = [].concat(headers[name], value);
  }
  return { ...headers, ...corsHeaders(req) };
}

function targetOf(req) {
  const query = new URL(req.originalUrl, 'http://gateway.invalid').searchParams;
  const values = query.getAll('url');
  if (values.length === 0) return { error: 'Required "url" query parameter not found.' };
  let target;
  try {
    target = new URL(values[0]);
  } catch {
    return { error: 'Invalid "url" query parameter provided.' };
  }
  if (values.length !== 1 || (target.protocol !== 'http:' && target.protocol !== 'https:') || !target.hostname) {
    return { error: 'Invalid "url" query parameter provided.' };
  }
  return { target };
}

function forward(req, res, target) {
  const client = target.protocol === 'https:' ? https : http;
  const upstreamReq = client.request(target, {
    method: req.method,
    headers: requestHeaders(req, target),
    agent: agents[target.protocol],
  });

  // A client that goes away cancels the upstream call.
  res.on('close', () => {
    if (!res.writableFinished) upstreamReq.destroy();
  });

  upstreamReq.on('error', (error) => plain(req, res, 502, `Could not complete request: "${error.message}"`));

  upstreamReq.on('response', (upstream) => {
    // Redirects pass through untouched (http.request never follows them).
    const headers = responseHeaders(upstream, req);
    upstream.on('error', () => res.destroy());
    if (!options.buffer) {
      res.writeHead(upstream.statusCode, upstream.statusMessage, headers);
      upstream.pipe(res);
      return;
    }

    // --buffer: the whole body first, then one write.
    const chunks = [];
    upstream.on('data', (chunk) => chunks.push(chunk));
    upstream.on('end', () => {
      const body = Buffer.concat(chunks);
      delete headers['content-length'];
      if (req.method !== 'HEAD' && upstream.statusCode !== 204 && upstream.statusCode !== 304) {
        headers['content-length'] = body.length;
      }
      res.writeHead(upstream.statusCode, upstream.statusMessage, headers);
      res.end(body);
    });
  });

  req.pipe(upstreamReq);
}

const app = express();
app.disable('x-powered-by');
app.disable('etag');

app.use((req, res) => {
  if (req.path === '/healthcheck' && req.method === 'GET') {
    plain(req, res, 200, 'OK');
    return;
  }
  if (req.path !== '/') {
    plain(req, res, 404, 'Route not found.');
    return;
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, corsHeaders(req));
    res.end();
    return;
  }
  const { target, error } = targetOf(req);
  if (error) {
    plain(req, res, 400, error);
    return;
  }
  forward(req, res, target);
});

// noDelay: Nagle off on client sockets (Node's default since 18, stated so it stays true).
const server = http.createServer({ noDelay: true, keepAliveTimeout: 60_000 }, app);
server.listen(options.port, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`node-express listening on http://127.0.0.1:${port}/?url={url}${options.buffer ? ' (--buffer)' : ''}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
