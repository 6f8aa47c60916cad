"""``kb serve``: the store as a read-only SPARQL endpoint on loopback."""

from __future__ import annotations

import click

from ..serve import MAX_QUERIES, QUERY_TIMEOUT, Limits, make_server
from ..store.embedded import EmbeddedStore, FreshView


@click.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Loopback address to listen on."
)
@click.option(
    "--port",
    default=7070,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port (0: any free port).",
)
@click.option(
    "--timeout",
    default=QUERY_TIMEOUT,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a query may run; a longer one is answered 503.",
)
@click.option(
    "--max-queries",
    default=MAX_QUERIES,
    show_default=True,
    type=click.IntRange(min=1),
    help="Queries answered at once; more are answered 503 (Retry-After: 1) at once.",
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, timeout: float, max_queries: int) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol, with a query page in the browser.

    Queries (GET or POST /sparql) get SPARQL JSON, CSV or TSV per the Accept header; updates
    are refused with 403. Stop with Ctrl-C.

    \b
    Example:
      kb serve --port 7070 &
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
           http://127.0.0.1:7070/sparql
    """
    store = ctx.obj.reader
    if isinstance(store, EmbeddedStore):
        store = FreshView(store)  # every answer sees the last completed kb add
    server = make_server(store, host, port, Limits(timeout, max_queries))
    bound_host, bound_port = str(server.server_address[0]), int(server.server_address[1])
    click.echo(
        f"serving {ctx.obj.location} read-only at http://{bound_host}:{bound_port}/ (Ctrl-C stops)",
        err=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
