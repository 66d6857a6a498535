// The runtime's floor for the team API bench: the same wrangler dev and local D1, no app.
// /healthz answers without D1; /d1/1 and /d1/2 make one and two trivial D1 queries, one after
// the other; /d1/batch2 sends two in one D1 batch (one round trip), as the API's list and lookup
// do (the token check and the data read).
export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === '/healthz') return Response.json({ ok: true });
    if (pathname === '/d1/batch2') {
      const [, second] = await env.DB.batch([
        env.DB.prepare('SELECT ?1 AS n').bind(0),
        env.DB.prepare('SELECT ?1 AS n').bind(1),
      ]);
      return Response.json(second?.results[0] ?? null);
    }
    const queries = { '/d1/1': 1, '/d1/2': 2 }[pathname];
    if (!queries) return Response.json({ error: 'not found' }, { status: 404 });
    let row = null;
    for (let i = 0; i < queries; i += 1)
      row = await env.DB.prepare('SELECT ?1 AS n').bind(i).first();
    return Response.json(row);
  },
};
