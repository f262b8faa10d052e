// Runs one browser case's request from the page and reports what the page could see, as JSON.
// Times are the page's own clock (performance.now) from just before the request.
async (request) => {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;

  if (request.cookie) {
    document.cookie = request.cookie + '; path=/';
  }

  if (request.api === 'eventsource') {
    return await new Promise((resolve) => {
      const events = [];
      let firstEventMs = null;
      const source = new EventSource(request.url);
      const finish = (error) => {
        clearTimeout(timer);
        source.close();
        resolve({ events, firstChunkMs: firstEventMs, elapsedMs: elapsed(), error });
      };
      const timer = setTimeout(() => finish(`no more events after ${request.timeoutMs} ms`), request.timeoutMs);
      source.onmessage = (event) => {
        firstEventMs ??= elapsed();
        events.push(event.data);
        if (events.length === request.events) {
          finish(null);
        }
      };
      // The origin closes the stream after its last event; an error before that is the browser refusing it.
      source.onerror = () => finish(`EventSource error after ${events.length} events (readyState ${source.readyState})`);
    });
  }

  let response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? undefined,
      credentials: request.credentials,
      cache: 'no-store',
    });
  } catch (error) {
    return { error: String(error), elapsedMs: elapsed() };
  }

  const headers = {};
  response.headers.forEach((value, name) => { headers[name] = value; });
  const kept = [];
  let keptBytes = 0;
  let bytes = 0;
  let firstChunkMs = null;
  let lastChunkMs = null;
  try {
    const reader = response.body ? response.body.getReader() : null;
    while (reader) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      firstChunkMs ??= elapsed();
      lastChunkMs = elapsed();
      bytes += value.length;
      if (keptBytes < 65536) {
        kept.push(value);
        keptBytes += value.length;
      }
    }
  } catch (error) {
    return { status: response.status, type: response.type, headers, bodyBytes: bytes, firstChunkMs, lastChunkMs, elapsedMs: elapsed(), error: `body broke off: ${error}` };
  }

  const joined = new Uint8Array(keptBytes);
  let offset = 0;
  for (const piece of kept) {
    joined.set(piece, offset);
    offset += piece.length;
  }
  return {
    status: response.status,
    type: response.type,
    headers,
    body: new TextDecoder().decode(joined.subarray(0, Math.min(keptBytes, 65536))),
    bodyBytes: bytes,
    firstChunkMs,
    lastChunkMs,
    elapsedMs: elapsed(),
    error: null,
  };
}
