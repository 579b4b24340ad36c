# Start a throw-away PostgreSQL cluster on loopback for the tests, and stop it afterwards (sourced by run).

start_postgres() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ]; then
        echo "PostgreSQL not installed; its tests will be skipped"
        return 0
    fi
    PG_DIR=$(mktemp -d /tmp/nq-pg.XXXXXX)
    # A free loopback port, so a server left running elsewhere on the machine never collides with ours.
    PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    chown postgres "$PG_DIR" 2>/dev/null || true
    as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
    as_postgres "$bin/initdb -D $PG_DIR/data -A trust -U postgres >/dev/null"
    as_postgres "$bin/pg_ctl -D $PG_DIR/data -o '-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1' -l $PG_DIR/log -w start >/dev/null"
    as_postgres "$bin/createdb -h 127.0.0.1 -p $PG_PORT -U postgres nq_test"
    export NQ_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$PG_PORT/nq_test"
    export PG_BIN="$bin"
    echo "PostgreSQL started for the tests: $NQ_TEST_POSTGRES_URL"
}

stop_postgres() {
    if [ -n "${PG_DIR:-}" ] && [ -n "${PG_BIN:-}" ]; then
        if [ "$(id -u)" -eq 0 ]; then
            su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast -w stop" >/dev/null || true
        else
            "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
        fi
        rm -rf "$PG_DIR"
    fi
}
