#!/usr/bin/env bash
# The portal's pages under load, beside the same pages saved and served as static files by nginx.
#
#   bash bench/portal-load.sh [SECONDS] [CONNECTIONS]     (defaults: 15 s, 16 connections; wrk with 2 threads)
#
# Needs wrk and nginx (Debian: apt-get install wrk nginx-light). Builds `gongkai` in release mode, serves the demo
# agency on a throwaway SQLite file (port 18181), applies once through the API for a 查询码, saves each page with
# curl, serves the saved copies with nginx (port 18182, one worker per core, access log off), then runs
# `wrk --latency` against every page on both servers in turn and prints a Markdown table of requests/s, p50 and
# p99. Both servers run on this machine with the load tool, so the figures are for comparison, not capacity.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-16}
for tool in wrk nginx curl; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install wrk nginx-light curl" >&2; exit 2; }
done

work=$(mktemp -d)
gongkai_pid=""
cleanup() {
    [[ -n $gongkai_pid ]] && kill "$gongkai_pid" 2>/dev/null && wait "$gongkai_pid" 2>/dev/null
    [[ -f $work/nginx.pid ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

swift build -c release --product gongkai >/dev/null
bin=$(swift build -c release --show-bin-path)/gongkai
"$bin" serve --demo --port 18181 --database "sqlite://$work/demo.sqlite" >"$work/gongkai.log" 2>&1 &
gongkai_pid=$!
for _ in $(seq 100); do curl -fs -o /dev/null http://127.0.0.1:18181/ && break; sleep 0.2; done

code=$(curl -fs -H 'Content-Type: application/json' http://127.0.0.1:18181/api/v1/agencies/1/applications -d '{
  "applicant": {"kind": "naturalPerson", "name": "张三", "idNumber": "11010519491231002X", "phone": "13800000000"},
  "request": {"description": "2020年部门预算"}, "delivery": {"medium": "electronic"}}' |
    sed -n 's/.*"trackingCode" *: *"\([^"]*\)".*/\1/p')
[[ -n $code ]] || { echo "could not apply for a 查询码 (log: $work/gongkai.log)" >&2; exit 1; }

# name|path: each page as a visitor opens it.
pages=(
    "首页|/"
    "机关专栏|/agencies/1"
    "目录检索 预算|/agencies/1/catalogue?q=%E9%A2%84%E7%AE%97"
    "指南|/agencies/1/guide"
    "申请表|/agencies/1/apply"
    "申请查询|/track?code=$code"
    "目录接口 (JSON)|/api/v1/agencies/1/catalogue?q=%E9%A2%84%E7%AE%97"
)
mkdir -p "$work/static"
for i in "${!pages[@]}"; do curl -fs -o "$work/static/page$i" "http://127.0.0.1:18181${pages[$i]#*|}"; done
chmod -R a+rX "$work"  # nginx's workers run as another user (www-data)

cat >"$work/nginx.conf" <<EOF
worker_processes $(nproc);
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
    uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
    server { listen 127.0.0.1:18182; root $work/static; }
}
EOF
mkdir -p "$work/tmp"
nginx -c "$work/nginx.conf"
sleep 0.5

# load URL: "requests/s p50 p99" from wrk (latencies in ms).
load() {
    wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
        /Non-2xx/ { bad = $NF }
        END { if (bad) { print "non-2xx responses: " bad > "/dev/stderr"; exit 1 }; printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

echo "wrk -t2 -c$connections -d${seconds}s --latency; $(nproc) cores; $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD)"
echo
echo "| page | bytes | gongkai req/s | p50 ms | p99 ms | nginx req/s | p50 ms | p99 ms |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for i in "${!pages[@]}"; do
    name=${pages[$i]%%|*}
    read -r g_rps g_p50 g_p99 < <(load "http://127.0.0.1:18181${pages[$i]#*|}")
    read -r n_rps n_p50 n_p99 < <(load "http://127.0.0.1:18182/page$i")
    echo "| $name | $(wc -c <"$work/static/page$i") | $g_rps | $g_p50 | $g_p99 | $n_rps | $n_p50 | $n_p99 |"
done
