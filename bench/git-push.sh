#!/usr/bin/env bash
# Push -> new text served, through the signed hook, at 10,000 pages: measured from outside, as an editor feels it.
# Run by scripts/bench git (after it has published the portal to artifacts/bench-portal).
set -eu
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
root=/tmp/gitbench; rm -rf $root; mkdir -p $root
g() { git -c user.name=Editor -c user.email=editor@example.org "$@"; }
dotnet "$repo/bench/DataPlatform.Bench/bin/Release/net10.0/DataPlatform.Bench.dll" generate $root/editor/content 10000 >/dev/null
g init -q --bare -b main $root/origin.git
cd $root/editor && g init -q -b main && g add -A && g commit -qm "10,000 pages" && g remote add origin $root/origin.git && g push -q origin main
db="$("$repo/scripts/local-postgres.sh" start portal_gitbench)"
export ConnectionStrings__Portal="$db" Content__Git__Repository="file://$root/origin.git" Content__Git__WorkDirectory="$root/portal" \
  Content__Git__WebhookSecret=s3cret Content__Git__PollSeconds=3600 Serilog__MinimumLevel__Default=Warning
start=$(date +%s%N)
dotnet "$repo/artifacts/bench-portal/DataPlatform.Web.dll" --urls http://127.0.0.1:5097 > $root/portal.log 2>&1 &
pid=$!
trap "kill $pid 2>/dev/null || true" EXIT
until curl -sf http://127.0.0.1:5097/readyz >/dev/null; do sleep 0.2; done
echo "clone and load to ready: $(( ($(date +%s%N) - start) / 1000000 )) ms"
page=$(cd $root/editor/content && ls -d */ | head -1); page=${page%/}
file=$(cd $root/editor/content && find "$page" -name '*.md' ! -name '_index*' ! -name '*.sv.md' | head -1)
url="/${file%.md}/"
echo "page: $url"
body='{"ref":"refs/heads/main"}'
sig="sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac s3cret | awk '{print $2}')"
for i in 1 2 3 4 5 6; do
  sed -i "0,/^title: .*/s//title: Edited title $i/" "$root/editor/content/$file"
  t0=$(date +%s%N)
  (cd $root/editor && g commit -qam "edit $i" && g push -q origin main)
  curl -s -o /dev/null -X POST -H "X-Hub-Signature-256: $sig" -H 'Content-Type: application/json' --data "$body" http://127.0.0.1:5097/hooks/content
  until curl -s "http://127.0.0.1:5097$url" | grep -q "Edited title $i"; do sleep 0.02; done
  echo "edit $i: push -> served $(( ($(date +%s%N) - t0) / 1000000 )) ms"
done
# A branch's preview, first page: a staff member signs in (curl, with the form's token), then asks for the page.
dotnet "$repo/artifacts/bench-portal/DataPlatform.Web.dll" staff add bench@example.org --role Staff --password-stdin <<< "Bench-password-2026" >/dev/null
jar=$root/cookies; token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
t=$(curl -s -c $jar -b $jar http://127.0.0.1:5097/staff/signin | token)
curl -s -o /dev/null -c $jar -b $jar --data-urlencode "__RequestVerificationToken=$t" --data-urlencode "Email=bench@example.org" \
  --data-urlencode "Password=Bench-password-2026" http://127.0.0.1:5097/staff/signin
(cd $root/editor && g checkout -q -b review && sed -i "0,/^title: .*/s//title: Under review/" "content/$file" && g commit -qam review && g push -q origin review)
t0=$(date +%s%N)
code=$(curl -s -o $root/preview.html -w '%{http_code}' -c $jar -b $jar "http://127.0.0.1:5097/staff/preview/review$url")
echo "preview, first page (clone, load, check of 10,000 pages): $(( ($(date +%s%N) - t0) / 1000000 )) ms, status $code, $(grep -c 'Under review' $root/preview.html) match"
t0=$(date +%s%N)
curl -s -o /dev/null -c $jar -b $jar "http://127.0.0.1:5097/staff/preview/review$url"
echo "preview, next page: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
kill $pid; wait $pid 2>/dev/null || true
