#!/usr/bin/env bash
# Makes the databases db/upgrade.test.ts migrates: the demo team as a release
# of Dossier wrote it, in a PGlite folder (packed) and in PostgreSQL (pg_dump,
# plain SQL, gzipped). Run from the repository's root with the commit of that
# release, and optionally which of the two to make:
#   scripts/make-upgrade-fixture.sh d181755 [pglite|postgres|both]
# (needs node_modules installed here; it checks the commit out beside it. The
# PostgreSQL one needs DATABASE_URL, an admin URL of a server to make a
# throwaway database on, and pg_dump.)
set -euo pipefail
commit=${1:?name the commit of the release}
kinds=${2:-both}
work=$(mktemp -d)
git worktree add -q "$work/tree" "$commit"
trap 'git worktree remove --force "$work/tree"; rm -rf "$work"' EXIT
cp -al node_modules "$work/tree/node_modules"
(cd "$work/tree" && node scripts/build-server.mjs >/dev/null)

# Migrations and the demo seed run before the web app is prepared; with no
# web build the server stops right after them, its data written.
run_release() {
  (cd "$work/tree" && PORT=3411 DOSSIER_DEMO=1 NODE_ENV=production "$@" node dist/server.mjs >/dev/null 2>&1) || true
}

if [[ $kinds == pglite || $kinds == both ]]; then
  run_release env DATA_DIR="$work/data"
  test -d "$work/data/pglite"
  tar -czf "db/fixtures/upgrade-$commit-demo.pglite.tar.gz" -C "$work/data" pglite
  echo "db/fixtures/upgrade-$commit-demo.pglite.tar.gz"
fi

if [[ $kinds == postgres || $kinds == both ]]; then
  admin=${DATABASE_URL:?set DATABASE_URL to an admin URL, such as postgres://postgres@127.0.0.1:5432/postgres}
  name="dossier_fixture_$$"
  url="${admin%/*}/$name"
  psql -q "$admin" -c "create database $name"
  trap 'psql -q "$admin" -c "drop database if exists $name with (force)"; git worktree remove --force "$work/tree"; rm -rf "$work"' EXIT
  run_release env DATA_DIR="$work/pg-data" DATABASE_URL="$url"
  # Plain SQL without owners or grants: it restores into any database, as any user.
  pg_dump --no-owner --no-privileges "$url" | gzip -9 >"db/fixtures/upgrade-$commit-demo.postgres.sql.gz"
  echo "db/fixtures/upgrade-$commit-demo.postgres.sql.gz"
fi
