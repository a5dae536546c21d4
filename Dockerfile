# The Homer agent as a container: `docker compose run --rm agent chat`.
# Python and uv are pinned; dependencies come from uv.lock exactly (--frozen), without the
# dev group. The project is installed editable from /app so the migrations in /app/sql are
# found beside the source, as in a checkout.
FROM python:3.11.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/opt/venv

RUN pip install --no-cache-dir uv==0.13.9

WORKDIR /app

# Dependencies first, so editing the source does not reinstall them.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project

COPY src ./src
COPY sql ./sql
RUN uv sync --frozen --no-dev

RUN useradd --system --create-home --home-dir /home/homer --uid 10001 homer
USER homer

ENV PATH=/opt/venv/bin:$PATH \
    HOMER_DATA_DIR=/home/homer/data \
    HOMER_METRICS_PORT=9464 \
    HOMER_METRICS_ADDR=0.0.0.0
EXPOSE 9464

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; port = os.environ.get('HOMER_METRICS_PORT', '9464'); port == '0' or urllib.request.urlopen(f'http://127.0.0.1:{port}/metrics', timeout=4)"]

ENTRYPOINT ["homer-agent"]
CMD ["chat"]
