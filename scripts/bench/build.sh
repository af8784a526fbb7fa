# Shared by the benchmark scripts: sourced, not run. Sets root (the project) and SVW, the
# binary to measure: $SVW if given, else the release build, built here first.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ -z "${SVW:-}" ]]; then
  swift build --package-path "$root" -c release --product svw >&2
  SVW="$root/.build/release/svw"
fi
