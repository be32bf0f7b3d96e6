#!/usr/bin/env bash
# Prints the code-shape figures that issue 10 ("one typed ledger contract") is measured by, so anyone can rerun
# them on any commit:
#   1. literal transaction names in platform-api's main code outside ledger/ScfLedger.java;
#   2. JsonNode.path("…") reads in platform-api's main code;
#   3. ApiProblem.of( calls in platform-api's main code outside the problem/ and web/ packages;
#   4. the largest class (lines) of each module;
#   5. package cycles in each Java module's compiled classes, found with jdeps (needs `mvn package` first);
#   6. hand-written API models left in the web (exported types in src/api besides the generated schema.d.ts,
#      and the spelling-guessing helpers).
#
#   scripts/shape-metrics.sh            all figures (jdeps on whatever target/classes exist)
set -euo pipefail
cd "$(dirname "$0")/.."

api_main=platform-api/src/main/java

# The wire names of every transaction: from the chaincode's @Transaction annotations and, once it exists, the
# contract module's string constants.
names=$( {
  grep -rhoE 'name = "[A-Z][A-Za-z]+"' chaincode/src/main/java 2>/dev/null | grep -oE '"[A-Za-z]+"' || true
  if [ -d contract/src/main/java ]; then
    grep -rhoE 'static final String [A-Z_]+ = "[A-Z][A-Za-z]+"' contract/src/main/java | grep -oE '"[A-Za-z]+"' || true
  fi
} | tr -d '"' | sort -u)

echo "1. literal transaction names outside ScfLedger (platform-api/src/main):"
total=0
for n in $names; do
  c=$( (grep -rF "\"$n\"" "$api_main" --include=*.java || true) | (grep -v '/ledger/ScfLedger.java:' || true) | wc -l)
  if [ "$c" -gt 0 ]; then printf '   %-22s %s\n' "$n" "$c"; total=$((total + c)); fi
done
files=$(for n in $names; do grep -rlF "\"$n\"" "$api_main" --include=*.java | grep -v '/ledger/ScfLedger.java$' || true; done | sort -u | wc -l)
echo "   total: $total occurrences in $files files"

echo "2. JsonNode .path(\"…\") calls in platform-api/src/main: $( (grep -rE '\.path\("' "$api_main" || true) | wc -l)"

outside=$( (grep -rn 'ApiProblem.of(' "$api_main" || true) | (grep -vE '/platform/(problem|web)/' || true) | wc -l)
echo "3. ApiProblem.of( outside problem/ and web/: $outside (all: $( (grep -rn 'ApiProblem.of(' "$api_main" || true) | wc -l))"

echo "4. largest class per module (lines):"
for m in contract chaincode platform-api; do
  [ -d "$m/src/main/java" ] || continue
  find "$m/src/main/java" -name '*.java' -print0 | xargs -0 wc -l | grep -v ' total$' | sort -n | tail -1 \
    | awk -v m="$m" '{ printf "   %-13s %5d %s\n", m, $1, $2 }'
done
if [ -d platform-web/src ]; then
  find platform-web/src \( -name '*.ts' -o -name '*.tsx' \) ! -name 'schema.d.ts' -print0 | xargs -0 wc -l \
    | grep -v ' total$' | sort -n | tail -1 | awk '{ printf "   %-13s %5d %s\n", "platform-web", $1, $2 }'
fi

echo "5. package cycles (jdeps on target/classes):"
for m in contract chaincode platform-api; do
  classes="$m/target/classes"
  [ -d "$classes" ] || { echo "   $m: not built (run mvn package)"; continue; }
  jdeps -verbose:package -filter:none "$classes" 2>/dev/null | python3 -c '
import sys, re
edges = {}
for line in sys.stdin:
    m = re.match(r"\s+(com\.scfledger\S*)\s+->\s+(com\.scfledger\S*)", line)
    if m and m.group(1) != m.group(2):
        edges.setdefault(m.group(1), set()).add(m.group(2))
# Tarjan: strongly connected components of more than one package are cycles
index, low, stack, on, out, n = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in index: visit(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: out.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in list(edges): 
    if v not in index: visit(v)
strip = lambda p: p.replace("com.scfledger.", "")
print("   %s: %d cycle(s)%s" % (sys.argv[1], len(out), "".join("\n     " + " <-> ".join(map(strip, c)) for c in out)))
' "$m"
done

echo "6. hand-written API models in platform-web/src/api (besides the generated schema.d.ts):"
if [ -d platform-web/src/api ]; then
  exported=$( (grep -rhE "^export interface " platform-web/src/api --include=*.ts --include=*.tsx --exclude=schema.d.ts || true) | wc -l)
  guessing=$( (grep -rhoE '\b(amountOf|payableIdOf|normalizeToken)\b' platform-web/src || true) | sort -u | tr '\n' ' ')
  echo "   hand-written interfaces (not aliases of the generated schema): $exported; models.ts: $([ -f platform-web/src/api/models.ts ] && echo present || echo gone); guessing helpers: ${guessing:-none}"
fi
