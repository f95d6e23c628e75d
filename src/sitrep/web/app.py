"""The HTTP API and the analysts' page (`sitrep serve`): a FastAPI application over the event store.

    >>> from sitrep.web.app import create_app
    >>> app = create_app("events.duckdb")          # then: uvicorn.run(app, host="127.0.0.1", port=8765)

Reading is open unless the `private_reads` setting is on; every write needs an API token
(`sitrep users add NAME`) as `Authorization: Bearer TOKEN`. A write whose `Origin` is another
site is refused, and writes take JSON only, which a cross-site form cannot send; the page keeps
the token in the tab's session storage, never in a cookie, so a cross-site request has none.
Every error is JSON, `{"error": message, "field": name}`; a bad filter value is 422 naming it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import urllib.parse
from collections.abc import Iterator
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Request
from fastapi import Query as Param
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from sitrep import __version__, taxonomy
from sitrep.settings import Settings
from sitrep.store import review
from sitrep.store.base import StoreError
from sitrep.store.core import Store, default_db
from sitrep.store.query import Query, QueryError, parse_bbox
from sitrep.store.summary import GROUPS
from sitrep.web import pages
from sitrep.web.db import StorePool

STATIC = resources.files("sitrep.web") / "static"


class ApiError(Exception):
    """An error answered as JSON with its status and, for a bad value, the field it is about."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.field = status, message, field


