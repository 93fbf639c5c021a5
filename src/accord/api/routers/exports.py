"""CSV downloads: the whole knowledge base (`accord export --format csv`) and the matrix.

Both go through `accord.export`'s formula guard, so a cell that starts with = + - @ (or a
tab or CR) opens in a spreadsheet as text, never as a formula.
"""

from __future__ import annotations

import io

from fastapi import APIRouter
from fastapi.responses import Response

from accord.api.deps import Connection
from accord.export import export, write_table
from accord.query import matrix

router = APIRouter(tags=["exports"])


def _csv(text: str, name: str) -> Response:
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/export.csv", summary="Every fact not rejected, one row each (formula-safe CSV)")
def export_csv(connection: Connection) -> Response:
    out = io.StringIO()
    export(connection, "csv", out)
    return _csv(out.getvalue(), "accord-facts.csv")


@router.get("/matrix.csv", summary="Agreements × parties as CSV (formula-safe)")
def matrix_csv(connection: Connection) -> Response:
    out = io.StringIO()
    write_table(matrix(connection).rows(), out)
    return _csv(out.getvalue(), "accord-matrix.csv")
