#!/usr/bin/env bash
# The two commands of the README:
#   ./dev.sh run  [--data-dir DIR] [--lang en]   start the window (embedded SQLite database)
#   ./dev.sh test [pytest arguments]             lint, type-check and run the whole test suite
# Also: ./dev.sh station ARGS  (the command line), ./dev.sh bench  (the benchmarks),
#       ./dev.sh serve [--data-dir DIR] [--listen HOST:PORT]  a county upload service to try out.
# Each step installs what it needs: Debian packages (when run as root or with sudo), a virtual
# environment in .venv with the project and its development tools, and compiled translations.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"

# Debian packages: Python's venv, Qt's runtime libraries, a CJK font (Chinese renders as boxes
# without it), Xvfb for screenshots and window tests.
DEB_PACKAGES=(
  python3 python3-venv python3-pip
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-noto-cjk
  xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0
  libreoffice-calc-nogui poppler-utils
  postgresql
)

say() { printf '==> %s\n' "$*" >&2; }

ensure_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: install the equivalents by hand
  local missing=()
  for pkg in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      say "missing Debian packages (install them as root): ${missing[*]}"; return 0
    fi
  fi
  say "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_venv() {
  if [ ! -x "$PY" ]; then
    say "creating virtual environment in $VENV"
    python3 -m venv "$VENV"
    "$PY" -m pip install -q --upgrade pip
  fi
  local stamp="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    say "installing the project and its development tools"
    "$PY" -m pip install -q -e ".[dev]"
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
}

compile_translations() {
  "$PY" scripts/translations.py compile
}

setup() {
  ensure_debian_packages
  ensure_venv
  compile_translations
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  run)
    setup
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
      say "no display found: starting on a virtual screen (xvfb-run); set DISPLAY to see the window"
      exec xvfb-run -a -s "-screen 0 1366x768x24" "$VENV/bin/station-app" "$@"
    fi
    exec "$VENV/bin/station-app" "$@"
    ;;
  test)
    setup
    export QT_QPA_PLATFORM=offscreen
    say "ruff"
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    say "mypy (core)"
    "$VENV/bin/mypy" station_app
    say "pytest"
    exec "$PY" -m pytest "$@"
    ;;
  station)
    setup
    exec "$VENV/bin/station" "$@"
    ;;
  serve)
    # ./dev.sh serve [--data-dir DIR] [--listen HOST:PORT] [station serve options]: a county
    # installation (made on first use, embedded SQLite) and its upload service, on this machine
    setup
    data_dir=".county-trial"; listen="127.0.0.1:8765"; rest=()
    while [ $# -gt 0 ]; do
      case "$1" in
        --data-dir) data_dir="$2"; shift 2 ;;
        --listen) listen="$2"; shift 2 ;;
        *) rest+=("$1"); shift ;;
      esac
    done
    if [ ! -e "$data_dir/station.sqlite3" ]; then
      say "making a trial county installation in $data_dir"
      "$VENV/bin/station" --data-dir "$data_dir" init --station-code XIAN \
        --name "试用县消费者协会" --county-code 511921 --role county
    fi
    say "stations upload with: station bundle upload --url http://$listen"
    exec "$VENV/bin/station" --data-dir "$data_dir" serve --listen "$listen" ${rest[@]+"${rest[@]}"}
    ;;
  bench)
    setup
    export QT_QPA_PLATFORM=offscreen
    status=0
    for bench in benchmarks/bench_*.py; do
      say "$bench"
      PYTHONPATH=. "$PY" "$bench" "$@" || status=1
    done
    exit $status
    ;;
  fuzz)
    # ./dev.sh fuzz [MINUTES]: property-based fuzzing of the bundle, receipt and roster readers
    setup
    export QT_QPA_PLATFORM=offscreen
    PYTHONPATH=. exec "$PY" tests/fuzz/fuzz_readers.py "$@"
    ;;
  *)
    echo "usage: ./dev.sh run|test|station|serve|bench|fuzz [arguments]" >&2
    exit 2
    ;;
esac