def _error(status: int, message: str, field: str | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": message}
    if field is not None:
        body["field"] = field
    return JSONResponse(body, status_code=status)


# --- request bodies ---------------------------------------------------------------------------


class Correction(BaseModel):
    fields: dict[str, Any] = Field(description="field -> corrected value, e.g. {\"fatalities\": 7}")
    reason: str = Field(description="why: kept in the audit log")


class Reason(BaseModel):
    reason: str


class MergeRequest(BaseModel):
    other: str = Field(description="the event merged into this one (it disappears)")
    reason: str


class SplitRequest(BaseModel):
    report_ids: list[str] = Field(description="the reports that leave this event for a new one")
    reason: str


class ExtractRequest(BaseModel):
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    store: bool = Field(False, description="also store the article and its events (merged as `sitrep ingest` does)")


# --- filters ----------------------------------------------------------------------------------


def _checked(name: str, attr: str, value: Any) -> Any:
    try:
        Query(**{attr: value}, include_rejected=True)
    except QueryError as exc:
        message = str(exc).removeprefix(f"{attr}: ")
        raise ApiError(422, f"{name}: {message}", name) from None
    return value


def filters(
    country: Annotated[str | None, Param(description="country name or ISO3 code")] = None,
    admin1: Annotated[str | None, Param(description="first-level division")] = None,
    date_from: Annotated[str | None, Param(alias="from", description="events on or after YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Param(alias="to", description="events on or before YYYY-MM-DD")] = None,
    event_type: Annotated[str | None, Param(description="ACLED event type, e.g. Battles")] = None,
    sub_event_type: Annotated[str | None, Param(description="ACLED sub-event type")] = None,
    actor: Annotated[str | None, Param(description="part of an actor's name")] = None,
    bbox: Annotated[str | None, Param(description="min_lon,min_lat,max_lon,max_lat")] = None,
    text: Annotated[str | None, Param(description="part of the notes, place or actor names")] = None,
    min_fatalities: Annotated[int | None, Param(ge=0)] = None,
    article: Annotated[str | None, Param(description="events reported by this article (its id)")] = None,
    include_rejected: Annotated[bool, Param(description="also events marked as not events")] = False,
) -> Query:
    kwargs: dict[str, Any] = {}
    given = {"country": ("country", country), "admin1": ("admin1", admin1), "from": ("date_from", date_from),
             "to": ("date_to", date_to), "event_type": ("event_type", event_type),
             "sub_event_type": ("sub_event_type", sub_event_type), "actor": ("actor", actor), "text": ("text", text),
             "min_fatalities": ("min_fatalities", min_fatalities), "article": ("article", article)}
    for name, (attr, value) in given.items():
        if value is not None and value != "":
            kwargs[attr] = _checked(name, attr, value)
    if bbox:
        try:
            kwargs["bbox"] = _checked("bbox", "bbox", parse_bbox(bbox))
        except QueryError as exc:
            raise ApiError(422, f"bbox: {exc}", "bbox") from None
    try:
        return Query(**kwargs, include_rejected=include_rejected)
    except QueryError as exc:  # each value was fine alone: the date range is reversed
        raise ApiError(422, f"to: {exc}", "to") from None


Filters = Annotated[Query, Depends(filters)]

_ACCEPT = {"application/geo+json": "geojson", "text/csv": "csv", "application/x-ndjson": "jsonl",
           "application/jsonl": "jsonl", "application/json": "json"}


def _format(request: Request, fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in pages.FORMATS:
            raise ApiError(422, f"format: unknown format {fmt!r}; choose one of {', '.join(pages.FORMATS)}", "format")
        return fmt
    for part in request.headers.get("accept", "").split(","):
        kind = part.split(";")[0].strip().lower()
        if kind in _ACCEPT:
            return _ACCEPT[kind]
    return "json"


# --- the application --------------------------------------------------------------------------


def create_app(db: str | None = None, settings: Settings | None = None) -> FastAPI:
    """The application over the store at `db` (default: the one `sitrep query` reads)."""
    settings = settings or Settings.load()
    pool = StorePool(db or default_db(settings), settings)
    app = FastAPI(title="sitrep", version=__version__,
                  description="Conflict events extracted from news articles, in ACLED's codebook shape: "
                              "query, map, review and correct them.")
    app.state.pool = pool

    @app.on_event("shutdown")
    def _close() -> None:
        pool.close()

    # ---- errors ----

    @app.exception_handler(ApiError)
    def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message, exc.field)

    @app.exception_handler(RequestValidationError)
    def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        loc = [str(part) for part in first.get("loc", ()) if part not in ("query", "body", "path")]
        name = ".".join(loc) or None
        return _error(422, f"{name}: {first.get('msg')}" if name else str(first.get("msg")), name)

    @app.exception_handler(review.ReviewError)
    def _review_error(request: Request, exc: review.ReviewError) -> JSONResponse:
        status = 404 if exc.field == "event_id" else 422
        return _error(status, str(exc), exc.field if status == 422 else None)

    @app.exception_handler(QueryError)
    def _query_error(request: Request, exc: QueryError) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(StoreError)
    def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, f"the store could not answer: {exc}")

    @app.exception_handler(HTTPException)
    def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    def _internal(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"internal error ({type(exc).__name__}: {exc}); please report it")

    # ---- access ----

    def _token(request: Request) -> str | None:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        return token.strip() if scheme.lower() == "bearer" and token.strip() else None

    def _user(request: Request) -> str:
        token = _token(request)
        if token is None:
            raise ApiError(401, "this needs an API token: send 'Authorization: Bearer TOKEN' "
                                "(an administrator creates one with `sitrep users add NAME`)")
        with pool.store() as store:
            user = review.authenticate(store, token)
        if user is None:
            raise ApiError(401, "this API token is not known (it may have been removed)")
        return user

    def reader(request: Request) -> None:
        if settings.private_reads:
            _user(request)

    def writer(request: Request) -> str:
        origin = request.headers.get("origin")
        if origin and urllib.parse.urlsplit(origin).netloc != request.headers.get("host"):
            raise ApiError(403, f"cross-site request refused (from {origin})")
        if request.headers.get("sec-fetch-site") == "cross-site":
            raise ApiError(403, "cross-site request refused")
        if request.method == "POST" and "application/json" not in request.headers.get("content-type", ""):
            raise ApiError(415, "send the body as JSON (Content-Type: application/json)")
        return _user(request)

    Reader = Depends(reader)

    # ---- reading ----

    @app.get("/events", dependencies=[Reader], summary="Events matching the filters, a page at a time",
             responses={200: {"content": {m: {} for m in pages.FORMATS.values()}}})
    def list_events(request: Request, query: Filters,
                    sort: Annotated[str, Param(description="event_date, fatalities or updated_at; - first for "
                                                           "descending")] = "event_date",
                    cursor: Annotated[str | None, Param(description="`next` of the previous page")] = None,
                    limit: Annotated[int, Param(ge=1, le=pages.MAX_LIMIT)] = pages.DEFAULT_LIMIT,
                    format: Annotated[str | None, Param(description="json, geojson, jsonl or csv (ACLED's "
                                                                    "columns); or send Accept")] = None,
                    ) -> StreamingResponse:
        fmt = _format(request, format)
        try:
            page = pages.Page(query, sort, cursor, limit)
        except QueryError as exc:
            raise ApiError(422, f"{'sort' if 'sort' in str(exc) else 'limit'}: {exc}",
                           "sort" if "sort" in str(exc) else "limit") from None

        def next_url(next_cursor: str) -> str:
            return str(request.url.include_query_params(cursor=next_cursor))

        headers = {}
        context = pool.store()
        store = context.__enter__()
        try:
            if page.cursor:
                page._where()  # a bad cursor is a 422 now, not a broken stream later
            if fmt not in ("json", "geojson"):
                following = page.next_cursor(store)
                if following:
                    headers["Link"] = f'<{next_url(following)}>; rel="next"'
                    headers["X-Next-Cursor"] = following
        except pages.CursorError as exc:
            context.__exit__(None, None, None)
            raise ApiError(422, f"cursor: {exc}", "cursor") from None
        except BaseException:
            context.__exit__(None, None, None)
            raise

        def body() -> Iterator[str]:
            try:
                yield from pages.stream(page, store, fmt, next_url)
            finally:
                context.__exit__(None, None, None)

        if fmt == "csv":
            headers["Content-Disposition"] = 'inline; filename="events.csv"'
        return StreamingResponse(body(), media_type=pages.FORMATS[fmt], headers=headers)

    @app.get("/events/{event_id}", dependencies=[Reader],
             summary="One event: its record, claims, review log, and the articles it was merged from "
                     "with each field's evidence resolved to the text")
    def get_event(event_id: Annotated[str, Path()]) -> dict[str, Any]:
        with pool.store() as store:
            return _event_detail(store, event_id)

    @app.get("/articles/{article_id}", dependencies=[Reader], summary="One stored article and its events")
    def get_article(article_id: str) -> dict[str, Any]:
        with pool.store() as store:
            rows = store.backend.execute(
                "SELECT article_key, article_id, title, outlet, url, published, language, source_name, text, "
                "ingested_at FROM articles WHERE article_id = ? OR article_key = ? ORDER BY ingested_at",
                [article_id, article_id])
            if not rows:
                raise ApiError(404, f"no article {article_id!r} in the store")
            article = _article(rows[-1])
            article["events"] = [r[0] for r in store.backend.execute(
                "SELECT event_id FROM reports WHERE article_key = ? ORDER BY position", [article["article_key"]])]
            return article

    @app.get("/stats", dependencies=[Reader], summary="Events and fatalities by week, month, type or country "
                                                       "(what `sitrep stats --json` gives)")
    def get_stats(query: Filters, by: Annotated[list[str] | None, Param(description=", ".join(GROUPS))] = None
                  ) -> dict[str, Any]:
        groups = by or ["week", "type", "country"]
        for group in groups:
            if group not in GROUPS:
                raise ApiError(422, f"by: cannot group by {group!r}; choose from {', '.join(GROUPS)}", "by")
        with pool.store() as store:
            return {group: [dataclasses.asdict(r) for r in store.stats(group, query)] for group in groups}

    @app.get("/map", dependencies=[Reader], summary="What the map draws: the matching events' points (as columns), "
                                                     "or, when there are many, their counts by grid cell of the view")
    def get_map(query: Filters,
                view: Annotated[str | None, Param(description="the view: min_lon,min_lat,max_lon,max_lat")] = None,
                zoom: Annotated[int, Param(ge=0, le=20, description="the map's zoom (sets the grid's cells)")] = 2,
                ) -> JSONResponse:
        box = None
        if view:
            try:
                box = _checked("view", "bbox", parse_bbox(view))
            except QueryError as exc:
                raise ApiError(422, f"view: {exc}", "view") from None
        with pool.store() as store:
            return JSONResponse(pages.map_view(store, query, box, zoom))

    @app.get("/config", summary="What the page needs to know: tile URL, types, editable fields")
    def get_config() -> dict[str, Any]:
        return {"version": __version__, "tile_url": settings.tile_url, "private_reads": settings.private_reads,
                "event_types": list(taxonomy.EVENT_TYPES),
                "sub_event_types": {t: list(s) for t, s in taxonomy.SUB_EVENT_TYPES_BY_EVENT_TYPE.items()},
                "editable": list(review.EDITABLE), "store": pool.location if not pool.postgres else "postgresql"}

    @app.get("/me", summary="The user an API token belongs to")
    def get_me(request: Request) -> dict[str, str]:
        return {"user": _user(request)}

    # ---- writing ----

    def _write(fn: Any, *args: Any) -> dict[str, Any]:
        with pool.write_lock, pool.store() as store:
            result = fn(store, *args)
            if isinstance(result, dict) and "event_id" in result:
                return _event_detail(store, result["event_id"])
            return result  # type: ignore[no-any-return]

    @app.post("/events/{event_id}/corrections", summary="Correct fields of an event (kept through re-ingest)")
    def post_correction(event_id: str, body: Correction, user: str = Depends(writer)) -> dict[str, Any]:
        return _write(review.correct, event_id, body.fields, user, body.reason)

    @app.post("/events/{event_id}/not-event", summary="Mark an event as not an event")
    def post_reject(event_id: str, body: Reason, user: str = Depends(writer)) -> dict[str, Any]:
        return _write(review.reject, event_id, user, body.reason)

    @app.post("/events/{event_id}/restore", summary="Undo not-an-event")
    def post_restore(event_id: str, body: Reason, user: str = Depends(writer)) -> dict[str, Any]:
        return _write(review.restore, event_id, user, body.reason)

    @app.post("/events/{event_id}/merge", summary="Merge another event into this one")
    def post_merge(event_id: str, body: MergeRequest, user: str = Depends(writer)) -> dict[str, Any]:
        return _write(review.merge, event_id, body.other, user, body.reason)

    @app.post("/events/{event_id}/split", summary="Move some reports of this event into a new event")
    def post_split(event_id: str, body: SplitRequest, user: str = Depends(writer)) -> dict[str, Any]:
        return _write(review.split, event_id, body.report_ids, user, body.reason)

    @app.post("/extract", summary="An article in, its event records out; stored only when asked")
    def post_extract(body: ExtractRequest, user: str = Depends(writer)) -> dict[str, Any]:
        return _extract(pool, settings, body)

    # ---- the page ----

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"), media_type="text/html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


def _article(row: tuple[Any, ...]) -> dict[str, Any]:
    key, article_id, title, outlet, url, published, language, source_name, text, ingested_at = row
    return {"article_key": key, "article_id": article_id, "title": title, "outlet": outlet, "url": url,
            "published": published.isoformat() if published else None, "language": language,
            "source_name": source_name, "ingested_at": ingested_at.isoformat(timespec="seconds") + "Z",
            "text": text}


def _event_detail(store: Store, event_id: str) -> dict[str, Any]:
    event = store.event(event_id)
    if event is None:
        into = review.merged_into(store, event_id)
        raise ApiError(404, f"no event {event_id!r} in the store" + (f": it was merged into {into}" if into else ""))
    rows = store.backend.execute(
        "SELECT r.report_id, r.article_key, r.record, r.merge_reason, a.article_key FROM reports r "
        "JOIN articles a ON a.article_key = r.article_key WHERE r.event_id = ? "
        "ORDER BY r.ingested_at, r.article_key, r.position", [event_id])
    articles: dict[str, dict[str, Any]] = {}
    reports = []
    for report_id, key, record, reason, _ in rows:
        if key not in articles:
            (arow,) = store.backend.execute(
                "SELECT article_key, article_id, title, outlet, url, published, language, source_name, text, "
                "ingested_at FROM articles WHERE article_key = ?", [key])
            articles[key] = _article(arow)
        text = articles[key]["text"]
        rec = json.loads(record)
        evidence = [{"field": name, "start": span[0], "end": span[1], "text": text[span[0]:span[1]]}
                    for name, span in (rec.get("evidence") or {}).items() if span]
        reports.append({"report_id": report_id, "article_key": key, "article_id": articles[key]["article_id"],
                        "lead": report_id == event["extra"]["lead_report_id"], "merge_reason": reason,
                        "evidence": evidence, "record": rec})
    changes = [dataclasses.asdict(c) for c in review.log(store, event_id)]
    corrected = sorted({c["field"] for c in changes if c["action"] == "correct"})
    return {"event": event, "corrected_fields": corrected, "claims": event["fatality_claims"],
            "reports": reports, "articles": list(articles.values()), "audit": changes}


def _extract(pool: StorePool, settings: Settings, body: ExtractRequest) -> dict[str, Any]:
    from sitrep import ingest
    from sitrep.api import get_extractor
    from sitrep.records import InputProblem

    fields = body.model_dump(exclude={"store"}, exclude_none=True)
    if not fields.get("text") and not fields.get("html"):
        raise ApiError(422, "text: give the article's 'text' (or 'html')", "text")
    line = json.dumps(fields, ensure_ascii=False).encode("utf-8") + b"\n"
    items = list(ingest.iter_articles(["-"], settings, stdin=io.BytesIO(line)))
    if len(items) != 1 or isinstance(items[0], InputProblem):
        reason = items[0].reason if items and isinstance(items[0], InputProblem) else "not one article"
        raise ApiError(422, f"article: {reason}", "article")
    with pool.write_lock:  # one extraction at a time: the pipeline is loaded once and is not shared by threads
        ((article, events),) = [x for x in get_extractor(settings).extract(items) if not isinstance(x, InputProblem)]
        stored = None
        if body.store:
            with pool.store() as store:
                result = store.add(article, events)
                stored = {"status": result.status, "article_key": result.article_key, "event_ids": result.event_ids,
                          "new_events": result.new_events, "merged": result.merged, "line": result.line()}
    return {"article_id": article.id, "warnings": article.warnings, "events": [e.to_dict() for e in events],
            "stored": stored, "extracted_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
