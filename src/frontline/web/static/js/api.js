// The page talks only to the REST API of the same server (docs/REST.md); errors are problem+json.

export class ApiError extends Error {}

export async function getJSON(path, params, { signal } = {}) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  let resp;
  try {
    resp = await fetch(url, { signal, headers: { Accept: "application/json" } });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(`the server did not answer (${path}): is 'frontline serve' still running?`);
  }
  if (!resp.ok) {
    let detail = resp.statusText;
    try {
      const body = await resp.json();
      detail = body.detail || body.title || detail;
    } catch { /* not JSON: keep the status text */ }
    throw new ApiError(`${path}: ${resp.status} ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return resp.json();
}

// Every page of a cursor-paged list, up to `max` items.
export async function getAll(path, params, max, { signal } = {}) {
  const items = [];
  let cursor = null;
  do {
    const p = new URLSearchParams(params);
    p.set("limit", "1000");
    if (cursor) p.set("cursor", cursor);
    const page = await getJSON(path, p, { signal });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < max);
  return items;
}
