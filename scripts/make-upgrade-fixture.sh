#!/usr/bin/env bash
# Makes the database db/upgrade.test.ts migrates: the demo team as a release
# of Dossier wrote it, in a PGlite folder, packed. Run from the repository's
# root with the commit of that release: scripts/make-upgrade-fixture.sh d181755
# (needs node_modules installed here; it checks the commit out beside it).
set -euo pipefail
commit=${1:?name the commit of the release}
work=$(mktemp -d)
git worktree add -q "$work/tree" "$commit"
trap 'git worktree remove --force "$work/tree"; rm -rf "$work"' EXIT
cp -al node_modules "$work/tree/node_modules"
(
  cd "$work/tree"
  node scripts/build-server.mjs >/dev/null
  # Migrations and the demo seed run before the web app is prepared; with no
  # web build the server stops right after them, its data written.
  PORT=3411 DATA_DIR="$work/data" DOSSIER_DEMO=1 NODE_ENV=production node dist/server.mjs >/dev/null 2>&1 || true
)
test -d "$work/data/pglite"
tar -czf "db/fixtures/upgrade-$commit-demo.pglite.tar.gz" -C "$work/data" pglite
echo "db/fixtures/upgrade-$commit-demo.pglite.tar.gz"
